// axe (WCAG 2.2 AA) finds nothing on the waiting-list pages — citizen and staff, with and without errors — in
// every language. Everything happens at Haus am Park (all its devices are out, so no offer interferes).
import type { BrowserContext, Page } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import { baseUrl, expectNoAxeViolations, LANGUAGES, newPage, signIn, useBrowser, openStaffPage } from "../helpers/browser";

const browser = useBrowser();
const HOME = "Seniorenwohnen Haus am Park";
let session: Awaited<ReturnType<BrowserContext["storageState"]>>;
let reservationPath = "";
let homeId = "";

async function coordinatorPage(lng: string): Promise<Page> {
  const context = await browser().newContext({ baseURL: baseUrl(), storageState: session });
  await context.addCookies([{ name: "lng", value: lng, url: baseUrl() }]);
  return context.newPage();
}

const open = openStaffPage;

// One place with a move in its history (made in German, read in every language).
beforeAll(async () => {
  const page = await newPage(browser());
  await signIn(page, "coordinator");
  session = await page.context().storageState();
  await open(page, "/team/waiting-list/new");
  await page.locator('input[name="phone"]').fill("0176 4500 0001");
  await page.locator('form#waitlist-lookup button[type="submit"]').click();
  await page.locator('input[name="person.firstName"]').fill("Margarete");
  const select = page.locator('select[name="locationId"]');
  await select.selectOption({ label: HOME });
  homeId = await select.inputValue();
  await page.locator('textarea[name="wishes"]').fill("Online-Banking sicher nutzen");
  await Promise.all([page.waitForURL(/created=1$/), page.locator('form#waitlist-intake button[type="submit"]').click()]);
  reservationPath = new URL(page.url()).pathname;
  await page.locator('select[name="placeAfterId"]').selectOption({ label: "Ganz nach oben" });
  await page.locator('textarea[name="reason"]').fill("Termin im Krankenhaus, braucht Videosprechstunde");
  await page.locator('form#reservation-move button[type="submit"]').click();
  await page.locator(".timeline__item", { hasText: "Videosprechstunde" }).waitFor();
  await page.context().close();
});

describe.each(LANGUAGES)("waiting-list pages in %s", (lng) => {
  it("/borrow, with errors, and the confirmation", async () => {
    // axe runs as a script, so the browser has JavaScript on; the citizen pages ship none.
    const page = await newPage(browser(), { lng });
    await page.goto("/borrow");
    await expectNoAxeViolations(page);
    await page.locator('form#borrow button[type="submit"]').click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('input[name="firstName"]').fill("Ilse");
    await page.locator('input[name="phone"]').fill(`0176 4500 01${LANGUAGES.indexOf(lng)}0`);
    await page.locator(`input[name="locationId"][value="${homeId}"]`).evaluate((el) => (el as HTMLInputElement).click());
    await Promise.all([page.waitForURL(/\/borrow\/done$/), page.locator('form#borrow button[type="submit"]').click()]);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("the staff list, the intake in both steps (also with errors), and a place with its history", async () => {
    const page = await coordinatorPage(lng);
    await open(page, `/team/waiting-list?location=${homeId}`);
    await page.locator("table tbody tr").first().waitFor();
    await expectNoAxeViolations(page);

    await open(page, "/team/waiting-list/new");
    await page.locator('form#waitlist-lookup button[type="submit"]').click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('input[name="phone"]').fill(`0176 4500 02${LANGUAGES.indexOf(lng)}0`);
    await page.locator('form#waitlist-lookup button[type="submit"]').click();
    await page.locator("#waitlist-caller-heading").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('form#waitlist-intake button[type="submit"]').click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);

    await open(page, reservationPath);
    await page.locator(".timeline__item").nth(1).waitFor();
    await expectNoAxeViolations(page);
    await page.locator('form#reservation-move button[type="submit"]').click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
