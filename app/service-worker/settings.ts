// What scripts/build-sw.ts injects into the worker (its version, the staff assets, the languages, the offline routes)
// and the names the worker keeps things under: its caches and the headers the server sends it.
import { offlineRouter, type OfflineRoute } from "./routes";

declare const __SW_VERSION__: string;
/** The staff pages' JavaScript and every translation (see keepStaffAssets()). */
declare const __STAFF_ASSETS__: string[];
/** The shipped languages (the folders in locales/): a new language is only files. */
declare const __LANGUAGES__: string[];
/** What the routes declare in `handle.offline`, read from the server build. */
declare const __OFFLINE_ROUTES__: OfflineRoute[];

export const VERSION = __SW_VERSION__;
export const STAFF_ASSETS = __STAFF_ASSETS__;
export const LANGUAGES = __LANGUAGES__;
export const OFFLINE_ROUTES = offlineRouter(__OFFLINE_ROUTES__);

export const STAFF_ASSETS_CACHE = `offline-staff-assets-${VERSION}`;
export const OFFLINE_CACHE = `offline-${VERSION}`;
/** Small state (who, conflicts, counters, the device's language); survives new versions. */
export const STATE_CACHE = "offline-state";
/** Staff pages, in a cache named after the session: `staff-<session tag>`. */
export const STAFF_PREFIX = "staff-";
/** Citizen pages kept for offline use. */
export const PAGES_CACHE = "pages";

export const NETWORK_TIMEOUT_MS = 4_000;
/** An HMAC of the staff session (app/entry.server.tsx): which session a page belongs to. */
export const SESSION_HEADER = "X-Staff-Session";
/** An HMAC of the staff id: whose entries are whose. */
export const PERSON_HEADER = "X-Staff-Person";
/** Why the server refused a form: its error summary's translation keys (app/web/pwa.server.ts). */
export const REFUSAL_HEADER = "X-Refusal";

export const isStaffPath = (path: string) => path === "/team" || path.startsWith("/team/");
