/// <reference lib="webworker" />
// The service worker (docs/decisions/015-offline-pwa.md), bundled by scripts/build-sw.ts into public/sw.js.
// - precache: the app's JavaScript and CSS (public/build), icons, manifest, translations; the offline page per language
// - navigations: network first (4 s), then the copy kept on this device, then the translated offline page
// - staff pages: kept only in a cache named after the staff session (never another person's), dropped on sign-out,
//   on sign-in and when another session shows up
// - offline forms (check-out, check-in, session notes, new tickets): queued with Workbox background sync,
//   replayed once online; refusals are kept as "conflicts" for the volunteer to see
import { Queue } from "workbox-background-sync";
import { clientsClaim } from "workbox-core";
import { CacheExpiration } from "workbox-expiration";
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import type { OfflineConflict, OfflineWorkerStatus } from "./lib/offline-status";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };
declare const __SW_VERSION__: string;
/** The staff pages' JavaScript and every translation, injected by scripts/build-sw.ts (see warm()). */
declare const __STAFF_ASSETS__: string[];
/** The shipped languages (the folders in locales/), injected by scripts/build-sw.ts: a new language is only files. */
declare const __LANGUAGES__: string[];

const VERSION = __SW_VERSION__;
const STAFF_ASSETS = __STAFF_ASSETS__;
const STAFF_ASSETS_CACHE = `offline-staff-assets-${VERSION}`;
const LANGUAGES = __LANGUAGES__;
const OFFLINE_CACHE = `offline-${VERSION}`;
const STATE_CACHE = "offline-state";
const STAFF_PREFIX = "staff-";
const PAGES_CACHE = "pages";
const NETWORK_TIMEOUT_MS = 4_000;
const SESSION_HEADER = "X-Staff-Session";
const PERSON_HEADER = "X-Staff-Person";

/** Staff pages worth having offline: the volunteer's day, devices, loans and the forms that can be queued. */
const OFFLINE_STAFF_PAGES = [
  /^\/team$/,
  /^\/team\/today$/,
  /^\/team\/devices$/,
  /^\/team\/loans$/,
  /^\/team\/loans\/new$/,
  /^\/team\/loans\/[^/]+$/,
  /^\/team\/loans\/[^/]+\/check-in$/,
  /^\/team\/loans\/[^/]+\/sessions\/new$/,
  /^\/team\/tickets\/new$/,
];

/** Forms that may be sent later. Each carries an idempotency key, so sending twice does nothing twice. */
const QUEUEABLE: { kind: string; pattern: RegExp; after: (m: RegExpMatchArray) => string; redo: (m: RegExpMatchArray) => string }[] = [
  { kind: "checkOut", pattern: /^\/team\/loans\/new$/, after: () => "/team/loans", redo: () => "/team/loans/new" },
  { kind: "checkIn", pattern: /^\/team\/loans\/([^/]+)\/check-in$/, after: (m) => `/team/loans/${m[1]}`, redo: (m) => `/team/loans/${m[1]}` },
  {
    kind: "session",
    pattern: /^\/team\/loans\/([^/]+)\/sessions\/new$/,
    after: (m) => `/team/loans/${m[1]}`,
    redo: (m) => `/team/loans/${m[1]}/sessions/new`,
  },
  { kind: "ticket", pattern: /^\/team\/tickets\/new$/, after: () => "/team/today", redo: () => "/team/tickets/new" },
];

/** Citizen pages that open offline once visited: the entry page, the status check, the guides. */
const OFFLINE_CITIZEN_PAGES = [/^\/$/, /^\/status$/, /^\/help(\/.*)?$/, /^\/report$/];

// ---------------------------------------------------------------------------------------------------------
// Install, activate, update

// Precached for every visitor: CSS, icons, manifest (citizen pages ship no JavaScript, so that is all they need).
// The staff pages' JavaScript and the translations (~2.4 MB) are fetched once a staff page asks (warm()) — a citizen
// on weak mobile data never downloads them.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
clientsClaim();

registerRoute(
  ({ url, request }) => request.method === "GET" && url.origin === self.location.origin && STAFF_ASSETS.includes(url.pathname),
  async ({ request }) => {
    const kept = await (await caches.open(STAFF_ASSETS_CACHE)).match(request, { ignoreVary: true });
    return kept ?? fetch(request);
  },
);

