// axe (WCAG 2.2 AA) on the pages no other axe check names by URL (tests/unit/axe-coverage.test.ts lists them):
// pages behind an id, reached from their lists, and the steps of the booking journey. Each check first makes sure
// the page shown really is that page (status 200, the path fits the pattern), so an error page cannot pass for it.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { berlinNow, intakeCallback } from "../helpers/callbacks-e2e";
import { expectNoAxeViolations, LANGUAGES, newPage, useBrowser, useStaffPages, waitForHydration } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);

function fits(pattern: string, pathname: string): boolean {
  const re = new RegExp(`^${pattern.replace(/:[A-Za-z]+/g, "[^/]+")}$`);
  return re.test(pathname);
}

/** Opens `path` (when given), then checks that the page is `pattern` and axe finds nothing. */
async function check(page: Page, pattern: string, path?: string, { staff = true } = {}) {
  if (path) {
    const response = await page.goto(path);
    expect(response?.status(), path).toBe(200);
  }
  expect(fits(pattern, new URL(page.url()).pathname), `${page.url()} is ${pattern}`).toBe(true);
  if (staff) await waitForHydration(page);
  await expectNoAxeViolations(page);
}

/** The first link on one of `lists` whose path matches `re` (the demo data has one of each). */
async function linkFrom(page: Page, lists: string[], re: RegExp): Promise<string> {
  for (const list of lists) {
    await page.goto(list);
    const hrefs = await page.locator("main a[href]").evaluateAll((links) => links.map((a) => a.getAttribute("href") ?? ""));
    const found = hrefs.map((h) => h.split(/[?#]/)[0]).find((h) => re.test(h));
    if (found) return found;
  }
  throw new Error(`no link matching ${re} on ${lists.join(", ")}`);
}

const links = new Map<string, string>();
async function link(page: Page, name: string, lists: string[], re: RegExp): Promise<string> {
  if (!links.has(name)) links.set(name, await linkFrom(page, lists, re));
  return links.get(name)!;
}

// A ticket, a waiting-list place, a category, an appointment and a callback of our own (the demo data has none): made once, in German, read in every language.
beforeAll(async () => {
  const page = await staffPage("admin");
  await page.goto("/team/tickets/new");
  await waitForHydration(page);
  await page.locator('input[name="phone"]').fill("0157 7100 0777");
  await page.locator('form#intake-lookup button[type="submit"]').click();
  await page.locator('input[name="person.firstName"]').fill("Edith");
  await page.locator('textarea[name="description"]').fill("Das Tablet zeigt keine Nachrichten mehr an.");
  await Promise.all([page.waitForURL(/created=1$/), page.locator('form#intake button[type="submit"]').click()]);
  links.set("ticket", new URL(page.url()).pathname);

  await page.goto("/team/waiting-list/new");
  await waitForHydration(page);
  await page.locator('input[name="phone"]').fill("0176 4500 0777");
  await page.locator('form#waitlist-lookup button[type="submit"]').click();
  await page.locator('input[name="person.firstName"]').fill("Waltraud");
  // At Haus am Park: all its devices are out, so no offer takes a device other journeys lend (TAB-0005 at Vahr).
  await page.locator('select[name="locationId"]').selectOption({ label: "Seniorenwohnen Haus am Park" });
  await Promise.all([page.waitForURL(/created=1$/), page.locator('form#waitlist-intake button[type="submit"]').click()]);
  links.set("reservation", new URL(page.url()).pathname);

  await page.goto("/team/categories");
  await waitForHydration(page);
  await page.getByLabel("Name auf Deutsch").fill("Hörgeräte und Apps");
  await page.getByLabel("Name auf English").fill("Hearing aids and apps");
  await page.getByLabel("Name auf العربية").fill("السماعات والتطبيقات");
  await page.getByRole("button", { name: "Kategorie anlegen" }).click();
  await page.locator("tbody tr", { hasText: "Hörgeräte und Apps" }).waitFor();
  await page.context().close();

  const desk = await staffPage("librarian");
  await desk.goto("/team/appointments/new");
  await waitForHydration(desk);
  await desk.locator('input[name="phone"]').fill("0151 6123 4777");
  await desk.locator("form#desk-lookup button[type=submit]").click();
  await desk.locator('input[name="person.firstName"]').fill("Hertha");
  await Promise.all([desk.waitForURL(/booked=1$/), desk.locator("form#desk-book button[type=submit]").click()]);
  links.set("appointment", new URL(desk.url()).pathname);
  const { minutes } = berlinNow();
  const window = { from: Math.min(minutes, 22 * 60), to: Math.min(minutes, 22 * 60) + 60 };
  links.set("callback", await intakeCallback(desk, { firstName: "Irmgard", phone: "0151 6123 4778", window }));
  await desk.context().close();
}, 120_000);

describe.each(LANGUAGES)("pages behind an id in %s", (lng) => {
  it("helpdesk and scheduling: ticket, person, appointment, callback, category, consultation hour", async () => {
    const page = await staffPage("admin", lng);
    const ticket = await link(page, "ticket", ["/team/tickets"], /^\/team\/tickets\/(?!new$)[^/]+$/);
    await check(page, "/team/tickets/:ticketId", ticket);
    const person = await link(page, "person", [ticket], /^\/team\/people\/[^/]+$/);
    await check(page, "/team/people/:personId", person);
    const appointment = await link(page, "appointment", ["/team/appointments", "/team/calendar"], /^\/team\/appointments\/(?!new$)[^/]+$/);
    await check(page, "/team/appointments/:appointmentId", appointment);
    const callback = await link(page, "callback", ["/team/callbacks", "/team/callbacks?view=all"], /^\/team\/callbacks\/(?!new$|hours$)[^/]+$/);
    await check(page, "/team/callbacks/:callbackId", callback);
    const category = await link(page, "category", ["/team/categories"], /^\/team\/categories\/(?!new$)[^/]+$/);
    await check(page, "/team/categories/:categoryId", category);
    const hour = await link(page, "hour", ["/team/hours"], /^\/team\/hours\/(?!new$|closures$)[^/]+$/);
    await check(page, "/team/hours/:hourId", hour);
    await page.context().close();
  }, 180_000);

  it("lending: device, loan and its steps, mentoring session, waiting list, a place's settings", async () => {
    const page = await staffPage("admin", lng);
    const device = await link(page, "device", ["/team/devices"], /^\/team\/devices\/(?!new$|import$|labels$|tag$)[^/]+$/);
    await check(page, "/team/devices/:deviceId", device);
    await check(page, "/team/devices/:deviceId/edit", `${device}/edit`);
    const loan = await link(page, "loan", ["/team/loans"], /^\/team\/loans\/(?!new$)[^/]+$/);
    await check(page, "/team/loans/:loanId", loan);
    await check(page, "/team/loans/:loanId/agreement", `${loan}/agreement`);
    await check(page, "/team/loans/:loanId/check-in", `${loan}/check-in`);
    await check(page, "/team/loans/:loanId/reset", `${loan}/reset`);
    await check(page, "/team/loans/:loanId/sessions/new", `${loan}/sessions/new`);
    const session = await link(page, "session", ["/team/today", "/team/loans"], /^\/team\/loans\/[^/]+\/sessions\/(?!new$)[^/]+$/);
    await check(page, "/team/loans/:loanId/sessions/:sessionId", session);
    const reservation = await link(page, "reservation", ["/team/waiting-list"], /^\/team\/waiting-list\/(?!new$)[^/]+$/);
    await check(page, "/team/waiting-list/:reservationId", reservation);
    const settings = await link(page, "lending settings", ["/team/locations"], /^\/team\/locations\/[^/]+\/lending$/);
    await check(page, "/team/locations/:locationId/lending", settings);
    await page.context().close();
  }, 180_000);

  it("citizen: the offline page and each step of booking a consultation", async () => {
    const page = await newPage(browser(), { lng });
    await check(page, "/offline", "/offline", { staff: false });

    await page.goto("/book/stadtbibliothek?week=2");
    const slotId = (await page.locator('.slot-picker input[name="slot"]').first().getAttribute("id"))!;
    await page.locator(`label[for="${slotId}"]`).click();
    await Promise.all([page.waitForURL(/\/details$/), page.locator('form:has(.slot-picker) button[type="submit"]').click()]);
    await check(page, "/book/:slug/details", undefined, { staff: false });
    await page.locator('input[name="firstName"]').fill("Ilse");
    await page.locator('input[name="phone"]').fill(`0151 7${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`);
    await Promise.all([page.waitForURL(/\/check$/), page.locator('main form button[type="submit"]').first().click()]);
    await check(page, "/book/:slug/check", undefined, { staff: false });
    await Promise.all([page.waitForURL(/\/book\/done$/), page.locator('main form button[type="submit"]').first().click()]);
    await page.locator(".reference-panel__code").waitFor();
    await check(page, "/book/done", undefined, { staff: false });
    await page.context().close();
  }, 180_000);
});
