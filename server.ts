// The HTTP server: the edge checks (headers, request shape, CSRF, body limits; app/web/edge), static files, Remix,
// and the job worker in the same process. `npm start` runs it after building; see README.
import "~/env.server";
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import compression from "compression";
import express, { type NextFunction, type Request, type Response } from "express";
import type { ServerBuild } from "@remix-run/node";
import { readConfig } from "~/config.server";
import { configuredClock, createServices } from "~/services.server";
import { prepareDatabase } from "~/setup.server";
import { isSupportedLanguage } from "~/i18n/locales.server";
import { LANGUAGE_COOKIE } from "~/i18n/languages";
import { logger } from "~/lib/logger.server";
import { readBodyWithinLimit } from "~/web/edge/body-limit.server";
import { permissionsPolicy, securityHeaders } from "~/web/edge/headers.server";
import { refuse, type EdgeStatus } from "~/web/edge/plain-reply.server";
import { remixHandler } from "~/web/edge/remix-handler.server";
import { requestShape } from "~/web/edge/request-shape.server";
import { exitOnStartupProblem } from "~/web/edge/startup.server";
import { carriesSessionCookie } from "~/web/session.server";
import { auditingRefusals } from "~/web/refusal-audit.server";
import { Worker } from "./jobs/worker";

const production = process.env.NODE_ENV === "production";
const config = exitOnStartupProblem(() => readConfig());
const clock = configuredClock(config);
if (config.clockOffsetMs) logger.warn({ now: clock.now().toISOString() }, "the clock is shifted by CLOCK_OFFSET_MS");
await exitOnStartupProblem(() => prepareDatabase(config.databaseUrl, { seedWhenEmpty: process.env.SEED !== "false", clock }));
const services = await createServices(config, clock);
const reply = (req: Request, res: Response, status: EdgeStatus) => refuse(req, res, status, config.publicUrl);

const app = express();
app.disable("x-powered-by");
// The client address every rate limit counts by: the one the trusted proxies saw (TRUST_PROXY, decision 024).
app.set("trust proxy", config.trustProxy);

app.use((_req, res, next) => {
  res.locals.nonce = crypto.randomBytes(16).toString("base64");
  next();
});
app.use(securityHeaders({ publicUrl: config.publicUrl, production }));
app.use(permissionsPolicy);
// Request log: method, path (never the query string), status, duration. Before the edge's checks: their refusals
// are logged too.
app.use((req, res, next) => {
  const start = process.hrtime.bigint();
  res.on("finish", () => {
    if (req.path.startsWith("/build/")) return;
    const ms = Number(process.hrtime.bigint() - start) / 1e6;
    logger.info({ method: req.method, path: req.path, status: res.statusCode, ms: Math.round(ms) }, "request");
  });
  next();
});

// Before every check that reads the path or method: paths that change meaning when normalised, unknown methods.
app.use(requestShape(reply));
app.use(compression());

// CSRF: besides SameSite=Lax cookies, every state-changing request must come from our own origin.
const allowedOrigins = new Set([config.publicUrl]);
app.use((req: Request, res: Response, next: NextFunction) => {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method)) return next();
  // Twilio's webhooks come from Twilio, not a browser: they carry a signature instead (app/web/twilio-webhook.server.ts).
  if (req.path.startsWith("/webhooks/twilio/")) return next();
  const origin = req.get("Origin") ?? originOf(req.get("Referer"));
  const self = `${req.protocol}://${req.get("Host")}`;
  if (origin && (allowedOrigins.has(origin) || origin === self)) {
    // Remix checks again that Origin names the Host. Behind a proxy that does not pass the public host on (or on
    // another port than PUBLIC_URL says), an origin we just accepted would fail there with a 500 on every form.
    if (req.get("Origin") && origin !== self) req.headers["x-forwarded-host"] = new URL(origin).host;
    return next();
  }
  res.status(403).type("text/plain").send("Forbidden: this form must be sent from this site.");
});

