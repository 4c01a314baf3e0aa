// A data-protection officer's questions, asked in the browser: who looked at Gisela's data (from her page, by
// keyboard), what did one volunteer do, and a copy of the answer as a spreadsheet. Axe in every language, also
// with a filter that is wrong.
import fs from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { expectNoAxeViolations, LANGUAGES, openStaffPage, sharedApp, tabTo, useBrowser, useStaffPages } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
let giselaPath = "";
let volunteerId = "";

beforeAll(async () => {
  const db = await openDatabase(sharedApp().databaseUrl);
  try {
    giselaPath = `/team/people/${(await db.person.findUniqueOrThrow({ where: { phone: "+4915112345678" } })).id}`;
    volunteerId = (await db.staff.findUniqueOrThrow({ where: { email: "ehrenamt@ambulanz.example" } })).id;
  } finally {
    await db.$disconnect();
  }
});

describe("the access log", () => {
  it("from a person's page: the entries about her, named, and the same list as a CSV file", async () => {
    const volunteer = await staffPage("volunteer");
    await openStaffPage(volunteer, giselaPath); // a look the log must show
    await volunteer.context().close();

    const page = await staffPage("coordinator");
    await openStaffPage(page, giselaPath);
    await tabTo(page, 'a[href^="/team/audit?person="]', 120);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/audit\?person=/);
    await expect.poll(() => page.locator("main").textContent()).toContain("Nur Einträge zu Gisela M.");
    const rows = page.locator("main tbody tr");
    await expect.poll(() => rows.filter({ hasText: "Peter Wagner" }).filter({ hasText: "Person angesehen" }).count()).toBeGreaterThan(0);
    expect(await rows.filter({ hasNotText: "Gisela M." }).count()).toBe(0);

    const [download] = await Promise.all([page.waitForEvent("download"), page.locator('a[href^="/team/audit/export?person="]').click()]);
    const csv = fs.readFileSync(await download.path(), "utf8");
    expect(csv.startsWith("\uFEFFZeitpunkt;Wer;Was;Betrifft;Person;Standort;Einzelheiten\r\n")).toBe(true);
    expect(csv).toMatch(/;Peter Wagner;Person angesehen;Person …\w{6};Gisela M\.;/);
    await page.context().close();
  });

  it("narrowed to one staff member by keyboard; a volunteer may not read it", async () => {
    const volunteer = await staffPage("volunteer");
    await openStaffPage(volunteer, giselaPath); // so the volunteer has done something to find
    const page = await staffPage("admin");
    await openStaffPage(page, "/team/audit");
    await tabTo(page, "#audit-staff");
    await page.locator("#audit-staff").selectOption({ label: "Peter Wagner" });
    await tabTo(page, '.audit-filter button[type="submit"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`staff=${volunteerId}`));
    // The address changes as the navigation starts; the rows follow when its data has arrived.
    const actors = () => page.locator("main tbody tr td:nth-child(2)").allTextContents();
    await expect.poll(async () => [...new Set(await actors())]).toEqual(["Peter Wagner"]);
    await page.context().close();

    const refused = await volunteer.goto("/team/audit/export");
    expect(refused?.status()).toBe(403);
    await volunteer.context().close();
  });

  it("a day that does not exist is named, and no entries are shown", async () => {
    const page = await staffPage("coordinator");
    await openStaffPage(page, "/team/audit?from=2026-02-30");
    await expect.poll(() => page.locator(".error-summary").textContent()).toContain("Geben Sie einen Tag als Datum ein");
    expect(await page.locator("main table").count()).toBe(0);
    // The CSV link with the same wrong filter leads back to the page that names it.
    const response = await page.goto("/team/audit/export?from=2026-02-30");
    expect(new URL(page.url()).pathname).toBe("/team/audit");
    expect(response?.status()).toBe(200);
    await page.context().close();
  });

  it.each(LANGUAGES)("has no axe violations in %s, filtered and with a wrong filter", async (lng) => {
    const page = await staffPage("coordinator", lng);
    await openStaffPage(page, `/team/audit?person=${giselaPath.split("/").pop()}&staff=${volunteerId}&from=2026-01-01`);
    await expectNoAxeViolations(page);
    await openStaffPage(page, "/team/audit?from=2026-02-30&to=gestern");
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
