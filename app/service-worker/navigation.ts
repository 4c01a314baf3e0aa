// Page loads: network first (4 s), then the copy kept on this device, then the translated offline page. Staff pages
// are kept per session when their route declares `offline.keep`, citizen pages likewise in their own cache.
/// <reference lib="webworker" />
import { CacheExpiration } from "workbox-expiration";
import { currentGeneration, dropStaffCaches, fromCache, offlinePage, remember, staffCacheName } from "./pages";
import { NETWORK_TIMEOUT_MS, OFFLINE_ROUTES, PAGES_CACHE, SESSION_HEADER, STAFF_PREFIX, isStaffPath } from "./settings";
import { noteLanguage, noteWho } from "./state";

export async function fetchWithTimeout(request: Request, ms: number): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("timeout")), ms);
    fetch(request).then(
      (response) => {
        clearTimeout(timer);
        resolve(response);
      },
      (error: unknown) => {
        clearTimeout(timer);
        reject(error instanceof Error ? error : new Error(String(error)));
      },
    );
  });
}

const kept = (path: string) => OFFLINE_ROUTES.match(path)?.route.keep === true;

async function staffNavigation(request: Request, path: string): Promise<Response> {
  const started = currentGeneration();
  try {
    const response = await fetchWithTimeout(request, NETWORK_TIMEOUT_MS);
    await noteLanguage(response);
    await noteWho(response);
    const session = response.headers.get(SESSION_HEADER);
    if (!session) {
      // Nobody signed in (sign-in page, or a redirect to it): nothing of an earlier session may stay.
      if (response.status === 200 || response.type === "opaqueredirect") await dropStaffCaches();
    } else if (response.status === 200 && response.type === "basic" && currentGeneration() === started && kept(path)) {
      const name = `${STAFF_PREFIX}${session}`;
      await dropStaffCaches(name);
      await remember(name, request, response.clone(), started);
    }
    return response;
  } catch {
    return (await fromCache(await staffCacheName(), request.url)) ?? offlinePage();
  }
}

const citizenExpiration = new CacheExpiration(PAGES_CACHE, { maxEntries: 40, maxAgeSeconds: 30 * 24 * 3600 });

/** Citizen pages: network first; those declared `offline.keep` (entry page, status check, guides) kept for offline use. */
async function citizenNavigation(request: Request, path: string): Promise<Response> {
  const keep = kept(path);
  try {
    const response = await fetchWithTimeout(request, NETWORK_TIMEOUT_MS);
    await noteLanguage(response);
    if (keep && response.status === 200 && response.type === "basic") {
      await remember(PAGES_CACHE, request, response.clone());
      await citizenExpiration.updateTimestamp(request.url);
      await citizenExpiration.expireEntries();
    }
    return response;
  } catch {
    return (keep ? await fromCache(PAGES_CACHE, request.url) : null) ?? offlinePage();
  }
}

export function navigation(request: Request, url: URL): Promise<Response> {
  return isStaffPath(url.pathname) ? staffNavigation(request, url.pathname) : citizenNavigation(request, url.pathname);
}
