// Quiet hours for messages to citizens: nothing between 20:00 and 09:00 in the recipient's place's time zone.
import { fromDate, toCalendarDateTime, toZoned } from "@internationalized/date";
import { PROGRAMME_TIME_ZONE } from "./time-zone";

export const QUIET_FROM_HOUR = 20;
export const QUIET_UNTIL_HOUR = 9;

/** `at` itself when it is outside quiet hours, else 09:00 local on the morning that ends them. */
export function nextSendableTime(at: Date, timeZone = PROGRAMME_TIME_ZONE): Date {
  const local = fromDate(at, timeZone);
  if (local.hour >= QUIET_UNTIL_HOUR && local.hour < QUIET_FROM_HOUR) return at;
  let day = toCalendarDateTime(local).set({ hour: QUIET_UNTIL_HOUR, minute: 0, second: 0, millisecond: 0 });
  if (local.hour >= QUIET_FROM_HOUR) day = day.add({ days: 1 });
  return toZoned(day, timeZone).toDate();
}

/** A time of day in a place, e.g. 10:00 in Berlin on the day `at` falls on there (for reminders at a fixed hour). */
export function atLocalTime(at: Date, hour: number, timeZone = PROGRAMME_TIME_ZONE): Date {
  const local = toCalendarDateTime(fromDate(at, timeZone)).set({ hour, minute: 0, second: 0, millisecond: 0 });
  return toZoned(local, timeZone).toDate();
}
