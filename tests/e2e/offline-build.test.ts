// What `npm run build` leaves for offline use (scripts/build-sw.ts): one bundled worker with its precache list —
// CSS, icons, manifest: all a citizen page needs —, the list of staff assets (the app's JavaScript, every
// translation) it keeps once a staff page asks, and the offline routes as the routes declare them; nothing personal
// or server-side.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { offlineRoutes } from "~/service-worker/routes";
import { routesFromSource } from "../helpers/offline-declarations";

const sw = fs.readFileSync("public/sw.js", "utf8");
const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);
const staffAssets = [...sw.matchAll(/"(\/(?:build|locales)\/[^"]+)"/g)].map((m) => m[1]!);

describe("the built service worker", () => {
  it("is one self-contained file: Workbox bundled in, no imports left, the manifest injected", () => {
    expect(sw).not.toContain("__WB_MANIFEST");
    expect(sw).not.toMatch(/\bimport\s*\(|importScripts|from"workbox/);
    expect(sw).toContain("offline-forms"); // the background-sync queue
  });

  it("precaches the CSS, the icons and the manifest — no JavaScript, which citizen pages never load", () => {
    const built = fs.readdirSync("public/build", { recursive: true }).map(String);
    const styles = built.filter((f) => f.endsWith(".css")).map((f) => `/build/${f.replaceAll("\\", "/")}`);
    for (const url of styles) expect(url.startsWith("/build/routes/team") ? staffAssets : precached).toContain(url);
    expect(precached).toEqual(expect.arrayContaining(["/icons/icon-192.png", "/icons/icon-512.png", "/icons/icon-maskable-512.png", "/manifest.webmanifest"]));
    expect(precached.filter((url) => url.endsWith(".js"))).toEqual([]);
  });

  it("lists every script of the app and every translation to keep for staff", () => {
    const built = fs.readdirSync("public/build", { recursive: true }).map(String);
    for (const file of built.filter((f) => f.endsWith(".js"))) expect(staffAssets).toContain(`/build/${file.replaceAll("\\", "/")}`);
    for (const lng of fs.readdirSync("locales")) {
      for (const ns of fs.readdirSync(`locales/${lng}`)) expect(staffAssets).toContain(`/locales/${lng}/${ns}`);
    }
  });

  it("is given the offline routes exactly as the route files declare them in handle.offline", () => {
    const declared = offlineRoutes(routesFromSource());
    expect(declared.length).toBeGreaterThan(10);
    expect(sw).toContain(JSON.stringify(declared));
  });

  it("precaches no page and nothing from the server's side", () => {
    expect(precached.filter((url) => !/^\/(build|icons)\/|^\/(manifest\.webmanifest|favicon\.svg)$/.test(url))).toEqual([]);
  });
});
