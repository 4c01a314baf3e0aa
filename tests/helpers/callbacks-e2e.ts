// Browser-test steps shared by the callback journeys: callback hours that cover "now" and a staff intake.
import type { Page } from "playwright-core";
import { waitForHydration } from "./browser";

/** Now in Berlin: the ISO weekday, the day and the time rounded down to 10 minutes. */
export function berlinNow() {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat("en-GB", { timeZone: "Europe/Berlin", weekday: "short", year: "numeric", month: "2-digit", day: "2-digit", hour: "2-digit", minute: "2-digit", hourCycle: "h23" })
      .formatToParts(new Date())
      .map((p) => [p.type, p.value]),
  );
  const weekday = ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"].indexOf(parts.weekday) + 1;
  const minutes = Number(parts.hour) * 60 + Math.floor(Number(parts.minute) / 10) * 10;
  return { weekday, day: `${parts.year}-${parts.month}-${parts.day}`, minutes };
}

export const hhmm = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/**
 * Callback hours for the librarian from now on for `span` minutes (after the seeded 09:00–11:00 on weekdays when now
 * is inside them). Another journey may have added overlapping hours today: the refusal then means "covered already".
 */
export async function ensureCallbackHoursNow(page: Page, span = 240) {
  const { weekday, minutes } = berlinNow();
  const seeded = weekday <= 5 ? [9 * 60, 11 * 60] : null;
  const last = 23 * 60 + 50;
  // Inside the seeded hours, other journeys (SMS, the phone menu) may have taken their slots already: add hours
  // right after them, and offer the whole stretch.
  const inSeeded = seeded && minutes >= seeded[0] && minutes < seeded[1];
  const from = inSeeded ? seeded[1] : minutes;
  let to = Math.min(from + span, last);
  if (seeded && from < seeded[0] && to > seeded[0]) to = seeded[0];
  await page.goto("/team/callbacks/hours");
  await waitForHydration(page);
  await page.locator('select[name="weekday"]').selectOption(String(weekday));
  await page.locator('input[name="startTime"]').fill(hhmm(from));
  await page.locator('input[name="endTime"]').fill(hhmm(to));
  await page.locator("form#callback-hour label", { hasText: "10 Minuten" }).click();
  await Promise.all([page.waitForURL(/\/team\/callbacks\/hours$/), page.locator('form#callback-hour button[type="submit"]').click()]);
  await page.getByRole("status").filter({ hasText: /Rückrufzeit hinzugefügt|überschneidet/ }).or(page.getByRole("alert")).first().waitFor();
  return { from: minutes, to };
}

/** The staff intake for a new caller with a window today; returns the callback page's path. */
export async function intakeCallback(page: Page, input: { firstName: string; phone: string; window: { from: number; to: number }; topic?: string }) {
  await page.goto("/team/callbacks/new");
  await waitForHydration(page);
  await page.locator('input[name="phone"]').fill(input.phone);
  await page.locator('form#callback-lookup button[type="submit"]').click();
  await page.locator("#caller-heading").waitFor();
  await page.locator('input[name="firstName"]').fill(input.firstName);
  await page.locator('input[name="customDay"]').fill(berlinNow().day);
  await page.locator('input[name="customFrom"]').fill(hhmm(input.window.from));
  await page.locator('input[name="customTo"]').fill(hhmm(input.window.to));
  if (input.topic) await page.locator('input[name="topic"]').fill(input.topic);
  await Promise.all([page.waitForURL(/\/team\/callbacks\/(?!new)[^/]+$/), page.locator('form#callback-intake button[type="submit"]').click()]);
  return new URL(page.url()).pathname;
}
