// axe (WCAG 2.2 AA) finds nothing on the booking pages (citizen, without JavaScript) and the consultation-hours
// staff pages, with and without errors, in German, English and Arabic. (axe runs as a script: citizen pages ship
// none of their own, so they are the same page with the browser's JavaScript on.)
import type { BrowserContext, Page } from "playwright-core";
import { afterAll, beforeAll, describe, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";
import {
  expectNoAxeViolations,
  LANGUAGES,
  newPage,
  signIn,
  useBrowser,
  waitForHydration,
} from "../helpers/browser";

const browser = useBrowser();
// An app of its own: three online bookings from one address here would meet the per-address booking limit
// (issue 14) that the other files' bookings on the shared app have already used up.
let app: RunningApp;
beforeAll(async () => {
  app = await startApp();
}, 120_000);
afterAll(async () => {
  await app?.stop();
});
const baseUrl = () => app.baseUrl;
let session: Awaited<ReturnType<BrowserContext["storageState"]>> | null = null;

async function librarianPage(lng: string): Promise<Page> {
  if (!session) {
    const page = await newPage(browser(), { appUrl: baseUrl() });
    await signIn(page, "librarian");
    session = await page.context().storageState();
    await page.context().close();
  }
  const context = await browser().newContext({ baseURL: baseUrl(), storageState: session });
  await context.addCookies([{ name: "lng", value: lng, url: baseUrl() }]);
  return context.newPage();
}

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator(selector).click()]);
  await page.waitForLoadState();
}

describe.each(LANGUAGES)("booking pages in %s", (lng) => {
  let booked = { reference: "", phone: "" };
  it("citizen pages, with and without errors, are axe clean", async () => {
    const page = await newPage(browser(), { lng, appUrl: baseUrl() });
    const phone = `0151 6${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;
    await page.goto("/book");
    await expectNoAxeViolations(page);
    await page.goto("/book/stadtbibliothek?week=3");
    await expectNoAxeViolations(page);
    await submit(page, 'form:has(.slot-picker) button[type="submit"]'); // nothing chosen
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);
    const slotId = (await page.locator('.slot-picker input[name="slot"]').first().getAttribute("id"))!;
    await page.locator(`label[for="${slotId}"]`).click();
    await submit(page, 'form:has(.slot-picker) button[type="submit"]');
    await expectNoAxeViolations(page);
    await submit(page, 'form button[type="submit"]'); // empty details
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('input[name="firstName"]').fill("Aylin");
    await page.locator('input[name="phone"]').fill(phone);
    await submit(page, 'form button[type="submit"]');
    await expectNoAxeViolations(page); // check your answers
    await submit(page, 'form button[type="submit"]');
    await page.locator(".reference-panel__code").waitFor();
    await expectNoAxeViolations(page); // done
    booked = { reference: (await page.locator(".reference-panel__code").textContent())!.trim(), phone };
  }, 180_000);

  it("cancel or change pages, with and without errors, are axe clean", async () => {
    const page = await newPage(browser(), { lng, appUrl: baseUrl() });
    const { reference, phone } = booked;
    await page.goto("/appointment");
    await expectNoAxeViolations(page);
    await page.locator('input[name="reference"]').fill(reference);
    await page.locator('input[name="phone"]').fill("0151 99999999");
    await submit(page, 'button[value="find"]');
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page); // not found
    await page.locator('input[name="phone"]').fill(phone);
    await submit(page, 'button[value="find"]');
    await expectNoAxeViolations(page); // found
    await submit(page, 'button[value="slots"]');
    await expectNoAxeViolations(page); // other times
    await submit(page, 'button[value="move"]'); // nothing chosen
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);
    const otherId = (await page.locator('.slot-picker input[name="slot"]').last().getAttribute("id"))!;
    await page.locator(`label[for="${otherId}"]`).click();
    await submit(page, 'button[value="move"]');
    await expectNoAxeViolations(page); // moved
  }, 180_000);

  it("consultation-hours staff pages, with and without errors, are axe clean", async () => {
    const page = await librarianPage(lng);
    await page.goto("/team/hours");
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    const hourHref = (await page.locator('table a[href^="/team/hours/"]').first().getAttribute("href"))!;

    await page.goto("/team/hours/new");
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    await page.locator("#hour-endTime").fill("25:00");
    await submit(page, 'button[value="save"]');
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);
    // Overlapping the demo Tuesday hours: refused with a message.
    await page.goto("/team/hours/new");
    await waitForHydration(page);
    await page.locator("#hour-weekday").selectOption("2");
    await page.locator("#hour-startTime").fill("15:00");
    await page.locator("#hour-endTime").fill("16:00");
    await submit(page, 'button[value="save"]');
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);

    await page.goto(hourHref);
    await waitForHydration(page);
    await expectNoAxeViolations(page);

    await page.goto("/team/hours/closures");
    await waitForHydration(page);
    await expectNoAxeViolations(page);
    await submit(page, 'button[value="add"]');
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);
  }, 180_000);
});
