// A person asks what is stored about them (Art. 15): the coordinator opens their page, presses "Auskunft erstellen"
// by keyboard, reads the report in the person's language (Arabic, right to left), and downloads the JSON file.
// Axe on the report in every language; an unknown person gets a clear message. On the shared app it writes only
// audit entries (and three people known from a past walk-in); the full report, with one of everything, is checked on
// an app of its own, as its loans, waiting-list places and messages would show in other files' lists.
import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { makeOneOfEverything, makePerson } from "../helpers/factories";
import { expectNoAxeViolations, LANGUAGES, newPage, openStaffPage, sharedApp, signIn, tabTo, useBrowser, useStaffPages, waitForHydration } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
const REPORT_PAGE = "/team/people/:personId/access-report";
const personIds: Record<string, string> = {};

beforeAll(async () => {
  const db = await openDatabase(sharedApp().databaseUrl);
  try {
    const centre = await db.location.findUniqueOrThrow({ where: { slug: "bz-vahr" } });
    const names = { de: "Liselotte", en: "Margaret", ar: "Fatima" } as const;
    for (const [i, lng] of LANGUAGES.entries()) {
      personIds[lng] = (await makePerson(db, { firstName: names[lng], language: lng, phone: `+49151999955${i}0`, knownAt: centre.id })).id;
    }
  } finally {
    await db.$disconnect();
  }
});

const reportPath = (lng: string) => REPORT_PAGE.replace(":personId", personIds[lng]);

describe("the access report", () => {
  it("by keyboard from the person's page: the report in the person's language, then the JSON file", async () => {
    const page = await staffPage("coordinator");
    await openStaffPage(page, `/team/people/${personIds.ar}`);
    await tabTo(page, `main a[href="${reportPath("ar")}"]`, 80);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Auskunft erstellen");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === reportPath("ar"));
    const sheet = page.locator('article[lang="ar"][dir="rtl"]');
    await sheet.locator("h1").waitFor();
    expect(await sheet.locator("h1").textContent()).toBe("تقرير عن بياناتك المحفوظة لدينا");
    expect(await sheet.locator("h2").allTextContents()).toEqual(expect.arrayContaining(["بياناتك", "زيارات بدون موعد", "من اطّلع على بياناتك أو غيّرها"]));
    // The staff page around it stays German; the report names whoever looked at the person's data.
    expect(await page.locator("main .print-hint").textContent()).toContain("العربية");
    expect(await sheet.locator("#access-accessLog tbody").textContent()).toContain("عُرض شخص");

    // On A4 paper (about 794 CSS pixels wide): only the report, nothing wider than the page.
    await page.setViewportSize({ width: 794, height: 1123 });
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.getByRole("button", { name: "Drucken" }).isVisible()).toBe(false);
    expect(await page.evaluate(() => document.documentElement.scrollWidth <= document.documentElement.clientWidth)).toBe(true);
    await page.emulateMedia({ media: "screen" });

    await tabTo(page, "main button", 40);
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Drucken");
    await tabTo(page, 'a[href$="/access-report/download"]', 40);
    const [download] = await Promise.all([page.waitForEvent("download"), page.keyboard.press("Enter")]);
    expect(download.suggestedFilename()).toMatch(/^auskunft-art15-\d{4}-\d{2}-\d{2}\.json$/);
    const file = JSON.parse(fs.readFileSync((await download.path())!, "utf8"));
    expect(file).toMatchObject({ format: "digitale-ambulanz/access-export@1", personId: personIds.ar, language: "ar" });
    expect(file.sections.person[0]).toMatchObject({ firstName: "Fatima", language: "ar" });
    expect(file.sections.walkIns).toHaveLength(1);
    expect(file.sections.consents).toEqual([]);
    expect(file.sections.accessLog.map((e: { action: string }) => e.action)).toEqual(expect.arrayContaining(["person.viewed", "person.exported"]));
    const response = await page.request.get(`${reportPath("ar")}/download`);
    expect(response.headers()).toMatchObject({ "cache-control": "private, no-store", "content-type": "application/json; charset=utf-8" });
    expect(response.headers()["content-disposition"]).toMatch(/^attachment; filename="auskunft-art15-[\d-]+\.json"$/);
    await page.context().close();
  });

  it("is not offered to volunteers, and refused when they open it", async () => {
    const page = await staffPage("volunteer");
    await openStaffPage(page, `/team/people/${personIds.de}`);
    expect(await page.locator(`a[href="${reportPath("de")}"]`).count()).toBe(0);
    const response = await page.goto(reportPath("de"));
    expect(response?.status()).toBe(403);
    expect(await page.locator("main [role=alert]").textContent()).toBe("Eine Auskunft erstellen nur Koordination und Verwaltung.");
    await page.context().close();
  });

  it("says clearly when there is no such person", async () => {
    const page = await staffPage("coordinator");
    const response = await page.goto("/team/people/nobody-here/access-report");
    expect(response?.status()).toBe(404);
    expect(await page.locator("main [role=alert]").textContent()).toContain("nicht (mehr) gespeichert");
    const file = await page.request.get("/team/people/nobody-here/access-report/download");
    expect(file.status()).toBe(404);
    await page.context().close();
  });

  it.each(LANGUAGES)("the report has no axe violations in %s", async (lng) => {
    const page = await staffPage("coordinator", lng);
    await openStaffPage(page, reportPath(lng));
    expect(await page.locator(`article[lang="${lng}"]`).count()).toBe(1);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe("the access report with one of everything", () => {
  let app: RunningApp;
  const full: Record<string, string> = {};

  beforeAll(async () => {
    app = await startApp();
    const db = await openDatabase(app.databaseUrl);
    try {
      const centre = await db.location.findUniqueOrThrow({ where: { slug: "bz-vahr" } });
      const staff = await db.staff.findFirstOrThrow({ where: { role: "volunteer" } });
      for (const [i, lng] of LANGUAGES.entries()) {
        const person = await makePerson(db, { firstName: "Hannelore", language: lng, phone: `+49151999966${i}0`, knownAt: centre.id });
        await makeOneOfEverything(db, { personId: person.id, locationId: centre.id, staffId: staff.id });
        full[lng] = person.id;
      }
    } finally {
      await db.$disconnect();
    }
  });
  afterAll(async () => {
    await app?.stop();
  });

  it.each(LANGUAGES)("has every section filled and no axe violations in %s", async (lng) => {
    const page = await newPage(browser(), { lng, appUrl: app.baseUrl });
    await signIn(page, "coordinator");
    await page.goto(REPORT_PAGE.replace(":personId", full[lng]));
    await waitForHydration(page);
    const sheet = page.locator(`article[lang="${lng}"]`);
    expect(await sheet.locator("h4").count()).toBeGreaterThanOrEqual(7);
    expect(await sheet.locator("section:has(> h2) > p").count(), "a section says it is empty").toBe(0);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