/** The staff assets of this version, fetched once (missing ones only); any failure is retried on the next page. */
async function keepStaffAssets() {
  const cache = await caches.open(STAFF_ASSETS_CACHE);
  const kept = new Set((await cache.keys()).map((r) => new URL(r.url).pathname));
  const missing = STAFF_ASSETS.filter((url) => !kept.has(url));
  for (let i = 0; i < missing.length; i += 20) {
    await cache.addAll(missing.slice(i, i + 20)).catch(() => undefined);
  }
}

self.addEventListener("install", (event) => {
  event.waitUntil(
    caches.open(OFFLINE_CACHE).then((cache) =>
      Promise.all(
        LANGUAGES.map(async (lng) => {
          const response = await fetch(`/offline?lng=${lng}`, { credentials: "omit" });
          if (response.ok) await cache.put(offlineKey(lng), response);
        }),
      ),
    ),
  );
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) => Promise.all(keys.filter((k) => k.startsWith("offline-") && k !== OFFLINE_CACHE && k !== STATE_CACHE).map((k) => caches.delete(k)))),
  );
});

self.addEventListener("message", (event) => {
  const data = (event.data ?? {}) as { type?: string; id?: number; restart?: boolean };
  const port = event.ports[0];
  const answer = (value: unknown) => port?.postMessage(value);
  switch (data.type) {
    case "SKIP_WAITING":
      void self.skipWaiting();
      break;
    case "SIGN_OUT":
      event.waitUntil(forgetStaffData().then(() => answer({ ok: true })));
      break;
    case "STATUS":
      event.waitUntil(status().then(answer));
      break;
    case "REPLAY":
      // `restart`: the page just came back online; an attempt stalled on the old connection is given up and redone.
      if (data.restart) inFlight?.abort();
      event.waitUntil(replay().then(status).then(answer));
      break;
    case "SEEN":
      event.waitUntil(
        getState<string>("who").then(async (who) => {
          const unseen = (await getState<Record<string, number>>("sentUnseen")) ?? {};
          if (who) await setState("sentUnseen", { ...unseen, [who]: 0 });
          answer({ ok: true });
        }),
      );
      break;
    case "WARM":
      event.waitUntil(warm().then(() => answer({ ok: true })));
      break;
    case "DISMISS":
      event.waitUntil(dismissConflict(Number(data.id)).then(status).then(answer));
      break;
  }
});

// ---------------------------------------------------------------------------------------------------------
// Navigations

const offlineKey = (lng: string) => `/offline?lng=${lng}`;
const isStaffPath = (path: string) => path === "/team" || path.startsWith("/team/");

