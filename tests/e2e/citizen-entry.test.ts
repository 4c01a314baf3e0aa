// A citizen without JavaScript: the entry page, its ways in, and the language switch.
import { describe, expect, it } from "vitest";
import { newPage, useBrowser } from "../helpers/browser";

const browser = useBrowser();

describe("citizen entry page without JavaScript", () => {
  it("shows what help exists, the three ways in, the phone number and the places", async () => {
    const page = await newPage(browser(), { javaScript: false });
    const response = await page.goto("/");
    expect(response?.status()).toBe(200);
    await expect(page.locator("h1").textContent()).resolves.toContain("Hilfe bei Smartphone, Tablet und Internet");
    const ways = await page.locator("#ways-heading + ul h3").allTextContents();
    expect(ways).toEqual(["Rückruf bekommen", "Digitale Sprechstunde besuchen", "Ein Tablet ausleihen"]);
    expect(await page.locator('a[href^="tel:+49"]').count()).toBeGreaterThan(3);
    await expect(page.locator("main").textContent()).resolves.toContain("Stadtbibliothek Bremen");
  });

  it("ships no JavaScript but the few bytes that register the offline service worker (decision 015)", async () => {
    const page = await newPage(browser(), { javaScript: false });
    const scripts: string[] = [];
    page.on("request", (r) => r.resourceType() === "script" && scripts.push(r.url()));
    await page.goto("/");
    expect(await page.locator("script:not(#sw-register)").count()).toBe(0);
    const register = (await page.locator("script#sw-register").textContent()) ?? "";
    expect(register).toContain('navigator.serviceWorker.register("/sw.js"');
    expect(register.length).toBeLessThan(300);
    expect(scripts).toEqual([]);
  });

  it("switches language by plain links and remembers the choice", async () => {
    const page = await newPage(browser(), { javaScript: false });
    await page.goto("/");
    await page.getByRole("link", { name: "English" }).click();
    expect(await page.locator("html").getAttribute("lang")).toBe("en");
    await expect(page.locator("h1").textContent()).resolves.toContain("Help with smartphones");

    await page.goto("/"); // no ?lng: the cookie remembers
    expect(await page.locator("html").getAttribute("lang")).toBe("en");

    await page.getByRole("link", { name: "العربية" }).click();
    expect(await page.locator("html").getAttribute("lang")).toBe("ar");
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  });

  it("follows the browser's language when nothing was chosen", async () => {
    const context = await browser().newContext({ javaScriptEnabled: false, locale: "ar-EG", extraHTTPHeaders: { "Accept-Language": "ar-EG,ar;q=0.9" } });
    const page = await context.newPage();
    await page.goto(new URL("/", (await import("../helpers/browser")).baseUrl()).toString());
    expect(await page.locator("html").getAttribute("dir")).toBe("rtl");
  });

  it("answers unknown pages with a translated 404", async () => {
    for (const [lng, heading] of [
      ["de", "Seite nicht gefunden"],
      ["en", "Page not found"],
      ["ar", "الصفحة غير موجودة"],
    ] as const) {
      const page = await newPage(browser(), { lng, javaScript: false });
      const response = await page.goto("/gibt-es-nicht");
      expect(response?.status()).toBe(404);
      await expect(page.locator("h1").textContent()).resolves.toBe(heading);
    }
  });
});
