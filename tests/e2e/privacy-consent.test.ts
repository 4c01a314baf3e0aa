// Art. 13 in the browser: a citizen form without JavaScript shows the short privacy notice and its link, the full
// notice /datenschutz is axe clean in every language and readable at 320 px, and a volunteer withdraws a person's
// consent on their page by keyboard alone (shown at once, in the access log).
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { makePerson } from "../helpers/factories";
import { expectNoAxeViolations, LANGUAGES, newPage, openStaffPage, sharedApp, tabTo, useBrowser, useStaffPages } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
let personId = "";

beforeAll(async () => {
  const db = await openDatabase(sharedApp().databaseUrl);
  try {
    const centre = await db.location.findUniqueOrThrow({ where: { slug: "bz-vahr" } });
    const person = await makePerson(db, { firstName: "Waltraud", phone: "+4915199996666", knownAt: centre.id });
    await db.consent.create({ data: { personId: person.id, purpose: "contact", channel: "web", givenAt: new Date("2026-11-20T10:00:00Z") } });
    personId = person.id;
  } finally {
    await db.$disconnect();
  }
});

describe("the privacy notice for citizens", () => {
  it("a form without JavaScript carries the short notice and its link to the full notice", async () => {
    const page = await newPage(browser(), { javaScript: false });
    await page.goto("/callback");
    const notice = page.locator("form [data-privacy-notice]");
    expect(await notice.locator("h2").textContent()).toBe("Datenschutz: was wir speichern");
    expect(await notice.textContent()).toMatch(/spätestens 12 Monate.*nach 90 Tagen/);
    await notice.locator('a[href="/datenschutz"]').click();
    await page.waitForURL(/\/datenschutz$/);
    expect(await page.locator("h1").textContent()).toBe("Datenschutz bei der Digitalen Ambulanz");
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Art. 77");
    expect(main).toContain("STOP");
    await page.context().close();
  });

  it("the full notice reads at 320 px without sideways scrolling", async () => {
    const page = await newPage(browser(), { javaScript: false });
    await page.setViewportSize({ width: 320, height: 640 });
    await page.goto("/datenschutz");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.goto("/book");
    await page.goto("/status");
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(320);
    await page.context().close();
  });

  it.each(LANGUAGES)("the privacy page and a form's notice have no axe violations in %s", async (lng) => {
    const page = await newPage(browser(), { lng });
    await page.goto("/datenschutz");
    await expectNoAxeViolations(page);
    await page.goto("/status");
    await page.locator("[data-privacy-notice]").waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe("withdrawing a consent on the person page", () => {
  it("by keyboard: one button, the page says so, the row shows when and by whom, the access log has it", async () => {
    const page = await staffPage("volunteer");
    await openStaffPage(page, `/team/people/${personId}`);
    const row = page.locator("#consents tbody tr").first();
    expect(await row.textContent()).toContain("Webformular");
    await tabTo(page, "#consents button[type=submit]", 120);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("main [role=status]").textContent()).toBe("Die Einwilligung ist widerrufen. Nachrichten zu diesem Zweck werden nicht mehr gesendet.");
    // The action answers first; the page's data follows (the notice may show a moment before the row changes).
    await expect.poll(() => page.locator("#consents tbody tr").first().textContent()).toContain("widerrufen am");
    expect(await page.locator("#consents button[type=submit]").count()).toBe(0);
    await page.context().close();

    const db = await openDatabase(sharedApp().databaseUrl);
    try {
      expect(await db.auditEntry.count({ where: { action: "consent.withdrawn", subjectId: personId } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
  });
});