// Forms arrive as a form. Any other body (JSON, text, a multipart without its boundary) is the sender's mistake:
// 400 here, instead of a 500 from deep inside an action.
app.use((req: Request, res: Response, next: NextFunction) => {
  if (["GET", "HEAD", "OPTIONS"].includes(req.method) || req.path.startsWith("/webhooks/twilio/")) return next();
  const hasBody = Number(req.get("Content-Length") ?? 0) > 0 || req.get("Transfer-Encoding") !== undefined;
  const type = (req.get("Content-Type") ?? "").toLowerCase();
  const form = type.startsWith("application/x-www-form-urlencoded") || (type.startsWith("multipart/form-data") && type.includes("boundary="));
  if (form || (!hasBody && !type)) return next();
  reply(req, res, 400);
});

// Bodies are read here, within their limit (413 beyond it), before Remix or anything else holds them in memory.
app.use(
  readBodyWithinLimit({
    tooLarge: (req, res) => reply(req, res, 413),
    signedIn: (cookieHeader) => carriesSessionCookie(services, cookieHeader),
  }),
);

// Language switch without JavaScript: ?lng=xx is remembered for later pages.
app.use((req, res, next) => {
  const lng = req.query.lng;
  // The service worker fetches the offline page in every language: that must not change anyone's language.
  if (isSupportedLanguage(lng) && req.path !== "/offline") {
    res.cookie(LANGUAGE_COOKIE, lng, { maxAge: 365 * 24 * 3_600_000, sameSite: "lax", httpOnly: true, secure: config.secureCookies, path: "/" });
  }
  next();
});

app.use("/build", express.static("public/build", { immutable: true, maxAge: "1y" }));
// The service worker: always revalidated, so an update reaches every device on its next visit.
app.get("/sw.js", (_req, res, next) => {
  res.sendFile(
    path.resolve("public/sw.js"),
    { cacheControl: false, headers: { "Cache-Control": "no-cache", "Service-Worker-Allowed": "/" } },
    (error) => error && next(),
  );
});
// Translations, for the service worker's precache (the pages carry their own).
app.use("/locales", express.static("locales", { maxAge: "1h" }));
app.use(express.static("public", { maxAge: "1h" }));

const buildPath = path.resolve("build/server/index.js");
// Every loader and action watched for 403s to signed-in staff, resource routes included (refusal-audit.server.ts).
let build = auditingRefusals((await import(buildPath)) as ServerBuild);
if (!production) {
  // `npm run dev`: load each new build when Remix rebuilds, then tell the dev server.
  const { broadcastDevReady } = await import("@remix-run/node");
  const reload = async () => {
    build = auditingRefusals((await import(`${buildPath}?t=${Date.now()}`)) as ServerBuild);
    await broadcastDevReady(build);
  };
  fs.watch(path.dirname(buildPath), () => void reload());
  await broadcastDevReady(build);
}

app.all(
  "*",
  remixHandler({
    build: async () => build,
    mode: production ? "production" : "development",
    getLoadContext: (req, res) => ({ services, nonce: res.locals.nonce as string, clientIp: req.ip ?? "unknown" }),
  }),
);

const port = Number(process.env.PORT ?? 3000);
const server = app.listen(port, () => logger.info({ port }, `Digitale Ambulanz on http://localhost:${port}`));

const worker = process.env.RUN_JOBS === "false" ? null : new Worker(services);
worker?.start();

let closing = false;
async function shutdown(signal: string) {
  if (closing) return;
  closing = true;
  logger.info({ signal }, "shutting down");
  server.close();
  await worker?.stop();
  await services.db.$disconnect();
  process.exit(0);
}
process.on("SIGINT", () => void shutdown("SIGINT"));
process.on("SIGTERM", () => void shutdown("SIGTERM"));

function originOf(referer: string | undefined): string | undefined {
  try {
    return referer ? new URL(referer).origin : undefined;
  } catch {
    return undefined;
  }
}

