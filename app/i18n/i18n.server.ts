// Server-side translation for loaders, actions, jobs and messages.
import type { Resource, TFunction } from "i18next";
import { createI18n } from "./instance";
import { DEFAULT_LANGUAGE, SERVER_ONLY_NAMESPACES } from "./languages";
import { locales } from "./locales.server";

const instances = new Map<string, ReturnType<typeof createI18n>>();

function allResources(): Resource {
  return Object.fromEntries(locales()) as Resource;
}

export function getT(lng: string, ns = "common"): TFunction {
  const code = locales().has(lng) ? lng : DEFAULT_LANGUAGE;
  let instance = instances.get(code);
  if (!instance) {
    instance = createI18n(code, allResources());
    instances.set(code, instance);
  }
  return instance.getFixedT(code, ns);
}

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
