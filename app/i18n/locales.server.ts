// Reads locales/<lng>/<namespace>.json once. Adding a language is adding a folder: nothing else changes.
import fs from "node:fs";
import path from "node:path";
import { DEFAULT_LANGUAGE, type Language } from "./languages";

export type Tree = { [key: string]: string | Tree };
export type LocaleResources = Record<string, Tree>; // namespace → keys

let cache: Map<string, LocaleResources> | null = null;

export function loadLocales(dir = path.resolve("locales")): Map<string, LocaleResources> {
  const locales = new Map<string, LocaleResources>();
  for (const lng of fs.readdirSync(dir).sort()) {
    const folder = path.join(dir, lng);
    if (!fs.statSync(folder).isDirectory()) continue;
    const resources: LocaleResources = {};
    for (const file of fs.readdirSync(folder).filter((f) => f.endsWith(".json"))) {
      resources[file.replace(/\.json$/, "")] = JSON.parse(fs.readFileSync(path.join(folder, file), "utf8"));
    }
    locales.set(lng, resources);
  }
  return locales;
}

export function locales(): Map<string, LocaleResources> {
  cache ??= loadLocales();
  return cache;
}

/** Every shipped language, the default first. Name and direction live in each common.json's `meta`. */
export function languages(): Language[] {
  return [...locales().entries()]
    .map(([code, res]) => {
      const meta = (res.common?.meta ?? {}) as Tree;
      return { code, name: String(meta.name ?? code), dir: meta.dir === "rtl" ? "rtl" : "ltr" } as Language;
    })
    .sort((a, b) => (a.code === DEFAULT_LANGUAGE ? -1 : b.code === DEFAULT_LANGUAGE ? 1 : a.code.localeCompare(b.code)));
}

export function isSupportedLanguage(code: unknown): code is string {
  return typeof code === "string" && locales().has(code);
}
