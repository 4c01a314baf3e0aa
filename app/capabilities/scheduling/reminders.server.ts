// Appointment reminders: the day before at 10:00 local ("appointmentReminder"; right away when booked later that
// day), and two hours before for those who asked ("appointmentSoon"). Never in quiet hours (20:00–09:00): a
// reminder that would fall there waits for 09:00 — and is dropped when that is no longer before the start.
// Never twice: one idempotency key per appointment, start and kind. None for cancelled appointments.
import { CalendarDateTime, fromDate, toCalendarDate, toZoned } from "@internationalized/date";
import type { Ctx } from "~/context";
import { nextSendableTime } from "~/lib/quiet-hours";
import { isUniqueViolation } from "~/lib/db-errors";
import { appointmentMessageParams, reminderKeyPrefix } from "./appointments.server";
import { localDay } from "./availability.server";
import type { AppointmentStatus } from "./values";
import { addressedAs } from "~/capabilities/people/persons.server";

export const REMINDER_HOUR = 10;
export const SOON_HOURS = 2;
/** How often the job runs: a reminder due before the next run is queued now, to go out at its time. */
export const REMINDER_LOOKAHEAD_MINUTES = 15;

export type ReminderKind = "dayBefore" | "soon";
const TEMPLATES: Record<ReminderKind, string> = { dayBefore: "appointmentReminder", soon: "appointmentSoon" };

export const reminderKey = (appointmentId: string, startsAt: Date, kind: ReminderKind) =>
  `${reminderKeyPrefix(appointmentId)}${startsAt.toISOString()}:${kind}`;

interface Bookable {
  startsAt: Date;
  createdAt: Date;
  wantsEarlyReminder: boolean;
}

/** When a reminder of this kind should go out, or null when none is due (booked too late, or only in quiet hours). */
export function reminderTime(appointment: Bookable, kind: ReminderKind, timeZone: string): Date | null {
  const { startsAt, createdAt } = appointment;
  if (kind === "dayBefore") {
    const dayBefore = toCalendarDate(fromDate(startsAt, timeZone)).subtract({ days: 1 });
    const due = toZoned(new CalendarDateTime(dayBefore.year, dayBefore.month, dayBefore.day, REMINDER_HOUR), timeZone).toDate();
    // Booked after 10:00 the day before: right away, if it still is the day before.
    if (createdAt > due && localDay(createdAt, timeZone) !== dayBefore.toString()) return null;
    const at = nextSendableTime(createdAt > due ? createdAt : due, timeZone);
    return at < startsAt ? at : null;
  }
  if (!appointment.wantsEarlyReminder) return null;
  const due = new Date(startsAt.getTime() - SOON_HOURS * 3_600_000);
  if (createdAt > due) return null;
  const at = nextSendableTime(due, timeZone);
  return at < startsAt ? at : null;
}

/** Queues every reminder due before the next run. Returns how many were queued. */
export async function queueDueReminders(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const horizon = new Date(now.getTime() + REMINDER_LOOKAHEAD_MINUTES * 60_000);
  const appointments = await ctx.db.appointment.findMany({
    where: { status: "booked" satisfies AppointmentStatus, startsAt: { gt: now, lte: new Date(now.getTime() + 2 * 86_400_000) } },
    include: { person: true, location: { select: { name: true, timeZone: true } } },
  });
  let queued = 0;
  for (const appointment of appointments) {
    for (const kind of ["dayBefore", "soon"] as const) {
      const at = reminderTime(appointment, kind, appointment.location.timeZone);
      if (!at || at > horizon) continue;
      const idempotencyKey = reminderKey(appointment.id, appointment.startsAt, kind);
      if (await ctx.db.message.findUnique({ where: { idempotencyKey }, select: { id: true } })) continue;
      try {
        await ctx.db.$transaction(async (tx) => {
          // Cancelled meanwhile? Then nothing.
          const still = await tx.appointment.findFirst({ where: { id: appointment.id, status: "booked" satisfies AppointmentStatus }, select: { id: true } });
          if (!still) return;
          const { location } = appointment;
          const person = addressedAs(appointment.person, appointment);
          await ctx.messenger.send(tx, {
            to: person,
            template: TEMPLATES[kind],
            params: appointmentMessageParams(appointment, person, location),
            sendAfter: at,
            timeZone: location.timeZone,
            idempotencyKey,
          });
          queued++;
        });
      } catch (error) {
        if (!isUniqueViolation(error)) throw error; // another worker was faster: fine
      }
    }
  }
  return queued;
}

