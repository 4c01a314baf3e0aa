// What a route may declare in its `handle`: its page title (a translation key), whether it needs JavaScript, and how
// it works without a connection (read by the service worker at build time).
export interface RouteHandle {
  /** e.g. "home:title"; the root renders "<title> – Digitale Ambulanz", prefixed with "Error: " after a failed form. */
  titleKey?: string;
  /**
   * For a page whose title follows what it shows on the same URL (a step answered by its form, a found request, an
   * article): the title for its loader data and its last form's answer; `titleKey` where it returns nothing.
   */
  title?: (page: PageState) => PageTitle | undefined;
  /** Staff pages hydrate; citizen pages leave this unset and ship no JavaScript. */
  hydrate?: boolean;
  /** Pages and forms that work offline (docs/decisions/015-offline-pwa.md); scripts/build-sw.ts gives the worker the list. */
  offline?: OfflineUse;
}

/** What a page's title may depend on: the route's own loader data and the answer of its last form (if any). */
export interface PageState {
  data: unknown;
  actionData: unknown;
}

/** A page's title as the route declares it; the root adds the programme's name. */
export interface PageTitle {
  /** A translation key, e.g. "booking:manage.cancelledHeading", with `values` for its placeholders. */
  key?: string;
  values?: Record<string, string>;
  /** Text shown as it is, e.g. a help article's own title. */
  text?: string;
  /** The page shows errors (an error summary) that are not a Conform result: "Fehler: " goes first (GOV.UK). */
  error?: boolean;
}

export interface OfflineUse {
  /**
   * Kept on the device when opened, to be read offline. Staff pages (under /team) are kept per staff session and
   * dropped at sign-out, so only pages a volunteer needs on the road: never the outbox, the audit log or others' data.
   */
  keep?: boolean;
  /** A staff overview the worker also fetches in the background (when older than 10 minutes), so it is there unopened. */
  warm?: boolean;
  /** The page's form may be sent without a connection: saved on the device, sent later. It must carry an idempotency key. */
  queue?: {
    /** What the entry is called where a refused one is listed: `offline:staff.conflicts.kind.<kind>`. */
    kind: string;
    /** Where the volunteer lands after saving it on the device (`?saved=offline` is added); `:params` as in the route. */
    then: string;
    /** Where to enter it again if the server refuses it when it is finally sent. */
    redo: string;
  };
}
