// What the document's loader (app/root.tsx) gives every page: language, texts, the programme phone. Declared here so
// that components read it without importing the root route (ui/ never imports routes, web/ or capabilities/).
import type { Resource } from "i18next";
import { useRouteLoaderData } from "@remix-run/react";
import type { Language } from "~/i18n/languages";

export interface RootData {
  lng: string;
  dir: "ltr" | "rtl";
  languages: Language[];
  /** The page's texts inline (development), or null when they come as their own file (`translations`). */
  resources: Resource | null;
  translations: string | null;
  /** The number on every citizen page: tel: target and readable form. */
  programmePhone: { e164: string; display: string };
  /** How long things are kept, from the settings: the short privacy notice on every citizen form names them. */
  privacyPeriods: { requestMonths: number; messageDays: number; auditDays: number };
  nonce: string;
  serviceWorker: boolean;
  /** Set by entry.server.tsx when it loads this data for an error page itself: no scripts then. */
  errorDocument: boolean;
}

/** The root's data; undefined only outside the app's document (never on a page). */
export function useRootData(): RootData | undefined {
  return useRouteLoaderData<RootData>("root");
}
