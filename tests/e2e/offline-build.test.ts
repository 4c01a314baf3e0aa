// What `npm run build` leaves for offline use (scripts/build-sw.ts): one bundled worker with its precache list —
// the app's JavaScript and CSS, icons, manifest and every translation — and nothing personal or server-side.
import fs from "node:fs";
import { describe, expect, it } from "vitest";

const sw = fs.readFileSync("public/sw.js", "utf8");
const precached = [...sw.matchAll(/"url":"([^"]+)"/g)].map((m) => m[1]!);

describe("the built service worker", () => {
  it("is one self-contained file: Workbox bundled in, no imports left, the manifest injected", () => {
    expect(sw).not.toContain("__WB_MANIFEST");
    expect(sw).not.toMatch(/\bimport\s*\(|importScripts|from"workbox/);
    expect(sw).toContain("offline-forms"); // the background-sync queue
  });

  it("precaches the app's assets, the icons, the manifest and every translation", () => {
    const built = fs.readdirSync("public/build", { recursive: true }).map(String).filter((f) => /\.(js|css)$/.test(f));
    for (const file of built) expect(precached).toContain(`/build/${file.replaceAll("\\", "/")}`);
    expect(precached).toEqual(expect.arrayContaining(["/icons/icon-192.png", "/icons/icon-512.png", "/icons/icon-maskable-512.png", "/manifest.webmanifest"]));
    for (const lng of fs.readdirSync("locales")) {
      for (const ns of fs.readdirSync(`locales/${lng}`)) expect(precached).toContain(`/locales/${lng}/${ns}`);
    }
  });

  it("precaches no page and nothing from the server's side", () => {
    expect(precached.filter((url) => !/^\/(build|icons|locales)\/|^\/(manifest\.webmanifest|favicon\.svg)$/.test(url))).toEqual([]);
  });
});
