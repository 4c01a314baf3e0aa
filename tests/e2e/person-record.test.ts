// A long-time borrower's record: every list on the person page is paged on its own, by keyboard, and a page of one
// list keeps the others where they were. The history (27 loans, 27 callbacks over two years) is written straight
// into the app's database: clicking it together would take minutes and test nothing more.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { makeLongHistory, seriesReference } from "../helpers/factories";
import { expectNoAxeViolations, LANGUAGES, openStaffPage, sharedApp, tabTo, useBrowser, useStaffPages } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
const HISTORY = 27;
const code = seriesReference;
let personPath = "";

beforeAll(async () => {
  const db = await openDatabase(sharedApp().databaseUrl);
  try {
    const centre = await db.location.findUniqueOrThrow({ where: { slug: "bz-vahr" } });
    const coordinator = await db.staff.findUniqueOrThrow({ where: { email: "koordination@ambulanz.example" } });
    const device = await db.device.findFirstOrThrow({ where: { locationId: centre.id } });
    const person = await db.person.create({ data: { firstName: "Langzeit", phone: "+4915199994444", phoneType: "mobile" } });
    await makeLongHistory(db, { personId: person.id, locationId: centre.id, deviceId: device.id, staffId: coordinator.id, count: HISTORY });
    personPath = `/team/people/${person.id}`;
  } finally {
    await db.$disconnect();
  }
});

const rows = (page: Page, section: string) => page.locator(`section#${section} tbody tr`);

describe("a person's record with a long history", () => {
  let page: Page;
  afterAll(() => page?.context().close());

  it("shows 25 of each list with the whole count, and pages each list on its own by keyboard", async () => {
    page = await staffPage("coordinator");
    await openStaffPage(page, personPath);
    expect(await page.locator("section#loans caption").innerText()).toContain("27 Ausleihen");
    expect(await rows(page, "loans").count()).toBe(25);
    expect(await rows(page, "callbacks").count()).toBe(25);
    await expect(rows(page, "callbacks").first().innerText()).resolves.toContain(code("PC", HISTORY - 1));

    await tabTo(page, 'nav[aria-label="Seitenauswahl: Rückrufe"] a[aria-label="Seite 2"]', 200);
    await Promise.all([page.waitForURL(/callbacks=2#callbacks$/), page.keyboard.press("Enter")]);
    await expect.poll(() => rows(page, "callbacks").allInnerTexts()).toEqual([
      expect.stringContaining(code("PC", 1)),
      expect.stringContaining(code("PC", 0)),
    ]);
    expect(await rows(page, "loans").count()).toBe(25);

    // The loans' next page keeps the callbacks on theirs.
    await openStaffPage(page, new URL(page.url()).pathname + new URL(page.url()).search);
    await tabTo(page, 'nav[aria-label="Seitenauswahl: Ausleihen"] a[rel="next"]', 200);
    await Promise.all([page.waitForURL(/loans=2#loans$/), page.keyboard.press("Enter")]);
    expect(new URL(page.url()).searchParams.get("callbacks")).toBe("2");
    await expect.poll(() => rows(page, "loans").allInnerTexts()).toEqual([expect.stringContaining(code("PL", 1)), expect.stringContaining(code("PL", 0))]);
    expect(await rows(page, "callbacks").count()).toBe(2);
  });

  for (const lng of LANGUAGES) {
    it(`has no axe violations with several paged lists in ${lng}`, async () => {
      const other = await staffPage("coordinator", lng);
      await openStaffPage(other, `${personPath}?loans=2`);
      await expectNoAxeViolations(other);
      await other.context().close();
    });
  }
});
