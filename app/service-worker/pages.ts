// Pages kept on this device: staff pages in a cache per staff session (never another person's), citizen pages in
// their own; a kept copy is marked so the page can say "offline, last synced"; the translated offline page.
/// <reference lib="webworker" />
import { languageOfThisDevice } from "./state";
import { LANGUAGES, OFFLINE_CACHE, STAFF_PREFIX } from "./settings";

const offlineKey = (lng: string) => `/offline?lng=${lng}`;

/** Bumped at sign-out: a page still arriving from before (a background refresh) is then not kept. */
let generation = 0;

export const currentGeneration = () => generation;

export async function staffCacheName(): Promise<string | undefined> {
  return (await caches.keys()).find((k) => k.startsWith(STAFF_PREFIX));
}

export async function dropStaffCaches(except?: string) {
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith(STAFF_PREFIX) && k !== except).map((k) => caches.delete(k)));
}

/**
 * Sign-out (a message from the page as the form is sent): this session's kept pages go at once. The sign-out
 * response's Clear-Site-Data then clears everything else; the page sends waiting entries before that.
 */
export async function forgetStaffData() {
  generation += 1;
  await dropStaffCaches();
}

/** A copy of a page marked as coming from this device, so the page can say so (CSS shows the banner). */
async function markedCopy(response: Response, syncedAt: string | null): Promise<Response> {
  const html = await response.text();
  const marked = html.replace("<html ", `<html data-offline="" data-synced-at="${syncedAt ?? ""}" `);
  const headers = new Headers(response.headers);
  headers.delete("Content-Length");
  headers.set("X-From-Cache", syncedAt ?? "");
  return new Response(marked, { status: 200, headers });
}

/** Keeps a page; `started` (the generation when it was asked for): not if someone signed out meanwhile. */
export async function remember(cacheName: string, request: Request, response: Response, started?: number) {
  const headers = new Headers(response.headers);
  headers.set("X-Synced-At", new Date().toISOString());
  const body = await response.blob();
  if (started !== undefined && generation !== started) return;
  const cache = await caches.open(cacheName);
  await cache.put(request.url, new Response(body, { status: 200, headers }));
  if (started !== undefined && generation !== started) await caches.delete(cacheName);
}

export async function fromCache(cacheName: string | undefined, url: string): Promise<Response | null> {
  if (!cacheName) return null;
  const cache = await caches.open(cacheName);
  const hit = (await cache.match(url)) ?? (await cache.match(url, { ignoreSearch: true }));
  return hit ? markedCopy(hit, hit.headers.get("X-Synced-At")) : null;
}

/** At install: the offline page in every language (`?lng=` sets no cookie), to answer when nothing else is kept. */
export async function keepOfflinePages() {
  const cache = await caches.open(OFFLINE_CACHE);
  await Promise.all(
    LANGUAGES.map(async (lng) => {
      const response = await fetch(offlineKey(lng), { credentials: "omit" });
      if (response.ok) await cache.put(offlineKey(lng), response);
    }),
  );
}

export async function offlinePage(): Promise<Response> {
  const cache = await caches.open(OFFLINE_CACHE);
  const page = (await cache.match(offlineKey(await languageOfThisDevice()))) ?? (await cache.match(offlineKey("de")));
  if (page) return markedCopy(page, null);
  return new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}
