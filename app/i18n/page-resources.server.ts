// The translations a page needs in the browser (docs/decisions/020-translations-file.md): per language, its page
// namespaces plus German as the fallback — inline in the page, or as one built file named by its content.
// No i18next here: scripts/build-sw.ts writes the files with it.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { Resource } from "i18next";
import { DEFAULT_LANGUAGE, SERVER_ONLY_NAMESPACES } from "./languages";
import { locales } from "./locales.server";

const pageResourceCache = new Map<string, Resource>();

/** What a page needs for a language: its page namespaces plus German as the fallback. Built once per language. */
export function pageResources(lng: string): Resource {
  let cached = pageResourceCache.get(lng);
  if (!cached) pageResourceCache.set(lng, (cached = buildPageResources(lng)));
  return cached;
}

function buildPageResources(lng: string): Resource {
  const pick = (code: string) =>
    Object.fromEntries(
      Object.entries(locales().get(code) ?? {}).filter(([ns]) => !SERVER_ONLY_NAMESPACES.includes(ns)),
    );
  const res: Resource = { [lng]: pick(lng) };
  if (lng !== DEFAULT_LANGUAGE) res[DEFAULT_LANGUAGE] = pick(DEFAULT_LANGUAGE);
  return res;
}

/**
 * A language's page translations as one file (docs/decisions/020-translations-file.md): `npm run build` writes it to
 * public/build/translations/ under a name carrying a hash of its content, so browsers and the service worker keep
 * it for good and staff pages no longer carry every translation inline (about 230 KB per page load).
 */
export function translationsFile(lng: string): { name: string; url: string; body: string } {
  const body = JSON.stringify(pageResources(lng));
  const name = `${lng}.${crypto.createHash("sha256").update(body).digest("hex").slice(0, 16)}.json`;
  return { name, url: `/build/translations/${name}`, body };
}

export const TRANSLATIONS_DIR = path.join("public", "build", "translations");

const builtUrls = new Map<string, string | null>();

/** The built translations file for a language, or null (no build, as under `npm run dev`): then pages carry them inline. */
export function builtTranslationsUrl(lng: string): string | null {
  if (!builtUrls.has(lng)) {
    const file = translationsFile(lng);
    builtUrls.set(lng, fs.existsSync(path.join(process.cwd(), TRANSLATIONS_DIR, file.name)) ? file.url : null);
  }
  return builtUrls.get(lng)!;
}
