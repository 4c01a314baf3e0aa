// Server rendering with the CSP nonce; bots and no-JS clients get the whole document at once.
import { PassThrough } from "node:stream";
import type { AppLoadContext, EntryContext, HandleErrorFunction } from "@remix-run/node";
import { createReadableStreamFromReadable } from "@remix-run/node";
import { RemixServer } from "@remix-run/react";
import { isbot } from "isbot";
import { renderToPipeableStream } from "react-dom/server";
import { logger } from "~/lib/logger.server";
import "~/web/load-context";
import { logRouteError } from "~/web/errors.server";
import { refusalHeader } from "~/web/pwa.server";
import { loader as rootLoader, type RootData } from "./root";

const ABORT_DELAY = 5_000;

export default async function handleRequest(
  request: Request,
  responseStatusCode: number,
  responseHeaders: Headers,
  remixContext: EntryContext,
  loadContext: AppLoadContext,
) {
  await rootDataForErrorPage(request, remixContext, loadContext);
  const waitForAll = isbot(request.headers.get("user-agent") ?? "");
  const nonce = loadContext.nonce;
  return new Promise((resolve, reject) => {
    let shellRendered = false;
    const { pipe, abort } = renderToPipeableStream(
      <RemixServer context={remixContext} url={request.url} abortDelay={ABORT_DELAY} nonce={nonce} />,
      {
        nonce,
        [waitForAll ? "onAllReady" : "onShellReady"]() {
          shellRendered = true;
          const body = new PassThrough();
          responseHeaders.set("Content-Type", "text/html; charset=utf-8");
          offlineHeaders(responseHeaders, request, remixContext, loadContext);
          resolve(new Response(createReadableStreamFromReadable(body), { headers: responseHeaders, status: responseStatusCode }));
          pipe(body);
        },
        onShellError(error: unknown) {
          reject(error);
        },
        onError(error: unknown) {
          responseStatusCode = 500;
          if (shellRendered) logger.error({ err: error }, "render error");
        },
      },
    );
    setTimeout(abort, ABORT_DELAY);
  });
}

/**
 * When an action fails on a full-page POST (every citizen form works without JavaScript) and the error reaches the
 * root's boundary, Remix runs no loader, the root's neither: the error page would have no language and no texts.
 * Load the root's data here, so it is translated like any page. Its data cannot reach the browser any more (the
 * handoff is already encoded), so this page ships no scripts (root.tsx) — an error page needs none.
 */
async function rootDataForErrorPage(request: Request, remixContext: EntryContext, loadContext: AppLoadContext) {
  const context = remixContext.staticHandlerContext;
  if (!context.errors || context.loaderData.root != null) return;
  const root: RootData = await rootLoader({ request, context: loadContext, params: {} });
  context.loaderData.root = { ...root, errorDocument: true };
}

/**
 * For the service worker: the page's language (its offline page follows it), on signed-in staff pages the
 * session's opaque tag (pages are kept per session, see docs/decisions/015-offline-pwa.md), and on a refused form
 * why (a form saved offline and refused when it was sent is listed for the volunteer with that reason).
 */
function offlineHeaders(headers: Headers, request: Request, remixContext: EntryContext, loadContext: AppLoadContext) {
  const context = remixContext.staticHandlerContext;
  const root = context.loaderData?.root as { lng?: string } | undefined;
  if (root?.lng) headers.set("Content-Language", root.lng);
  if (loadContext.staffSessionTag) headers.set("X-Staff-Session", loadContext.staffSessionTag);
  if (loadContext.staffPersonTag) headers.set("X-Staff-Person", loadContext.staffPersonTag);
  const refusal = request.method === "POST" && context.statusCode >= 400 ? refusalHeader(context) : null;
  if (refusal) headers.set("X-Refusal", refusal);
}

/** Refusals (4xx) are logged as such, real failures as errors (app/web/errors.server.ts). */
export const handleError: HandleErrorFunction = (error, { request }) => {
  if (request.signal.aborted) return;
  logRouteError(error, new URL(request.url).pathname);
};
