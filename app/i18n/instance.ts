// i18next instances made from resources handed over by the root loader (server and browser alike).
import i18next, { type i18n, type Resource } from "i18next";
import { initReactI18next } from "react-i18next";
import { DEFAULT_LANGUAGE } from "./languages";

export function createI18n(lng: string, resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    lng,
    fallbackLng: DEFAULT_LANGUAGE,
    resources,
    defaultNS: "common",
    ns: Object.keys(resources[lng] ?? {}),
    interpolation: { escapeValue: false }, // React escapes
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

// One instance per resources object and language: the server renders every page of a language with the same
// (memoised) resources, so it builds the instance once instead of on every request.
const made = new WeakMap<Resource, Map<string, i18n>>();

export function i18nFor(lng: string, resources: Resource): i18n {
  let byLanguage = made.get(resources);
  if (!byLanguage) made.set(resources, (byLanguage = new Map()));
  let instance = byLanguage.get(lng);
  if (!instance) byLanguage.set(lng, (instance = createI18n(lng, resources)));
  return instance;
}

// The page translations of each language this process has: on the server put here by the root loader, in the
// browser by entry.client.tsx from the built translations file before it hydrates (see i18n.server.ts).
const provided = new Map<string, Resource>();

export function provideResources(lng: string, resources: Resource): void {
  provided.set(lng, resources);
}

export function providedResources(lng: string): Resource | undefined {
  return provided.get(lng);
}
