// axe (WCAG 2.2 AA) finds nothing on the pages with the "Call now" panel — idle, ringing with the practice
// buttons, after a missed call, on a ticket, and the hint for staff without a phone — in German, English and Arabic.
import type { Page } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, openStaffPage, useBrowser, useStaffPages } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
const phone = () => `0151 8${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;

const callbacks: Record<string, string> = {};
let ticketPath = "";

async function callbackIntake(page: Page, firstName: string) {
  await openStaffPage(page, "/team/callbacks/new");
  await page.locator('input[name="phone"]').fill(phone());
  await page.locator('form#callback-lookup button[type="submit"]').click();
  await page.locator("#caller-heading").waitFor();
  await page.locator('input[name="firstName"]').fill(firstName);
  await page.locator("form#callback-intake label", { has: page.locator('input[name="windows"]') }).last().click();
  await Promise.all([page.waitForURL(/\/team\/callbacks\/(?!new)[^/]+$/), page.locator('form#callback-intake button[type="submit"]').click()]);
  return new URL(page.url()).pathname;
}

/** Clicks a panel button and waits until the page is back (the panel posts to /team/calls and redirects). */
async function press(page: Page, selector: string, path: string) {
  await Promise.all([page.waitForURL((url) => url.pathname === path && url.search === ""), page.locator(selector).click()]);
  await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
}

beforeAll(async () => {
  const page = await staffPage("coordinator");
  for (const lng of LANGUAGES) callbacks[lng] = await callbackIntake(page, `Anna ${lng}`);
  await openStaffPage(page, "/team/tickets/new");
  await page.locator('input[name="phone"]').fill(phone());
  await page.locator('form#intake-lookup button[type="submit"]').click();
  await page.locator("#intake-caller-heading").waitFor();
  await page.locator('input[name="person.firstName"]').fill("Berta");
  await page.locator('textarea[name="description"]').fill("Ich komme nicht ins WLAN.");
  await Promise.all([page.waitForURL(/created=1$/), page.locator('form#intake button[type="submit"]').click()]);
  ticketPath = new URL(page.url()).pathname;
  await page.context().close();
});

describe.each(LANGUAGES)("the Call now panel in %s", (lng) => {
  it("on a callback: idle, ringing with the practice buttons, calling the person, and after a missed call", async () => {
    const page = await staffPage("coordinator", lng);
    const path = callbacks[lng]!;
    await openStaffPage(page, path);
    await page.locator(".call-now").waitFor();
    await expectNoAxeViolations(page);
    await press(page, '.call-now form[action="/team/calls"] button[type="submit"]', path);
    await page.locator(".call-now__simulate").waitFor();
    await expectNoAxeViolations(page);
    await press(page, '.call-now__simulate form:has(input[value="staffAnswered"]) button', path);
    await page.locator(".call-now__state--callingCitizen").waitFor();
    await expectNoAxeViolations(page);
    await press(page, '.call-now__simulate form:has(input[value="citizenNoAnswer"]) button', path);
    await page.locator(".call-now__state--no_answer").waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("on a ticket after a conversation, and the hint for staff without a phone number", async () => {
    const page = await staffPage("coordinator", lng);
    await openStaffPage(page, ticketPath);
    await press(page, '.call-now form[action="/team/calls"] button[type="submit"]', ticketPath);
    for (const event of ["staffAnswered", "citizenAnswered", "hangUp"]) {
      await press(page, `.call-now__simulate form:has(input[value="${event}"]) button`, ticketPath);
    }
    await page.locator(".call-now__state--completed").waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();

    const volunteer = await staffPage("volunteer", lng);
    await openStaffPage(volunteer, ticketPath);
    await volunteer.locator(".call-now__hint").waitFor();
    await expectNoAxeViolations(volunteer);
    await volunteer.context().close();
  });
});
