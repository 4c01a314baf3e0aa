// A loan's due date: a calendar day at the location, due at DUE_HOUR there, at most MAX_LOAN_WEEKS ahead.
import { fromDate, parseDate, toCalendarDate } from "@internationalized/date";
import type { Ctx } from "~/context";
import { AppError } from "~/lib/errors";
import { atLocalTime } from "~/lib/quiet-hours";
import { MAX_LOAN_WEEKS } from "./values";

/** The hour a loan is due on its last day, in the location's time zone (end of a usual opening day). */
export const DUE_HOUR = 18;

/** Today in a place's calendar. */
const today = (ctx: Ctx, timeZone: string) => toCalendarDate(fromDate(ctx.clock.now(), timeZone));

/** The moment a loan is due: DUE_HOUR on that day at the location. */
export function dueAtFor(dueOn: string, timeZone: string): Date {
  return atLocalTime(new Date(`${dueOn}T12:00:00Z`), DUE_HOUR, timeZone);
}

/** "2026-12-24" for a due moment, in the location's calendar. */
export function dueOnOf(dueAt: Date, timeZone: string): string {
  return toCalendarDate(fromDate(dueAt, timeZone)).toString();
}

export function defaultDueOn(ctx: Ctx, location: { loanWeeks: number; timeZone: string }): string {
  return today(ctx, location.timeZone).add({ weeks: location.loanWeeks }).toString();
}

/** Not in the past, at most MAX_LOAN_WEEKS from today. */
export function checkDueOn(ctx: Ctx, dueOn: string, timeZone: string) {
  const now = today(ctx, timeZone);
  const date = parseDate(dueOn);
  if (date.compare(now) < 0) throw new AppError(400, "loans:errors.dueInPast");
  if (date.compare(now.add({ weeks: MAX_LOAN_WEEKS })) > 0) throw new AppError(400, "loans:errors.dueTooLate", { max: MAX_LOAN_WEEKS });
}

/** The due date in words in someone's language, for messages ("24. Dezember 2026"). */
export function formatDueDate(dueAt: Date, language: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone }).format(dueAt);
  } catch {
    return new Intl.DateTimeFormat("de", { dateStyle: "long", timeZone }).format(dueAt);
  }
}
