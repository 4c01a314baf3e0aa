// What a staff page asks the worker to keep ahead of need: the staff pages' JavaScript and translations of this
// version (never for citizens on weak mobile data) and the overview pages declared `offline.warm`, refreshed in
// the background when older than 10 minutes, so they open offline without having been opened.
/// <reference lib="webworker" />
import { fetchWithTimeout } from "./navigation";
import { currentGeneration, dropStaffCaches, remember, staffCacheName } from "./pages";
import { OFFLINE_ROUTES, SESSION_HEADER, STAFF_ASSETS, STAFF_ASSETS_CACHE, STAFF_PREFIX } from "./settings";

declare const self: ServiceWorkerGlobalScope;

const WARM_AFTER_MS = 10 * 60_000;

/** The staff assets, from this device once kept. */
export async function staffAsset(request: Request): Promise<Response> {
  const kept = await (await caches.open(STAFF_ASSETS_CACHE)).match(request, { ignoreVary: true });
  return kept ?? fetch(request);
}

export const isStaffAsset = (url: URL) => url.origin === self.location.origin && STAFF_ASSETS.includes(url.pathname);

/** The staff assets of this version, fetched once (missing ones only); any failure is retried on the next page. */
async function keepStaffAssets() {
  const cache = await caches.open(STAFF_ASSETS_CACHE);
  const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  const missing = STAFF_ASSETS.filter((url) => !kept.has(url));
  for (let i = 0; i < missing.length; i += 20) {
    await cache.addAll(missing.slice(i, i + 20)).catch(() => undefined);
  }
}

export async function warm() {
  await keepStaffAssets();
  const started = currentGeneration();
  for (const path of OFFLINE_ROUTES.warmPaths) {
    const url = new URL(path, self.location.origin).href;
    const name = await staffCacheName();
    const kept = name ? await (await caches.open(name)).match(url) : undefined;
    if (kept && Date.now() - Date.parse(kept.headers.get("X-Synced-At") ?? "") < WARM_AFTER_MS) continue;
    let response: Response;
    try {
      response = await fetchWithTimeout(
        new Request(url, { credentials: "same-origin", headers: { Accept: "text/html" } }),
        15_000,
      );
    } catch {
      return;
    }
    const session = response.headers.get(SESSION_HEADER);
    if (response.status !== 200 || response.redirected || !session || currentGeneration() !== started) return;
    const current = `${STAFF_PREFIX}${session}`;
    await dropStaffCaches(current);
    await remember(current, new Request(url), response, started);
  }
}
