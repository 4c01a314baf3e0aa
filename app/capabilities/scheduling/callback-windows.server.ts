// The windows a person can be called in: two a working day to tick on the form, "the next working days" for a
// problem report, and the local days and times they are made of (in the place's time zone, stored as UTC moments).
import { CalendarDateTime, parseDate, toZoned } from "@internationalized/date";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { localDay } from "./availability.server";
import { isoWeekday } from "./slots";

/** A callback is never scheduled sooner than this from now. */
export const CALLBACK_LEAD_MINUTES = 15;
/** Citizens choose windows in this many working days ahead. */
export const WINDOW_WORKING_DAYS = 7;

/** The two windows a citizen can tick per working day: morning and afternoon, local time. */
export const WINDOW_PARTS = { morning: ["09:00", "12:00"], afternoon: ["14:00", "17:00"] } as const;
export type WindowPart = keyof typeof WINDOW_PARTS;

export interface Window {
  from: Date;
  to: Date;
}

/** A local day and time of day ("2026-03-27", "10:30") in a place as a moment. */
export const atLocal = (day: string, time: string, timeZone: string) => {
  const d = parseDate(day);
  const [h, m] = time.split(":").map(Number);
  return toZoned(new CalendarDateTime(d.year, d.month, d.day, h, m), timeZone).toDate();
};

export const windowValue = (w: Window) => `${w.from.toISOString()}/${w.to.toISOString()}`;

/** Working days (Mon–Fri) from today on, `count` of them, as local days. */
export function workingDays(now: Date, timeZone: string, count: number): string[] {
  const days: string[] = [];
  for (let date = parseDate(localDay(now, timeZone)); days.length < count; date = date.add({ days: 1 })) {
    if (isoWeekday(date) <= 5) days.push(date.toString());
  }
  return days;
}

/** The windows a citizen can choose from, grouped by day; windows already (nearly) over are left out. */
export function windowChoices(now: Date, timeZone = PROGRAMME_TIME_ZONE, count = WINDOW_WORKING_DAYS) {
  const earliest = now.getTime() + CALLBACK_LEAD_MINUTES * 60_000;
  return workingDays(now, timeZone, count + 1)
    .map((day) => ({
      day,
      windows: (Object.keys(WINDOW_PARTS) as WindowPart[])
        .map((part) => {
          const [from, to] = WINDOW_PARTS[part];
          const window = { from: atLocal(day, from, timeZone), to: atLocal(day, to, timeZone) };
          return { part, value: windowValue(window), ...window };
        })
        .filter((w) => w.to.getTime() > earliest),
    }))
    .filter((d) => d.windows.length > 0)
    .slice(0, count);
}

/** "The next 2 working days, any time in callback hours": the default when a problem report asks for a call. */
export function defaultWindows(now: Date, timeZone = PROGRAMME_TIME_ZONE): Window[] {
  const days = workingDays(now, timeZone, 3);
  const start = days[0] === localDay(now, timeZone) ? days : days.slice(0, 2);
  return start.map((day) => ({ from: atLocal(day, "00:00", timeZone), to: atLocal(parseDate(day).add({ days: 1 }).toString(), "00:00", timeZone) }));
}

/** A callback's stored windows (a JSON list); a broken value reads as none. */
export const parseWindows = (json: string): Window[] => {
  try {
    return (JSON.parse(json) as { from: string; to: string }[]).map((w) => ({ from: new Date(w.from), to: new Date(w.to) }));
  } catch {
    return [];
  }
};
