// How large a request body may be, by kind, and the guard that reads it within that limit before anything else
// does: a declared Content-Length over the limit is refused at once, a chunked body as soon as it grows past it.
// Either way 413; the rest is never read into memory, and the connection ends soon after (a "lingering close").
import type { NextFunction, Request, Response } from "express";
import { MAX_IMPORT_BYTES } from "~/capabilities/lending/device-import.server";
import { PHOTO_MAX_BYTES } from "~/capabilities/lending/loan-inputs.server";

/** A form (urlencoded): the longest free text of any form is a few thousand characters. */
export const FORM_BODY_LIMIT = 100 * 1024;
/** Twilio's webhooks: a few hundred bytes of parameters, a long SMS at most a few KB. */
export const WEBHOOK_BODY_LIMIT = 64 * 1024;
/** Room for the other fields and the multipart framing around an upload. */
const MULTIPART_ROOM = 64 * 1024;
/**
 * After a 413, read on and drop at most this much, then stop reading (TCP holds the sender back), and hang up after
 * at most this long: a client still sending then reads the answer instead of meeting a reset connection (which it
 * would show as a network error). Hanging up as soon as the bytes ran out reset clients on a busy machine before
 * they had read the answer.
 */
const LINGER_BYTES = 8 * 1024 * 1024;
const LINGER_MS = 3_000;

/** The two uploads and their file limits, whose one home is the capability that checks the file. */
export const UPLOAD_BODY_LIMITS: { path: RegExp; limit: number }[] = [
  { path: /^\/team\/loans\/[^/]+\/check-in$/, limit: PHOTO_MAX_BYTES + MULTIPART_ROOM },
  { path: /^\/team\/devices\/import$/, limit: MAX_IMPORT_BYTES + MULTIPART_ROOM },
];

/**
 * The limit for this request. The uploads' larger limits are for staff only (a session cookie this server signed,
 * checked without the database): otherwise anyone could hold 5 MB of memory per request on a staff page's address.
 */
export function bodyLimit(path: string, contentType: string, signedIn: boolean): number {
  if (path.startsWith("/webhooks/")) return WEBHOOK_BODY_LIMIT;
  if (signedIn && contentType.toLowerCase().startsWith("multipart/form-data")) {
    return UPLOAD_BODY_LIMITS.find((u) => u.path.test(path))?.limit ?? FORM_BODY_LIMIT;
  }
  return FORM_BODY_LIMIT;
}

/**
 * Reads the body (at most its limit) into `res.locals.body` for the Remix handler, or answers with `tooLarge`.
 * Buffering costs nothing extra: every action reads its whole form anyway, and the limit bounds it.
 */
export function readBodyWithinLimit({
  tooLarge,
  signedIn,
}: {
  tooLarge: (req: Request, res: Response) => void;
  signedIn: (cookieHeader: string | null) => Promise<boolean>;
}) {
  return async (req: Request, res: Response, next: NextFunction) => {
    const declared = req.get("Content-Length");
    if (declared === undefined && req.get("Transfer-Encoding") === undefined) return next();
    const type = req.get("Content-Type") ?? "";
    let limit: number;
    try {
      // Only an upload needs to know who sends it; the body waits unread meanwhile (no data listener yet).
      const upload = UPLOAD_BODY_LIMITS.some((u) => u.path.test(req.path));
      limit = bodyLimit(req.path, type, upload && (await signedIn(req.get("Cookie") ?? null)));
    } catch (error) {
      return next(error);
    }
    const refuse = () => {
      // Node would close the socket right after the answer when the client asked for that, and a close while the
      // client still sends resets the connection, losing the answer on the way. This connection is closed below.
      res.shouldKeepAlive = true;
      tooLarge(req, res);
      req.removeAllListeners("data");
      let dropped = 0;
      const hangUp = () => req.socket.destroy();
      const timer = setTimeout(hangUp, LINGER_MS).unref();
      req.on("data", (chunk: Buffer) => (dropped += chunk.length) > LINGER_BYTES && req.pause());
      // The client stopped sending: it has the answer; end the connection (it is not reused after a refusal).
      req.once("end", () => req.socket.end());
      req.once("close", () => clearTimeout(timer));
      req.resume();
    };
    if (declared !== undefined && !(Number(declared) <= limit)) return refuse();
    if (req.method === "GET" || req.method === "HEAD") return next();
    const chunks: Buffer[] = [];
    let size = 0;
    let settled = false;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        settled = true;
        chunks.length = 0;
        refuse();
      } else chunks.push(chunk);
    });
    req.once("end", () => {
      if (settled) return;
      settled = true;
      res.locals.body = Buffer.concat(chunks, size);
      next();
    });
    req.once("error", (error) => {
      if (!settled) next(error);
      settled = true;
    });
  };
}
