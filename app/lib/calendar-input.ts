// The one strict reader for dates and times that arrive in forms and URLs. A pattern alone lets "2026-02-30",
// "2026-13-01" and "0000-00-00" through to date arithmetic (and a 500); every date field and every `?day=` asks here.
import { z } from "zod";

const DAY = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const INSTANT = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2}(?::\d{2})?)(?:\.\d{1,3})?Z$/;

const daysIn = (year: number, month: number) =>
  month === 2 ? (year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0) ? 29 : 28) : [4, 6, 9, 11].includes(month) ? 30 : 31;

/** "2026-12-24": a day that exists (years 1000–9999). */
export function isCalendarDay(value: unknown): value is string {
  const m = typeof value === "string" ? DAY.exec(value) : null;
  if (!m) return false;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  return year >= 1000 && month >= 1 && month <= 12 && day >= 1 && day <= daysIn(year, month);
}

/** "09:30" or "09:30:00". */
export const isTimeOfDay = (value: unknown): value is string => typeof value === "string" && TIME.test(value);

/** "2026-12-24T09:30", as a datetime-local field sends it. */
export const isLocalDateTime = (value: unknown): value is string =>
  typeof value === "string" && isCalendarDay(value.slice(0, 10)) && value[10] === "T" && isTimeOfDay(value.slice(11));

/** "2026-12-24T08:30:00.000Z", as our own slot and window values carry it. */
export function isInstant(value: unknown): value is string {
  const m = typeof value === "string" ? INSTANT.exec(value) : null;
  return Boolean(m && isCalendarDay(m[1]) && isTimeOfDay(m[2]));
}

export const CalendarDay = (error: string) => z.string({ error }).trim().refine(isCalendarDay, { error });
export const TimeOfDay = (error: string) => z.string({ error }).trim().refine(isTimeOfDay, { error });
export const LocalDateTime = (error: string) => z.string({ error }).trim().refine(isLocalDateTime, { error });

/** "<id>|<instant>", as a slot list's radio buttons send it. */
export const isSlotValue = (value: unknown): value is string =>
  typeof value === "string" && /^[^|]+\|/.test(value) && isInstant(value.slice(value.indexOf("|") + 1));
