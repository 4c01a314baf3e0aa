// axe (WCAG 2.2 AA) finds nothing on the callback pages — citizen and staff, empty, filled and with errors — in
// German, English and Arabic.

import { beforeAll, describe, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, newPage, useBrowser, openStaffPage, useStaffPages } from "../helpers/browser";

const browser = useBrowser();
const phone = () => `0151 6${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;

const staffPage = useStaffPages(browser);

const open = openStaffPage;

let callbackPath = "";

// One callback to look at (taken by the coordinator, for tomorrow's windows or later).
beforeAll(async () => {
  const page = await staffPage("coordinator");
  await open(page, "/team/callbacks/new");
  await page.locator('input[name="phone"]').fill(phone());
  await page.locator('form#callback-lookup button[type="submit"]').click();
  await page.locator("#caller-heading").waitFor();
  await page.locator('input[name="firstName"]').fill("Anna");
  await page.locator("form#callback-intake label", { has: page.locator('input[name="windows"]') }).last().click();
  await Promise.all([page.waitForURL(/\/team\/callbacks\/(?!new)[^/]+$/), page.locator('form#callback-intake button[type="submit"]').click()]);
  callbackPath = new URL(page.url()).pathname;
  await page.context().close();
});

describe.each(LANGUAGES)("callback pages in %s", (lng) => {
  it("the citizen's request form, with errors, and the confirmation", async () => {
    // axe runs as a script: JavaScript on (the page itself ships none).
    const page = await newPage(browser(), { lng });
    await page.goto("/callback");
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('form#callback button[type="submit"]').click()]);
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('input[name="firstName"]').fill("Gerda");
    await page.locator('input[name="phone"]').fill(phone());
    await page.locator("form#callback label", { has: page.locator('input[name="windows"]') }).first().click();
    await Promise.all([page.waitForURL(/\/callback\/done$/), page.locator('form#callback button[type="submit"]').click()]);
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("the staff list and the intake, also with errors", async () => {
    const page = await staffPage("coordinator", lng);
    await open(page, "/team/callbacks");
    await expectNoAxeViolations(page);
    await open(page, "/team/callbacks/new");
    await expectNoAxeViolations(page);
    await page.locator('form#callback-lookup button[type="submit"]').click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    // A known caller (Gisela, seeded): the second step, sent without a time → errors.
    await page.locator('input[name="phone"]').fill("0151 12345678");
    await page.locator('form#callback-lookup button[type="submit"]').click();
    await page.locator("#caller-heading").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('form#callback-intake button[type="submit"]').click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("a callback's page, also with errors", async () => {
    const page = await staffPage("coordinator", lng);
    await open(page, callbackPath);
    await expectNoAxeViolations(page);
    await page.locator('form#attempt button[type="submit"]').click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("callback hours (also with errors) and the calendar link", async () => {
    const page = await staffPage("coordinator", lng);
    await open(page, "/team/callbacks/hours");
    await expectNoAxeViolations(page);
    await page.locator('input[name="startTime"]').fill("12:00");
    await page.locator('input[name="endTime"]').fill("11:00");
    await page.locator('form#callback-hour button[type="submit"]').click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await open(page, "/team/calendar");
    await expectNoAxeViolations(page);
    await page.locator('form:has(input[value="create"]) button[type="submit"]').click();
    await page.locator('[data-testid="calendar-url"]').waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
