// Which language a request gets: ?lng=, then the cookie, then Accept-Language, then German.
import Negotiator from "negotiator";
import { DEFAULT_LANGUAGE, LANGUAGE_COOKIE } from "./languages";
import { isSupportedLanguage, locales } from "./locales.server";

export function detectLanguage(request: Request): string {
  const fromQuery = new URL(request.url).searchParams.get("lng");
  if (isSupportedLanguage(fromQuery)) return fromQuery;

  const fromCookie = readCookie(request.headers.get("Cookie"), LANGUAGE_COOKIE);
  if (isSupportedLanguage(fromCookie)) return fromCookie;

  const acceptLanguage = request.headers.get("Accept-Language");
  if (acceptLanguage) {
    const available = [...locales().keys()];
    // Negotiator matches "de-AT" to "de" only when asked with the base tags too.
    const negotiator = new Negotiator({ headers: { "accept-language": acceptLanguage } });
    const exact = negotiator.language(available);
    if (exact) return exact;
    const bases = new Negotiator({
      headers: { "accept-language": acceptLanguage.replace(/-[A-Za-z]+/g, "") },
    }).language(available);
    if (bases) return bases;
  }
  return DEFAULT_LANGUAGE;
}

function readCookie(header: string | null, name: string): string | null {
  if (!header) return null;
  for (const part of header.split(";")) {
    const [k, ...v] = part.trim().split("=");
    if (k === name) return decodeURIComponent(v.join("="));
  }
  return null;
}
