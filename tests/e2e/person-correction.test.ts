// A person asks staff to correct their details: the volunteer taps from the person's page to the form, fixes the
// language by keyboard, sees the correction, and the access log shows it. A wrong initial is named. Axe everywhere.
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { makePerson } from "../helpers/factories";
import { expectNoAxeViolations, LANGUAGES, openStaffPage, sharedApp, tabTo, useBrowser, useStaffPages } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
let personPath = "";
const EDIT_PAGE = "/team/people/:personId/edit";
const editPath = () => EDIT_PAGE.replace("/team/people/:personId", personPath);

beforeAll(async () => {
  const db = await openDatabase(sharedApp().databaseUrl);
  try {
    const centre = await db.location.findUniqueOrThrow({ where: { slug: "bz-vahr" } });
    personPath = `/team/people/${(await makePerson(db, { firstName: "Rosemarie", phone: "+4915199997777", knownAt: centre.id })).id}`;
  } finally {
    await db.$disconnect();
  }
});

describe("correcting a person's details", () => {
  it("from the person's page by keyboard: saved, shown, and in the access log", async () => {
    const page = await staffPage("volunteer");
    await openStaffPage(page, personPath);
    await tabTo(page, `a[href="${editPath()}"]`, 80);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/edit$/);
    await page.locator("#person-edit-firstName").waitFor();
    await tabTo(page, "#person-edit-lastNameInitial");
    await page.keyboard.type("b");
    await tabTo(page, "#person-edit-language");
    await page.locator("#person-edit-language").selectOption("en");
    await tabTo(page, 'form#person-edit button[type="submit"]');
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === personPath);
    await expect.poll(() => page.locator("main [role=status]").textContent()).toBe("Die Angaben sind berichtigt.");
    expect(await page.locator("h1").textContent()).toContain("Rosemarie B.");
    expect(await page.locator("main").textContent()).toContain("English");
    await page.context().close();

    const coordinator = await staffPage("coordinator");
    await openStaffPage(coordinator, `/team/audit?person=${personPath.split("/").pop()}`);
    expect(await coordinator.locator("main tbody").textContent()).toContain("Angaben einer Person berichtigt");
    await coordinator.context().close();
  });

  it.each(LANGUAGES)("form and its errors have no axe violations in %s", async (lng) => {
    const page = await staffPage("volunteer", lng);
    await openStaffPage(page, editPath());
    await expectNoAxeViolations(page);
    await page.locator("#person-edit-lastNameInitial").fill("Mü");
    await page.locator('form#person-edit button[type="submit"]').click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").textContent()).toMatch(/\S/);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
