// Express → Remix, as @remix-run/express does it, with two differences: the body is the one the limit guard already
// read (body-limit.server.ts), and private pages get `Cache-Control: private, no-store` whatever the route said.
import type { AppLoadContext, ServerBuild } from "@remix-run/node";
import { createRequestHandler, writeReadableStreamToWritable } from "@remix-run/node";
import type { NextFunction, Request, Response } from "express";
import { mustNotBeStored, NO_STORE } from "./headers.server";

interface Options {
  build: () => Promise<ServerBuild>;
  mode: "production" | "development";
  getLoadContext: (req: Request, res: Response) => AppLoadContext;
}

export function remixHandler({ build, mode, getLoadContext }: Options) {
  const handle = createRequestHandler(build, mode);
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const response = await handle(remixRequest(req, res), getLoadContext(req, res));
      const noStore = mustNotBeStored(req.path);
      res.statusMessage = response.statusText;
      res.status(response.status);
      for (const [key, value] of response.headers.entries()) {
        if (!(noStore && key === "cache-control")) res.append(key, value);
      }
      if (noStore) res.set("Cache-Control", NO_STORE);
      if (response.body) await writeReadableStreamToWritable(response.body, res);
      else res.end();
    } catch (error) {
      next(error);
    }
  };
}

function remixRequest(req: Request, res: Response): globalThis.Request {
  // req.hostname follows `trust proxy`; the port comes from X-Forwarded-Host or Host, as in @remix-run/express.
  const portOf = (host: string | undefined) => Number.parseInt(host?.split(":")[1] ?? "", 10);
  const port = [portOf(req.get("X-Forwarded-Host")), portOf(req.get("Host"))].find(Number.isSafeInteger);
  const url = new URL(`${req.protocol}://${req.hostname}${port ? `:${port}` : ""}${req.originalUrl}`);
  const headers = new Headers();
  for (const [key, values] of Object.entries(req.headers)) {
    for (const value of Array.isArray(values) ? values : values ? [values] : []) headers.append(key, value);
  }
  // Abort loaders and actions when the client goes away before the answer is sent.
  const controller = new AbortController();
  res.on("close", () => !res.writableFinished && controller.abort());
  const body = res.locals.body as Buffer | undefined;
  const hasBody = req.method !== "GET" && req.method !== "HEAD" && body !== undefined;
  return new globalThis.Request(url.href, { method: req.method, headers, signal: controller.signal, ...(hasBody ? { body, duplex: "half" } : {}) } as RequestInit);
}
