// The worker's small state as JSON in the Cache API (who is signed in here, conflicts, counters, the device's
// language): cleared with the site's storage at sign-out. Reads never open the cache (that would create it again
// right after a sign-out cleared it).
/// <reference lib="webworker" />
import { LANGUAGES, PERSON_HEADER, STATE_CACHE } from "./settings";

declare const self: ServiceWorkerGlobalScope;

export async function getState<T>(key: string): Promise<T | undefined> {
  const hit = await caches.match(`/__state/${key}`, { cacheName: STATE_CACHE });
  return hit ? ((await hit.json()) as T) : undefined;
}

export async function setState(key: string, value: unknown) {
  await (
    await caches.open(STATE_CACHE)
  ).put(`/__state/${key}`, new Response(JSON.stringify(value), { headers: { "Content-Type": "application/json" } }));
}

/** Who is signed in here: an opaque tag per person, from the latest staff page; "" after a page without one. */
export async function who(): Promise<string> {
  return (await getState<string>("who")) ?? "";
}

export async function noteWho(response: Response) {
  if (response.type === "opaqueredirect") return;
  const tag = response.headers.get(PERSON_HEADER) ?? "";
  if (tag || (await getState<string>("who"))) await setState("who", tag);
}

/** The language the latest page was in, as plain text (kept so since the first version), or "". */
async function storedLanguage(): Promise<string> {
  const hit = await caches.match("/__state/language", { cacheName: STATE_CACHE });
  return hit ? hit.text() : "";
}

export async function languageOfThisDevice(): Promise<string> {
  const stored = await storedLanguage();
  if (LANGUAGES.includes(stored)) return stored;
  const browser = (self.navigator.language || "de").slice(0, 2);
  return LANGUAGES.includes(browser) ? browser : "de";
}

export async function noteLanguage(response: Response) {
  const lng = response.headers.get("Content-Language");
  if (!lng || !LANGUAGES.includes(lng) || (await storedLanguage()) === lng) return;
  await (await caches.open(STATE_CACHE)).put("/__state/language", new Response(lng));
}