async function fetchWithTimeout(request: Request, ms: number): Promise<Response> {
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

async function staffCacheName(): Promise<string | undefined> {
  return (await caches.keys()).find((k) => k.startsWith(STAFF_PREFIX));
}

/** Bumped at sign-out: a page still arriving from before (a background refresh) is then not kept. */
let generation = 0;

async function dropStaffCaches(except?: string) {
  const keys = await caches.keys();
  await Promise.all(keys.filter((k) => k.startsWith(STAFF_PREFIX) && k !== except).map((k) => caches.delete(k)));
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
async function remember(cacheName: string, request: Request, response: Response, started?: number) {
  const headers = new Headers(response.headers);
  headers.set("X-Synced-At", new Date().toISOString());
  const body = await response.blob();
  if (started !== undefined && generation !== started) return;
  const cache = await caches.open(cacheName);
  await cache.put(request.url, new Response(body, { status: 200, headers }));
  if (started !== undefined && generation !== started) await caches.delete(cacheName);
}

async function fromCache(cacheName: string | undefined, url: string): Promise<Response | null> {
  if (!cacheName) return null;
  const cache = await caches.open(cacheName);
  const hit = (await cache.match(url)) ?? (await cache.match(url, { ignoreSearch: true }));
  return hit ? markedCopy(hit, hit.headers.get("X-Synced-At")) : null;
}

/** The language the latest page was in, as plain text (kept so since the first version), or "". */
async function storedLanguage(): Promise<string> {
  const hit = await caches.match("/__state/language", { cacheName: STATE_CACHE });
  return hit ? hit.text() : "";
}

async function languageOfThisDevice(): Promise<string> {
  const stored = await storedLanguage();
  if (LANGUAGES.includes(stored)) return stored;
  const browser = (self.navigator.language || "de").slice(0, 2);
  return LANGUAGES.includes(browser) ? browser : "de";
}

async function noteLanguage(response: Response) {
  const lng = response.headers.get("Content-Language");
  if (!lng || !LANGUAGES.includes(lng) || (await storedLanguage()) === lng) return;
  await (await caches.open(STATE_CACHE)).put("/__state/language", new Response(lng));
}

/** Who is signed in here (an opaque tag per person), from the latest staff page; "" after a page without one. */
async function noteWho(response: Response) {
  if (response.type === "opaqueredirect") return;
  const who = response.headers.get(PERSON_HEADER) ?? "";
  if (who || (await getState<string>("who"))) await setState("who", who);
}

async function offlinePage(): Promise<Response> {
  const cache = await caches.open(OFFLINE_CACHE);
  const page = (await cache.match(offlineKey(await languageOfThisDevice()))) ?? (await cache.match(offlineKey("de")));
  if (page) return markedCopy(page, null);
  return new Response("Offline", { status: 503, headers: { "Content-Type": "text/plain; charset=utf-8" } });
}

async function staffNavigation(request: Request, path: string): Promise<Response> {
  const started = generation;
  try {
    const response = await fetchWithTimeout(request, NETWORK_TIMEOUT_MS);
    await noteLanguage(response);
    await noteWho(response);
    const session = response.headers.get(SESSION_HEADER);
    if (!session) {
      // Nobody signed in (sign-in page, or a redirect to it): nothing of an earlier session may stay.
      if (response.status === 200 || response.type === "opaqueredirect") await dropStaffCaches();
    } else if (
      response.status === 200 &&
      response.type === "basic" &&
      generation === started &&
      OFFLINE_STAFF_PAGES.some((p) => p.test(path))
    ) {
      const name = `${STAFF_PREFIX}${session}`;
      await dropStaffCaches(name);
      await remember(name, request, response.clone(), started);
    }
    return response;
  } catch {
    return (await fromCache(await staffCacheName(), request.url)) ?? offlinePage();
  }
}

/** The overview pages a volunteer needs offline, fetched in the background when missing or older than this. */
const WARM_PATHS = ["/team/today", "/team/devices", "/team/loans"];
const WARM_AFTER_MS = 10 * 60_000;

async function warm() {
  await keepStaffAssets();
  const started = generation;
  for (const path of WARM_PATHS) {
    const url = new URL(path, self.location.origin).href;
    const name = await staffCacheName();
    const kept = name ? await (await caches.open(name)).match(url) : undefined;
    if (kept && Date.now() - Date.parse(kept.headers.get("X-Synced-At") ?? "") < WARM_AFTER_MS) continue;
    let response: Response;
    try {
      response = await fetchWithTimeout(new Request(url, { credentials: "same-origin", headers: { Accept: "text/html" } }), 15_000);
    } catch {
      return;
    }
    const session = response.headers.get(SESSION_HEADER);
    if (response.status !== 200 || response.redirected || !session || generation !== started) return;
    const current = `${STAFF_PREFIX}${session}`;
    await dropStaffCaches(current);
    await remember(current, new Request(url), response, started);
  }
}

const citizenExpiration = new CacheExpiration(PAGES_CACHE, { maxEntries: 40, maxAgeSeconds: 30 * 24 * 3600 });

/** Citizen pages: network first; the entry page, the status check and the guides are kept for offline use. */
async function citizenNavigation(request: Request, path: string): Promise<Response> {
  const keep = OFFLINE_CITIZEN_PAGES.some((p) => p.test(path));
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

registerRoute(
  ({ request }) => request.mode === "navigate",
  async ({ request, url }) => {
    const path = url.pathname;
    return isStaffPath(path) ? staffNavigation(request, path) : citizenNavigation(request, path);
  },
  "GET",
);

// ---------------------------------------------------------------------------------------------------------
// Forms sent without a connection

interface Conflict extends OfflineConflict {
  /** Whose entry it was: only they see it. */
  who: string;
}

const queue = new Queue("offline-forms", {
  // Minutes. Workbox drops older entries without a word, so keep them as long as anyone would wait: 90 days.
  maxRetentionTime: 90 * 24 * 60,
  onSync: async () => {
    await replay();
  },
});

/** What the volunteer typed that would be lost with a refusal (a note, a description), to show it again. */
function typedText(form: URLSearchParams): string {
  return ["notes", "description", "damageNote"]
    .map((name) => form.get(name)?.trim())
    .filter(Boolean)
    .join("\n")
    .slice(0, 2_000);
}

async function queueForm(request: Request, path: string): Promise<Response> {
  const match = QUEUEABLE.map((q) => ({ q, m: path.match(q.pattern) })).find((x) => x.m);
  if (!match?.m) return offlinePage();
  let text = "";
  try {
    const type = request.headers.get("Content-Type") ?? "";
    if (type.includes("application/x-www-form-urlencoded")) text = typedText(new URLSearchParams(await request.clone().text()));
  } catch {
    text = "";
  }
  await queue.pushRequest({
    request,
    metadata: { kind: match.q.kind, redo: match.q.redo(match.m), text, savedAt: new Date().toISOString(), who: (await getState<string>("who")) ?? "" },
  });
  await broadcast();
  return Response.redirect(`${match.q.after(match.m)}?saved=offline`, 303);
}

// Posted forms are never cached. Offline, the volunteer's forms are queued; any other form gets the offline page.
registerRoute(
  ({ request }) => request.mode === "navigate",
  async ({ request, url }) => {
    const copy = request.clone();
    try {
      return await fetch(request);
    } catch {
      return isStaffPath(url.pathname) ? queueForm(copy, url.pathname) : offlinePage();
    }
  },
  "POST",
);

let replaying: Promise<void> | null = null;
let replayAgain = false;
let inFlight: AbortController | null = null;
/**
 * Whose entry is out of the queue right now (being sent, or someone else's on its way back to the end): still
 * counted as waiting, or a page asking meanwhile would see it gone — and a sign-out then clear the device.
 */
let inHand: string | null = null;
/** A request that has not answered by then counts as "still offline" (a flaky line can stall one for minutes). */
const REPLAY_TIMEOUT_MS = 15_000;

/** One waiting entry sent: its answer (status, where it landed, the page), or null when the network failed. */
async function send(request: Request): Promise<{ status: number; landed: string; html: string } | null> {
  const controller = new AbortController();
  inFlight = controller;
  const timer = setTimeout(() => controller.abort(), REPLAY_TIMEOUT_MS);
  try {
    // A copy: building a Request from another uses up its body, and the entry may have to go back into the queue.
    const response = await fetch(new Request(request.clone(), { redirect: "follow", signal: controller.signal }));
    const landed = new URL(response.url || "/", self.location.origin).pathname;
    const html = response.status >= 400 ? await response.text() : "";
    return { status: response.status, landed, html };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    inFlight = null;
  }
}

interface EntryMeta {
  kind?: string;
  redo?: string;
  text?: string;
  savedAt?: string;
  who?: string;
}

/**
 * Sends the waiting forms one after the other, stopping at the first network failure (still offline). Only the
 * signed-in person's entries are sent; someone else's go back to the end of the queue and wait for them.
 */
function replay(): Promise<void> {
  // Asked again while sending (e.g. back online during a stalled attempt): one more round afterwards.
  if (replaying) {
    replayAgain = true;
    return replaying;
  }
  replaying = (async () => {
    try {
      const who = (await getState<string>("who")) ?? "";
      // Each entry at most once per round: someone else's go back to the end.
      let budget = (await queue.getAll()).length;
      while (budget-- > 0) {
        const entry = await queue.shiftRequest();
        if (!entry) break;
        const meta = (entry.metadata ?? {}) as EntryMeta;
        inHand = meta.who ?? "";
        if (!who || inHand !== who) {
          await queue.pushRequest(entry);
          inHand = null;
          continue;
        }
        const answer = await send(entry.request);
        if (!answer || answer.landed === "/team/sign-in") {
          await queue.unshiftRequest(entry);
          inHand = null;
          // Signed out meanwhile: kept for after the next sign-in. No answer: still offline.
          if (answer) await setState("signInNeeded", true);
          break;
        }
        await setState("signInNeeded", false);
        if (answer.status >= 400) {
          await addConflict({
            kind: meta.kind ?? "form",
            savedAt: meta.savedAt ?? new Date(entry.timestamp ?? Date.now()).toISOString(),
            status: answer.status,
            reason: reasonFrom(answer.html),
            text: meta.text ?? "",
            redo: meta.redo ?? "/team",
            who: meta.who ?? "",
          });
        } else {
          // Counted for its author until a page of theirs has said "sent".
          const unseen = (await getState<Record<string, number>>("sentUnseen")) ?? {};
          const author = meta.who ?? "";
          await setState("sentUnseen", { ...unseen, [author]: (unseen[author] ?? 0) + 1 });
        }
        inHand = null;
      }
    } finally {
      inHand = null;
      replaying = null;
      await broadcast();
    }
    if (replayAgain) {
      replayAgain = false;
      await replay();
    }
  })();
  return replaying;
}

/** The refusal as the page wrote it: the error summary's items, as plain text. */
function reasonFrom(html: string): string {
  const summary = html.match(/class="error-summary__list"[^>]*>([\s\S]*?)<\/ul>/);
  const source = summary?.[1] ?? html.match(/<main[^>]*>([\s\S]*?)<\/main>/)?.[1] ?? "";
  const items = [...source.matchAll(/<li[^>]*>([\s\S]*?)<\/li>/g)].map((m) => m[1]);
  const text = (items.length ? items : [source])
    .map((s) => decode(s.replace(/<[^>]+>/g, " ").replace(/\s+/g, " ").trim()))
    .filter(Boolean)
    .join(" · ");
  return text.slice(0, 500);
}

function decode(text: string): string {
  return text
    .replace(/&quot;/g, '"')
    .replace(/&#x27;|&#39;/g, "'")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}

// Small state (conflicts, counters) as JSON in the Cache API: cleared with the site's storage on sign-out. Reads
// never open the cache (that would create it again right after a sign-out cleared it).
async function getState<T>(key: string): Promise<T | undefined> {
  const hit = await caches.match(`/__state/${key}`, { cacheName: STATE_CACHE });
  return hit ? ((await hit.json()) as T) : undefined;
}

async function setState(key: string, value: unknown) {
  await (await caches.open(STATE_CACHE)).put(`/__state/${key}`, new Response(JSON.stringify(value), { headers: { "Content-Type": "application/json" } }));
}

async function addConflict(conflict: Omit<Conflict, "id">) {
  const conflicts = (await getState<Conflict[]>("conflicts")) ?? [];
  const id = conflicts.reduce((max, c) => Math.max(max, c.id), 0) + 1;
  await setState("conflicts", [...conflicts, { ...conflict, id }]);
}

async function dismissConflict(id: number) {
  const conflicts = (await getState<Conflict[]>("conflicts")) ?? [];
  await setState(
    "conflicts",
    conflicts.filter((c) => c.id !== id),
  );
}

async function status(): Promise<OfflineWorkerStatus> {
  const who = (await getState<string>("who")) ?? "";
  const entries = await queue.getAll();
  const whose = [...entries.map((e) => (e.metadata as EntryMeta | undefined)?.who ?? ""), ...(inHand === null ? [] : [inHand])];
  const mine = who ? whose.filter((w) => w === who).length : 0;
  return {
    version: VERSION,
    waiting: mine,
    othersWaiting: whose.length - mine,
    conflicts: ((await getState<Conflict[]>("conflicts")) ?? []).filter((c) => c.who === who).map(({ who: _who, ...c }) => c),
    sent: who ? ((await getState<Record<string, number>>("sentUnseen")) ?? {})[who] ?? 0 : 0,
    signInNeeded: (await getState<boolean>("signInNeeded")) ?? false,
  };
}

async function broadcast() {
  const clients = await self.clients.matchAll({ type: "window" });
  const current = await status();
  for (const client of clients) client.postMessage({ type: "OFFLINE_STATUS", status: current });
}

/**
 * Sign-out (a message from the page as the form is sent): this session's kept pages go at once. The sign-out
 * response's Clear-Site-Data then clears everything else; the page sends waiting entries before that.
 */
async function forgetStaffData() {
  generation += 1;
  await dropStaffCaches();
}

// Browsers without Background Sync (and headless Chromium): try whenever the worker starts.
if (self.navigator.onLine) void replay();
