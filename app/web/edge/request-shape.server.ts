// Requests the app does not speak are refused before any other check looks at them: a path that only means what it
// says after normalisation (`..`, `%2e%2e`, `//`, encoded slashes, backslashes) and methods no page handles.
import type { NextFunction, Request, Response } from "express";
import type { EdgeStatus } from "./plain-reply.server";

/**
 * Whether the path reads the same before and after a URL parser normalises it. The checks below judge `req.path`
 * while Remix routes the normalised URL: `/webhooks/twilio/../../report` would pass as a webhook (no CSRF check)
 * and be answered by /report. No link of ours produces such a path, so refusing it costs nobody anything.
 */
export function isNormalPath(path: string): boolean {
  if (!path.startsWith("/") || path.includes("\\") || /%(2f|5c)/i.test(path)) return false;
  return path
    .slice(1)
    .split("/")
    .every((segment, i, all) => {
      const bare = segment.replace(/%2e/gi, ".");
      // An empty segment is `//`; only the last may be empty (a trailing slash).
      return bare !== "." && bare !== ".." && (segment !== "" || i === all.length - 1);
    });
}

/** What the pages answer. TRACE and other methods would otherwise reach Remix, which fails on them with a 500. */
const METHODS = new Set(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE", "OPTIONS"]);
const WEBHOOKS = "/webhooks/twilio/";

export function requestShape(refuse: (req: Request, res: Response, status: EdgeStatus) => void) {
  return (req: Request, res: Response, next: NextFunction) => {
    const path = req.originalUrl.split("?")[0]!;
    if (!isNormalPath(path)) return refuse(req, res, 404);
    if (!METHODS.has(req.method)) {
      res.set("Allow", [...METHODS].join(", "));
      return refuse(req, res, 405);
    }
    // Twilio only ever POSTs; a GET (a crawler, someone trying the address) is told so.
    if (path.startsWith(WEBHOOKS) && req.method !== "POST") {
      res.set("Allow", "POST");
      return refuse(req, res, 405);
    }
    next();
  };
}
