// The service worker (docs/decisions/015-offline-pwa.md), bundled by scripts/build-sw.ts into public/sw.js. Which pages
// are kept and which forms may wait is declared by the routes (`handle.offline`); here the pieces are wired up:
// - precache: CSS, icons, manifest for every visitor; staff assets once a staff page asks (warm.ts)
// - navigations: network first, then the copy kept on this device, then the offline page (navigation.ts, pages.ts)
// - offline forms: saved on the device (forms.ts), sent once online (replay.ts), reported to pages (status.ts)
/// <reference lib="webworker" />
import { clientsClaim } from "workbox-core";
import { cleanupOutdatedCaches, precacheAndRoute, type PrecacheEntry } from "workbox-precaching";
import { registerRoute } from "workbox-routing";
import { postedForm } from "./forms";
import { onMessage } from "./messages";
import { navigation } from "./navigation";
import { keepOfflinePages } from "./pages";
import { whenSyncing } from "./queue";
import { replay } from "./replay";
import { OFFLINE_CACHE, STATE_CACHE } from "./settings";
import { isStaffAsset, staffAsset } from "./warm";

declare const self: ServiceWorkerGlobalScope & { __WB_MANIFEST: (PrecacheEntry | string)[] };

// Precached for every visitor: CSS, icons, manifest (citizen pages ship no JavaScript, so that is all they need).
// The staff pages' JavaScript and the translations (~2.4 MB) are fetched once a staff page asks (warm()) — a citizen
// on weak mobile data never downloads them.
precacheAndRoute(self.__WB_MANIFEST);
cleanupOutdatedCaches();
clientsClaim();

registerRoute(
  ({ url, request }) => request.method === "GET" && isStaffAsset(url),
  ({ request }) => staffAsset(request),
);

self.addEventListener("install", (event) => {
  event.waitUntil(keepOfflinePages());
});

self.addEventListener("activate", (event) => {
  event.waitUntil(
    caches
      .keys()
      .then((keys) =>
        Promise.all(
          keys
            .filter((k) => k.startsWith("offline-") && k !== OFFLINE_CACHE && k !== STATE_CACHE)
            .map((k) => caches.delete(k)),
        ),
      ),
  );
});

self.addEventListener("message", onMessage);

registerRoute(
  ({ request }) => request.mode === "navigate",
  ({ request, url }) => navigation(request, url),
  "GET",
);
registerRoute(
  ({ request }) => request.mode === "navigate",
  ({ request, url }) => postedForm(request, url),
  "POST",
);

whenSyncing(replay);

// Browsers without Background Sync (and headless Chromium): try whenever the worker starts.
if (self.navigator.onLine) void replay();
