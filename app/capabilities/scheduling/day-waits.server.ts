// The waiting list for a fully booked day: citizens leave first name and phone; when a place on that day frees up
// (any cancellation), the first one waiting gets it booked and is told by SMS or call. Past days expire. Only a day
// without a free online place takes names: a day with free places sends people to book one of them instead.
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import { AppError, forbidden } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { NoticeRead, noteFormConsent } from "~/capabilities/privacy/consent.server";
import { can } from "~/capabilities/people/permissions";
import { formatPhone, parsePhone } from "~/lib/phone.server";
import { spelledOut, uniqueReference } from "~/lib/reference-code";
import { addressedAs, NewPersonInput, personForRequest } from "~/capabilities/people/persons.server";
import { appointmentMessageParams, bookAppointment } from "./appointments.server";
import { freeSlots, loadSchedule, localDay, type Schedule } from "./availability.server";
import { generateSlots } from "./slots";
import { holdDayWaitPlace } from "./holds.server";
import { isUniqueViolation } from "~/lib/db-errors";
import { BOOKING_HORIZON_DAYS, type DayWaitStatus } from "./values";
import { CalendarDay } from "~/lib/calendar-input";
import { IdempotencyKey } from "~/lib/idempotency";

export const JoinDayWaitInput = NewPersonInput.extend({
  day: CalendarDay("desk:errors.dayInvalid"),
  noticeRead: NoticeRead,
  idempotencyKey: IdempotencyKey,
});

/**
 * Joins the list for one day at one place. A second time for the same person, place and day changes nothing; one
 * number waits on at most DAY_WAITS_PER_NUMBER days at once (409 desk:wait.tooManyWaits, nothing sent).
 * The same form sent again (its key, stored on the place under a unique index) answers as the first time: the
 * place's reference, nothing sent — also when the twin runs in parallel and loses on one of the unique keys.
 */
export async function joinDayWaitingList(ctx: Ctx, locationId: string, input: z.output<typeof JoinDayWaitInput>) {
  for (let attempt = 0; ; attempt++) {
    try {
      return await joinOnce(ctx, locationId, input);
    } catch (error) {
      // Two joins for one number at once: the loser looks again and finds its place taken (or itself already waiting).
      if (isUniqueViolation(error) && attempt < 5) continue;
      throw error;
    }
  }
}

async function joinOnce(ctx: Ctx, locationId: string, input: z.output<typeof JoinDayWaitInput>) {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    if (input.idempotencyKey) {
      const replayed = await tx.dayWait.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { reference: true } });
      if (replayed) return { already: false as const, reference: replayed.reference };
    }
    const schedule = await loadSchedule(ctx, tx, locationId, now);
    if (!schedule) throw new AppError(404, "errors.notFound");
    const { timeZone } = schedule.location;
    const today = localDay(now, timeZone);
    const last = localDay(new Date(now.getTime() + BOOKING_HORIZON_DAYS * 86_400_000), timeZone);
    if (input.day < today || input.day > last) throw new AppError(400, "desk:errors.dayOutOfRange");
    const day = await dayState(ctx, tx, schedule, input.day, now);
    if (day.state === "noHours") throw new AppError(400, "desk:errors.noHoursThatDay");
    if (day.state === "free") throw new AppError(400, "desk:errors.dayNotFull", { week: day.week });
    const { person, given, addressed } = await personForRequest(ctx, tx, input);
    await noteFormConsent(ctx, tx, person.id, input.noticeRead);
    const earlier = await tx.dayWait.findUnique({ where: { personId_locationId_day: { personId: person.id, locationId, day: input.day } } });
    if (earlier) return { already: true as const, reference: null };
    const holdKey = await holdDayWaitPlace(ctx, tx, person.id, today);
    const reference = await uniqueReference(tx);
    const wait = await tx.dayWait.create({
      data: { reference, personId: person.id, ...given, locationId, day: input.day, holdKey, idempotencyKey: input.idempotencyKey, createdAt: now },
    });
    if (ctx.actor.kind === "staff") {
      await audit(ctx, tx, { action: "dayWait.added", subjectType: "DayWait", subjectId: wait.id, locationId });
    }
    await ctx.messenger.send(tx, {
      to: addressed,
      template: "dayWaitJoined",
      params: { firstName: addressed.firstName, reference, spelled: spelledOut(reference), day: formatDay(input.day, addressed.language), place: schedule.location.name },
      timeZone,
      idempotencyKey: `day-wait-joined:${wait.id}`,
    });
    return { already: false as const, reference };
  });
}

/** Staff put a caller on a full day's list (the same rules as on the web); only where they book for callers. */
export async function addCallerToDayWait(ctx: StaffCtx, locationId: string, input: z.output<typeof JoinDayWaitInput>) {
  if (!can(ctx.actor, "appointment:manage", locationId)) throw forbidden("appointment:manage");
  return joinDayWaitingList(ctx, locationId, input);
}

export type DayState = { state: "noHours" } | { state: "full" } | { state: "free"; week: number };

/**
 * Whether a day at a place is fully booked for citizens: it has hours citizens can book (an online share), and
 * none of its slots still to come has a free online place. A day with free places says which week of the public
 * list (0 = this week) shows them.
 */
