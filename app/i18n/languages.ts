// Shared by server and browser: what a language is. The list itself comes from the files in locales/.
export interface Language {
  code: string;
  /** The language's own name, e.g. "العربية". */
  name: string;
  dir: "ltr" | "rtl";
}

export const DEFAULT_LANGUAGE = "de";
export const LANGUAGE_COOKIE = "lng";

/** Namespaces that never go to the browser: SMS and voice texts are rendered on the server only. */
export const SERVER_ONLY_NAMESPACES = ["messages"];
