// axe (WCAG 2.2 AA) finds nothing on the desk's pages — booking for a caller (both steps, with errors), the day
// view, an appointment, the walk-in queue (with people and with an error), and the citizen's day waiting list
// (a day with free places; on a full day of its own: form, errors, confirmation) — in every language.

import { beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, newPage, useBrowser, openStaffPage, useStaffPages } from "../helpers/browser";
import { addOneOffHour, dayAhead, fullyBookDay } from "../helpers/scheduling-e2e";

const browser = useBrowser();

const staffPage = useStaffPages(browser);

const open = openStaffPage;

/** A Tuesday three weeks ahead ("YYYY-MM-DD"): Stadtbibliothek has hours then. */
function tuesdayAhead(): string {
  const day = new Date();
  day.setUTCDate(day.getUTCDate() + 21);
  while (day.getUTCDay() !== 2) day.setUTCDate(day.getUTCDate() - 1);
  return day.toISOString().slice(0, 10);
}

let appointmentPath = "";
// This file's own days at the Stadtbibliothek: a Friday booked full (the waiting list takes names) and a Monday
// with a free place (the page points to it instead).
const fullDay = dayAhead(5, 7);
const freeDay = dayAhead(1, 7);

// One booking (made in German, read in every language) and two walk-ins, one of them called.
beforeAll(async () => {
  const page = await staffPage("librarian");
  await open(page, "/team/appointments/new");
  await page.locator('input[name="phone"]').fill("0151 6123 4700");
  await page.locator("form#desk-lookup button[type=submit]").click();
  await page.locator('input[name="person.firstName"]').fill("Greta");
  await page.locator('textarea[name="concern"]').fill("Fotos auf den Laptop");
  await Promise.all([page.waitForURL(/booked=1$/), page.locator("form#desk-book button[type=submit]").click()]);
  appointmentPath = new URL(page.url()).pathname;
  await open(page, "/team/walk-ins");
  for (const name of ["Lotte", "Paul"]) {
    await page.locator('form#walk-in input[name="displayName"]').fill(name);
    await page.locator("form#walk-in button[type=submit]").click();
    await page.locator(".walk-ins__entry", { hasText: name }).waitFor();
  }
  // Someone is called (whoever waits longest: other tests may have added people today).
  await page.locator(".walk-ins__next button[type=submit]").click();
  await page.locator(".walk-ins__serving", { hasText: "Nummer" }).waitFor();
  await fullyBookDay(page, browser(), fullDay, "0151 6123 4790");
  await addOneOffHour(page, freeDay);
  await page.context().close();
}, 120_000);

describe.each(LANGUAGES)("desk pages in %s", (lng) => {
  it("booking for a caller: the number with an error, the second step with an error, a known caller's bookings", async () => {
    const page = await staffPage("librarian", lng);
    await open(page, "/team/appointments/new");
    await expectNoAxeViolations(page);
    await page.locator('input[name="phone"]').fill("12");
    await page.locator("form#desk-lookup button[type=submit]").click();
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('input[name="phone"]').fill("0151 6123 4701");
    await page.locator("form#desk-lookup button[type=submit]").click();
    await page.locator("#desk-caller-heading").waitFor();
    await expectNoAxeViolations(page);
    await page.locator("form#desk-book button[type=submit]").click();
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);
    // A known caller with a booking still to come: it is listed above the form.
    await open(page, "/team/appointments/new");
    await page.locator('input[name="phone"]').fill("0151 6123 4700");
    await page.locator("form#desk-lookup button[type=submit]").click();
    await page.locator("#desk-upcoming-heading").waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("the day view, an appointment just booked and later (also a refused move), and the walk-in queue with an error", async () => {
    const page = await staffPage("librarian", lng);
    await open(page, "/team/appointments");
    await expectNoAxeViolations(page);
    await open(page, `/team/appointments?day=${tuesdayAhead()}`);
    await expectNoAxeViolations(page);
    // The full day: the waiting list takes callers; sent empty, the errors.
    await open(page, `/team/appointments?day=${fullDay.iso}`);
    await page.locator("form#desk-day-wait").waitFor();
    await expectNoAxeViolations(page);
    await page.locator("form#desk-day-wait button[type=submit]").click();
    await page.locator("form#desk-day-wait [aria-invalid=true]").first().waitFor();
    await expectNoAxeViolations(page);
    await open(page, `${appointmentPath}?booked=1`);
    await expectNoAxeViolations(page);
    await open(page, appointmentPath);
    await expectNoAxeViolations(page);
    // A refused move (a time the hours do not offer): the error summary above the move form.
    await page.locator('form#desk-move input[name="choice"]').first().evaluate((input) => ((input as HTMLInputElement).value = "phone~none|2020-01-07T13:00:00.000Z"));
    await page.locator("form#desk-move button[type=submit]").click();
    await page.locator("#move-heading ~ .error-summary, section:has(#move-heading) .error-summary").first().waitFor();
    await expectNoAxeViolations(page);
    await open(page, "/team/walk-ins");
    await expectNoAxeViolations(page);
    await page.locator('form#walk-in input[name="phone"]').fill("12");
    await page.locator("form#walk-in button[type=submit]").click();
    await page.locator("form#walk-in [aria-invalid=true]").first().waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  // Citizen pages ship no scripts, so their DOM is the same with JavaScript on; axe itself needs it to run.
  it("the citizen's waiting list: a day without hours, one with free places, and on a full day the form, errors, confirmation", async () => {
    const page = await newPage(browser(), { lng });
    await page.goto(`/book/stadtbibliothek/wait?day=${dayAhead(3, 21).iso}`); // a Wednesday without hours
    await page.locator('main a[href="/book/stadtbibliothek"]').waitFor();
    await expectNoAxeViolations(page);
    await page.goto(`/book/stadtbibliothek/wait?day=${freeDay.iso}`);
    await page.locator(`main a[href="/book/stadtbibliothek?week=${freeDay.week}"]`).waitFor();
    expect(await page.locator("form#day-wait").count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.goto(`/book/stadtbibliothek/wait?day=${fullDay.iso}`);
    await expectNoAxeViolations(page);
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator("form#day-wait button[type=submit]").click()]);
    await page.locator(".error-summary").waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(page);
    await page.locator('input[name="firstName"]').fill("Ilse");
    await page.locator('input[name="phone"]').fill(`0151 6123 48${LANGUAGES.indexOf(lng)}0`);
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator("form#day-wait button[type=submit]").click()]);
    await page.locator(".reference-panel").waitFor({ timeout: 10_000 });
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
