// Browser-test steps for the consultation hours: a fully booked day of the test file's own. The browser suite
// shares one app and database, so a journey that needs a full day makes one: a one-off hour at the
// Stadtbibliothek with a single online place, on a weekday without weekly hours there, booked by a citizen.
import type { Browser, Page } from "playwright-core";
import { newPage, waitForHydration } from "./browser";

/** Today in Berlin, "YYYY-MM-DD". */
const berlinToday = () => new Intl.DateTimeFormat("en-CA", { timeZone: "Europe/Berlin" }).format(new Date());

/**
 * The first `weekday` (0 = Sunday) at least `from` days ahead (Berlin days), its "YYYY-MM-DD" and the public
 * list's week that shows it. Stadtbibliothek's weekly hours are on Tuesday and Thursday; the hours journey takes
 * a Saturday 15+ days ahead and the Sunday after it: use Monday, Wednesday or Friday, one per file.
 */
export function dayAhead(weekday: number, from: number) {
  const today = new Date(`${berlinToday()}T12:00:00Z`);
  const d = new Date(today);
  d.setUTCDate(d.getUTCDate() + from);
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1);
  const ahead = Math.round((d.getTime() - today.getTime()) / 86_400_000);
  return { iso: d.toISOString().slice(0, 10), week: Math.floor(ahead / 7) };
}

/** The librarian (on `staff`, signed in) adds a one-off hour 10:00–10:30 on `day` with one online place. */
export async function addOneOffHour(staff: Page, day: { iso: string }) {
  await staff.goto("/team/hours/new");
  await waitForHydration(staff);
  await staff.locator("label", { hasText: "Einmalig" }).first().click();
  await staff.locator("#hour-onDate").fill(day.iso);
  await staff.locator("#hour-startTime").fill("10:00");
  await staff.locator("#hour-endTime").fill("10:30");
  await Promise.all([staff.waitForURL(/\/team\/hours\?location=/), staff.locator('button[value="save"]').click()]);
  await staff.locator(".notice").waitFor();
}

/** A citizen without JavaScript books the first free online place on `day` at the Stadtbibliothek; its reference. */
export async function bookFirstPlace(browser: Browser, day: { iso: string; week: number }, phone: string): Promise<string> {
  const citizen = await newPage(browser, { javaScript: false });
  await citizen.goto(`/book/stadtbibliothek?week=${day.week}`);
  const slotId = (await citizen.locator(`input[name="slot"][value*="|${day.iso}T"]`).first().getAttribute("id"))!;
  await citizen.locator(`label[for="${slotId}"]`).click();
  await Promise.all([citizen.waitForURL(/\/details$/), citizen.getByRole("button", { name: "Weiter" }).click()]);
  await citizen.locator('input[name="firstName"]').fill("Frieda");
  await citizen.locator('input[name="phone"]').fill(phone);
  await Promise.all([citizen.waitForURL(/\/check$/), citizen.getByRole("button", { name: "Weiter" }).click()]);
  await Promise.all([citizen.waitForURL(/\/book\/done$/), citizen.getByRole("button", { name: "Jetzt buchen" }).click()]);
  const reference = ((await citizen.locator(".reference-panel__code").textContent()) ?? "").trim();
  await citizen.context().close();
  return reference;
}

/** Makes `day` fully booked at the Stadtbibliothek: a one-off hour with one online place, booked by a citizen. */
export async function fullyBookDay(staff: Page, browser: Browser, day: { iso: string; week: number }, phone: string) {
  await addOneOffHour(staff, day);
  await bookFirstPlace(browser, day, phone);
}
