// The browser suite's hour: the next Wednesday, 13:00 in Berlin. The app runs with CLOCK_OFFSET_MS and the test
// process with a Date moved by the same amount, so "now" is the same for both, whenever CI happens to run: never in
// quiet hours, never across midnight, always a weekday with callback hours. Chromium keeps the real time; the
// pages compute nothing from it but the idle warning's countdown, which is relative.
import { CalendarDateTime, fromAbsolute, getDayOfWeek, toCalendarDate, toZoned } from "@internationalized/date";

const ZONE = "Europe/Berlin";
const WEDNESDAY = 2; // getDayOfWeek with an ISO-week locale: Monday = 0

/** How far to move the clock from `real` so that it reads the next Wednesday (at least a day ahead), 13:00 Berlin. */
export function e2eClockOffset(real = Date.now()): number {
  let day = toCalendarDate(fromAbsolute(real, ZONE)).add({ days: 1 });
  while (getDayOfWeek(day, "de-DE") !== WEDNESDAY) day = day.add({ days: 1 });
  const at = toZoned(new CalendarDateTime(day.year, day.month, day.day, 13, 0), ZONE).toDate();
  return at.getTime() - real;
}