export async function dayState(ctx: Ctx, tx: Tx, schedule: Schedule, day: string, now: Date): Promise<DayState> {
  const online = generateSlots(schedule.hours, schedule.closures, { fromDay: day, toDay: day, timeZone: schedule.location.timeZone }).filter(
    (slot) => slot.capacity.web > 0,
  );
  if (!online.length) return { state: "noHours" };
  const free = await freeSlots(ctx, tx, schedule, { fromDay: day, toDay: day, now });
  if (!free.some((slot) => slot.free.web > 0)) return { state: "full" };
  const today = localDay(now, schedule.location.timeZone);
  const days = Math.round((Date.parse(`${day}T00:00:00Z`) - Date.parse(`${today}T00:00:00Z`)) / 86_400_000);
  return { state: "free", week: Math.floor(days / 7) };
}

/** The waiting-list page's question: is this day at this place full (so the form is offered)? */
export async function waitingListDay(ctx: Ctx, locationId: string, day: string): Promise<DayState> {
  const now = ctx.clock.now();
  const schedule = await loadSchedule(ctx, ctx.db, locationId, now);
  if (!schedule) return { state: "noHours" };
  return dayState(ctx, ctx.db, schedule, day, now);
}

/** "Dienstag, 8. Dezember 2026" */
export function formatDay(day: string, language: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: "full", timeZone: "UTC" };
  const at = new Date(`${day}T12:00:00Z`);
  try {
    return new Intl.DateTimeFormat(language, options).format(at);
  } catch {
    return new Intl.DateTimeFormat("de", options).format(at);
  }
}

/**
 * The job: past days expire; on days with people waiting and a free online place, the first waiting person gets
 * the earliest free place booked (exactly once: the idempotency key is the waiting entry's).
 */
export async function offerFreedPlaces(ctx: Ctx): Promise<{ booked: number; expired: number }> {
  const now = ctx.clock.now();
  let expired = 0;
  let booked = 0;
  const groups = await ctx.db.dayWait.groupBy({ by: ["locationId", "day"], where: { status: "waiting" satisfies DayWaitStatus } });
  for (const { locationId, day } of groups) {
    const schedule = await loadSchedule(ctx, ctx.db, locationId, now);
    if (!schedule) continue;
    const { timeZone } = schedule.location;
    if (day < localDay(now, timeZone)) {
      expired += (await ctx.db.dayWait.updateMany({ where: { locationId, day, status: "waiting" satisfies DayWaitStatus }, data: { status: "expired" satisfies DayWaitStatus, holdKey: null } })).count;
      continue;
    }
    // Online places only: the list is for a day full online, and the phone share stays kept for staff's callers.
    const free = (await freeSlots(ctx, ctx.db, schedule, { fromDay: day, toDay: day, now })).flatMap((slot) =>
      Array.from({ length: slot.free.web }, () => ({ slot, pool: "web" as const })),
    );
    const location = await ctx.db.location.findUnique({ where: { id: locationId }, select: { phone: true } });
    const waiting = await ctx.db.dayWait.findMany({ where: { locationId, day, status: "waiting" satisfies DayWaitStatus }, include: { person: true }, orderBy: { createdAt: "asc" } });
    for (const place of free) {
      for (const wait of waiting.splice(0, 1)) {
        // Booked and told as the person asked when joining the list (decision 027).
        const person = addressedAs(wait.person, wait);
        let appointment: { id: string; reference: string };
        try {
          appointment = await bookAppointment(ctx, {
            locationId,
            slot: `${place.slot.hourId}|${place.slot.startsAt.toISOString()}`,
            person: {
              firstName: person.firstName,
              phone: parsePhone(person.phone) ?? { e164: person.phone, type: person.phoneType as "mobile" | "landline" },
              language: person.language,
              contactPreference: person.contactPreference as "sms" | "voice",
            },
            wantsEarlyReminder: false,
            pool: place.pool,
            channel: "staff",
            idempotencyKey: `day-wait:${wait.id}`,
          });
        } catch (error) {
          // They already hold all the online bookings one number may: they keep waiting, the next one gets this place.
          if (error instanceof AppError && error.messageKey === "scheduling:errors.tooManyOnline") continue;
          if (error instanceof AppError) {
            waiting.unshift(wait); // this place did not work for them (taken meanwhile): keep their turn
            continue;
          }
          throw error;
        }
        await ctx.db.$transaction(async (tx) => {
          const { count } = await tx.dayWait.updateMany({
            where: { id: wait.id, status: "waiting" satisfies DayWaitStatus },
            data: { status: "booked" satisfies DayWaitStatus, offeredAppointmentId: appointment.id, holdKey: null },
          });
          if (!count) return;
          // A replay (an earlier run booked, then stopped) has its own time: say that one.
          const { startsAt } = await tx.appointment.findUniqueOrThrow({ where: { id: appointment.id }, select: { startsAt: true } });
          await ctx.messenger.send(tx, {
            to: person,
            template: "dayWaitOffered",
            params: {
              ...appointmentMessageParams({ reference: appointment.reference, startsAt }, person, schedule.location),
              phone: location?.phone ? formatPhone(location.phone) : "",
            },
            timeZone,
            idempotencyKey: `day-wait-offered:${wait.id}`,
          });
          booked++;
        });
      }
    }
  }
  return { booked, expired };
}
