// What a route may declare in its `handle`: its page title (a translation key) and whether it needs JavaScript.
export interface RouteHandle {
  /** e.g. "home:title"; the root renders "<title> – Digitale Ambulanz", prefixed with "Error: " after a failed form. */
  titleKey?: string;
  /** Staff pages hydrate; citizen pages leave this unset and ship no JavaScript. */
  hydrate?: boolean;
}
