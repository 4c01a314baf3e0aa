// Offline use with the real built service worker (public/sw.js): installable, staff pages readable offline with
// their last sync, sign-out leaves nothing behind, the offline page is accessible, citizen pages open offline.
import fs from "node:fs";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, expectNoAxeViolations, LANGUAGES, newPage, tabTo, useBrowser, useStaffPages, waitForHydration } from "../helpers/browser";
import { readyForOffline } from "./offline-helpers";

const browser = useBrowser();
const staffPage = useStaffPages(browser);

const cacheNames = (page: Page) => page.evaluate(() => caches.keys());

describe("offline use", () => {
  it("is installable: a valid manifest with a maskable icon, and the service worker controls the page", async () => {
    const page = await newPage(browser(), { serviceWorkers: true });
    await page.goto("/");
    const href = await page.locator('link[rel="manifest"]').getAttribute("href");
    expect(href).toBe("/manifest.webmanifest");
    const response = await page.request.get(href!);
    expect(response.ok()).toBe(true);
    const manifest = (await response.json()) as {
      name: string;
      short_name: string;
      start_url: string;
      scope: string;
      display: string;
      theme_color: string;
      icons: { src: string; sizes: string; purpose: string }[];
    };
    expect(manifest).toMatchObject({ name: "Digitale Ambulanz", start_url: "/team", scope: "/", display: "standalone", theme_color: "#1d4f91" });
    expect(manifest.icons.map((i) => i.sizes)).toEqual(expect.arrayContaining(["192x192", "512x512"]));
    expect(manifest.icons.some((i) => i.purpose.includes("maskable"))).toBe(true);
    for (const icon of manifest.icons) {
      const image = await page.request.get(icon.src);
      expect(image.headers()["content-type"]).toBe("image/png");
    }
    const worker = await page.request.get("/sw.js");
    expect(worker.headers()["cache-control"]).toBe("no-cache");
    expect(worker.headers()["service-worker-allowed"]).toBe("/");

    // The citizen page registers the worker (its one inline script) and is controlled once it has loaded.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    expect(await page.evaluate(() => Boolean(navigator.serviceWorker.controller))).toBe(true);
    await page.context().close();
  });

  it("a volunteer's today, devices and loans open offline with the time of the last sync", async () => {
    const page = await staffPage("volunteer", { serviceWorkers: true });
    await readyForOffline(page, ["/team/devices", "/team/loans", "/team/today"]);
    await page.locator("h1", { hasText: "Begegnungszentrum Vahr" }).waitFor();
    expect(await page.locator("[data-offline-banner]").isVisible()).toBe(false);

    await page.context().setOffline(true);
    await page.reload();
    await page.locator("h1", { hasText: "Begegnungszentrum Vahr" }).waitFor();
    const banner = page.locator("[data-offline-banner]");
    await banner.waitFor({ state: "visible" });
    expect(await banner.innerText()).toMatch(/Sie sind offline\.[\s\S]*Zuletzt synchronisiert: .*\d{2}:\d{2}/);
    await expectNoAxeViolations(page);

    // Moving on offline: the other pages kept on this device.
    await waitForHydration(page);
    await Promise.all([page.waitForURL(/\/team\/devices$/), page.locator('nav a[href="/team/devices"]').click()]);
    await expect(page.locator("main").innerText()).resolves.toContain("TAB-0008");
    await page.locator("[data-offline-banner]").waitFor({ state: "visible" });
    await Promise.all([page.waitForURL(/\/team\/loans$/), page.locator('nav a[href="/team/loans"]').click()]);
    await expect(page.locator("main").innerText()).resolves.toContain("TAB-0001");

    // A page never kept: the offline page, not the browser's error.
    await page.goto("/team/outbox");
    await page.locator("h1", { hasText: "Sie sind offline" }).waitFor();
    await page.context().close();
  });

  it("offers a new version on staff pages; 'Reload' switches to it", async () => {
    const page = await staffPage("volunteer", { serviceWorkers: true });
    await readyForOffline(page, ["/team/today"]);
    await page.waitForTimeout(500); // workbox-window is loaded after hydration
    const original = fs.readFileSync("public/sw.js", "utf8");
    try {
      fs.writeFileSync("public/sw.js", `${original}\n// a later version\n`);
      await page.evaluate(async () => (await navigator.serviceWorker.getRegistration())!.update());
      const prompt = page.locator(".offline-status__update");
      await prompt.waitFor();
      expect(await prompt.innerText()).toContain("Eine neue Version ist verfügbar.");
      expect(await prompt.locator("xpath=..").getAttribute("aria-live")).toBe("polite");
      await tabTo(page, ".offline-status__update button");
      await Promise.all([page.waitForEvent("load"), page.keyboard.press("Enter")]);
      await waitForHydration(page);
      await expect(prompt.count()).resolves.toBe(0);
      expect(await page.evaluate(() => navigator.serviceWorker.getRegistration().then((r) => Boolean(r?.active && !r.waiting)))).toBe(true);
    } finally {
      fs.writeFileSync("public/sw.js", original);
    }
    await page.context().close();
  });

  it("signing out clears the kept staff pages: offline, /team/today is no longer shown", async () => {
    const page = await staffPage("volunteer", { serviceWorkers: true });
    await readyForOffline(page, ["/team/today"]);
    expect((await cacheNames(page)).some((name) => name.startsWith("staff-"))).toBe(true);

    await Promise.all([page.waitForURL(/\/team\/sign-in/), page.locator("form.staff-signout button[type=submit]").click()]);
    expect((await cacheNames(page)).filter((name) => name.startsWith("staff-"))).toEqual([]);
    // Nothing of the person stays in the worker's state (who, conflicts, sent counts); the sign-in page the old
    // worker may still have answered notes the device's language again, which is not the person's.
    const state = await page.evaluate(async () =>
      (await caches.has("offline-state")) ? (await (await caches.open("offline-state")).keys()).map((r) => new URL(r.url).pathname) : [],
    );
    expect(state.filter((key) => key !== "/__state/language")).toEqual([]);

    // The sign-in page registers the worker again; offline, the staff page stays away.
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.context().setOffline(true);
    await page.goto("/team/today").catch(() => null);
    const text = await page.locator("body").innerText().catch(() => "");
    expect(text).not.toContain("Begegnungszentrum Vahr");
    expect(text).not.toContain("TAB-0001");
    await page.context().close();
  });

  it("the entry page and the status check open offline with a note and the phone number instead of the form", async () => {
    const page = await newPage(browser(), { serviceWorkers: true, javaScript: true });
    await page.goto("/");
    await page.evaluate(() => navigator.serviceWorker.ready);
    await page.reload();
    await page.goto("/status");
    expect(await page.locator(".offline-note").isVisible()).toBe(false);

    await page.context().setOffline(true);
    await page.goto("/");
    await page.locator(".offline-note").waitFor({ state: "visible" });
    expect(await page.locator(".offline-note").innerText()).toMatch(/Sie sind offline[\s\S]*0421/);
    await page.goto("/status");
    await page.locator(".offline-note").waitFor({ state: "visible" });
    expect(await page.locator("main form").first().isVisible()).toBe(false);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  for (const lng of LANGUAGES) {
    it(`the offline page is accessible in ${lng}`, async () => {
      const page = await newPage(browser(), { lng, serviceWorkers: true });
      await page.goto("/");
      await page.evaluate(() => navigator.serviceWorker.ready);
      await page.reload();
      await page.context().setOffline(true);
      await page.goto("/book");
      await expect(page.locator("html").getAttribute("lang")).resolves.toBe(lng);
      await page.locator("h1").waitFor();
      expect(await page.locator("a[href^='tel:']").count()).toBeGreaterThan(0);
      await expectNoAxeViolations(page);
      await page.context().close();
    });
  }

  it("serves the offline page in every language without changing anyone's language", async () => {
    const response = await fetch(`${baseUrl()}/offline?lng=ar`);
    expect(response.headers.get("set-cookie")).toBeNull();
    expect(await response.text()).toContain('dir="rtl"');
  });
});
