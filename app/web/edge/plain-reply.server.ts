// The edge's own refusals (before Remix): one translated line of plain text, in the reader's language.
import type { Request, Response } from "express";
import { detectLanguage } from "~/i18n/detect.server";
import { getT } from "~/i18n/i18n.server";

export type EdgeStatus = 400 | 403 | 404 | 405 | 413;

export function refuse(req: Request, res: Response, status: EdgeStatus, publicUrl: string): void {
  const request = new globalThis.Request(new URL(safePath(req.originalUrl), publicUrl), {
    headers: { cookie: req.get("Cookie") ?? "", "accept-language": req.get("Accept-Language") ?? "" },
  });
  const t = getT(detectLanguage(request));
  res.status(status).type("text/plain").send(`${t(`errors.page.${status}.title`)}. ${t(`errors.page.${status}.body`)}`);
}

// Only ?lng= matters for the language; a path this reply refuses may not even parse as a URL.
function safePath(url: string): string {
  const query = url.indexOf("?");
  return query < 0 ? "/" : `/${url.slice(query)}`;
}
