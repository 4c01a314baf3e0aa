// Server-side translation for loaders, actions, jobs and messages.
import type { Resource, TFunction } from "i18next";
import { createI18n } from "./instance";
import { DEFAULT_LANGUAGE } from "./languages";
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
