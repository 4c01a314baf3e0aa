// The consultation desk: staff book for a caller (the phone or internal share, never the online one), the day's
// appointments at a place, and what happened at an appointment (done / no-show, topics, note, ticket) or its
// cancellation by staff. Every write is audit-logged; the citizen hears of a cancellation through the outbox.
import { z } from "zod";
import { CalendarDateTime, parseDate, toZoned } from "@internationalized/date";
import type { StaffCtx } from "~/context";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";
import { listLocationsFor } from "~/capabilities/people/locations.server";
import { OPEN_STATUSES } from "~/capabilities/helpdesk/values";
import { bookAppointment, tellAppointmentCancelled, BookingInput, releasePlace } from "./appointments.server";
import { loadSchedule, localDay } from "./availability.server";
import { generateSlots } from "./slots";
import { type AppointmentStatus, type Pool, POOLS, type WalkInStatus } from "./values";
import { CalendarDay, isInstant } from "~/lib/calendar-input";
import { IdempotencyKey } from "~/lib/idempotency";
import { addressedAs } from "~/capabilities/people/persons.server";

export const OUTCOME_NOTE_MAX = 1000;

/** The places the actor works at, those with consultation hours first (the default for booking). */
export async function deskPlaces(ctx: StaffCtx) {
  const [places, withHours] = await Promise.all([
    listLocationsFor(ctx),
    ctx.db.consultationHour.findMany({ where: { active: true }, select: { locationId: true }, distinct: ["locationId"] }),
  ]);
  const offering = new Set(withHours.map((h) => h.locationId));
  return places
    .map(({ id, name, timeZone }) => ({ id, name, timeZone, hasHours: offering.has(id) }))
    .sort((a, b) => Number(b.hasHours) - Number(a.hasHours));
}

/** A caller booked by staff: the phone share, or the internal one for staff's own planning. */
export const StaffBookingInput = BookingInput.extend({
  pool: z.enum(["phone", "internal"]).default("phone"),
});

/** The desk's form: one radio list of "<pool>~<hourId>|<startsAt>", phone places first, then internal ones. */
const DeskChoice = z
  .string({ error: "scheduling:errors.slotRequired" })
  .refine((v) => /^(phone|internal)~[^|~]+\|/.test(v) && isInstant(v.slice(v.indexOf("|") + 1)), { error: "scheduling:errors.slotRequired" });

export const DeskBookingInput = BookingInput.omit({ slot: true })
  .extend({ choice: DeskChoice })
  .transform(({ choice, ...rest }) => {
    const [pool, slot] = choice.split("~") as ["phone" | "internal", string];
    return { ...rest, pool, slot };
  });

export async function bookForCaller(ctx: StaffCtx, input: z.output<typeof StaffBookingInput>) {
  if (!can(ctx.actor, "appointment:manage", input.locationId)) throw forbidden("appointment:manage");
  return bookAppointment(ctx, { ...input, pool: input.pool, channel: "phone" });
}

/** The first and the moment after the last instant of a local day at a place. */
export function dayBounds(day: string, timeZone: string) {
  const date = parseDate(day);
  const start = toZoned(new CalendarDateTime(date.year, date.month, date.day), timeZone).toDate();
  const next = date.add({ days: 1 });
  const end = toZoned(new CalendarDateTime(next.year, next.month, next.day), timeZone).toDate();
  return { start, end };
}

export const DayInput = z.object({
  locationId: z.string().trim().min(1),
  day: CalendarDay("desk:errors.dayInvalid"),
});

/** One day at a place: its slots with their bookings and free places per pool, the walk-ins, the waiting list. */
export async function dayView(ctx: StaffCtx, input: z.output<typeof DayInput>) {
  if (!can(ctx.actor, "schedule:view", input.locationId)) throw forbidden("schedule:view");
  const now = ctx.clock.now();
  const schedule = await loadSchedule(ctx, ctx.db, input.locationId, now);
  if (!schedule) throw notFound("location");
  const { timeZone } = schedule.location;
  const day = (() => {
    try {
      parseDate(input.day);
      return input.day;
    } catch {
      return localDay(now, timeZone);
    }
  })();
  const { start, end } = dayBounds(day, timeZone);
  const [appointments, walkIns, waits] = await Promise.all([
    ctx.db.appointment.findMany({
      where: { locationId: input.locationId, startsAt: { gte: start, lt: end } },
      include: { person: { select: { firstName: true, lastNameInitial: true } } },
      orderBy: [{ startsAt: "asc" }, { createdAt: "asc" }],
    }),
    ctx.db.walkIn.groupBy({ by: ["status"], where: { locationId: input.locationId, day }, _count: { _all: true } }),
    ctx.db.dayWait.findMany({
      where: { locationId: input.locationId, day },
      include: { person: { select: { firstName: true, lastNameInitial: true } } },
      orderBy: { createdAt: "asc" },
    }),
  ]);
  const slots = generateSlots(schedule.hours, schedule.closures, { fromDay: day, toDay: day, timeZone }).map((slot) => {
    const inSlot = appointments.filter((a) => a.consultationHourId === slot.hourId && a.startsAt.getTime() === slot.startsAt.getTime());
    const held = (pool: Pool) => inSlot.filter((a) => a.pool === pool && a.status !== "cancelled").length;
    return {
      ...slot,
      free: Object.fromEntries(POOLS.map((p) => [p, Math.max(0, slot.capacity[p] - held(p))])) as Record<Pool, number>,
      appointments: inSlot,
    };
  });
  // Appointments whose hours changed since they were booked still show, on their own.
  const loose = appointments.filter((a) => !slots.some((s) => s.appointments.includes(a)));
  const count = (status: WalkInStatus) => walkIns.find((w) => w.status === status)?._count._all ?? 0;
  return {
    location: schedule.location,
    day,
    today: localDay(now, timeZone),
    slots,
    loose,
    walkIns: { waiting: count("waiting"), called: count("called"), done: count("done") + count("left") },
    waits,
  };
}

/** One appointment for its page; every view is audit-logged. */
export async function getAppointment(ctx: StaffCtx, appointmentId: string) {
  const appointment = await ctx.db.appointment.findUnique({
    where: { id: appointmentId },
    include: {
      person: { select: { id: true, firstName: true, lastNameInitial: true, language: true } },
      location: { select: { id: true, name: true, timeZone: true, phone: true } },
      helper: { select: { name: true } },
      bookedBy: { select: { name: true } },
    },
  });
  if (!appointment) throw notFound("appointment");
  if (!can(ctx.actor, "schedule:view", appointment.locationId)) throw forbidden("schedule:view");
  await audit(ctx, ctx.db, { action: "appointment.viewed", subjectType: "Appointment", subjectId: appointment.id, locationId: appointment.locationId });
  const openTickets = await ctx.db.ticket.findMany({
    where: { personId: appointment.personId, status: { in: [...OPEN_STATUSES] } },
    select: { id: true, reference: true, status: true },
    orderBy: { createdAt: "desc" },
  });
  return { appointment, openTickets, started: appointment.startsAt <= ctx.clock.now() };
}

const OptionalText = (max: number, error: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, { error }).optional());

export const OutcomeInput = z.object({
  status: z.enum(["done", "no_show"], { error: "desk:errors.outcomeRequired" }),
  outcomeTopics: z.preprocess((v) => (v == null ? [] : Array.isArray(v) ? v : [v]), z.array(z.string().trim().min(1)).max(20)),
  outcomeNote: OptionalText(OUTCOME_NOTE_MAX, "desk:errors.noteTooLong"),
  ticketId: OptionalText(100, "desk:errors.ticketUnknown"),
});

async function manageable(ctx: StaffCtx, appointmentId: string) {
  const appointment = await ctx.db.appointment.findUnique({ where: { id: appointmentId } });
  if (!appointment) throw notFound("appointment");
  if (!can(ctx.actor, "appointment:manage", appointment.locationId)) throw forbidden("appointment:manage");
  return appointment;
}

/** What happened: done or no-show (not before it started), the topics helped with, a note, a ticket. */
export async function recordOutcome(ctx: StaffCtx, appointmentId: string, input: z.output<typeof OutcomeInput>) {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const appointment = await manageable(ctx, appointmentId);
    if (appointment.status === "cancelled") throw new AppError(409, "desk:errors.appointmentCancelled");
    if (appointment.startsAt > now) throw new AppError(409, "desk:errors.notStarted");
    const known = await tx.ticketCategory.findMany({ where: { key: { in: input.outcomeTopics } }, select: { key: true } });
    if (known.length !== new Set(input.outcomeTopics).size) throw new AppError(400, "desk:errors.topicUnknown");
    if (input.ticketId && !(await tx.ticket.findFirst({ where: { id: input.ticketId, personId: appointment.personId } }))) {
      throw new AppError(400, "desk:errors.ticketUnknown");
    }
    await tx.appointment.update({
      where: { id: appointmentId },
      data: {
        status: input.status,
        outcomeTopics: JSON.stringify([...new Set(input.outcomeTopics)]),
        outcomeNote: input.outcomeNote ?? null,
        ticketId: input.ticketId ?? appointment.ticketId,
        helperId: ctx.actor.staffId,
      },
    });
    await audit(ctx, tx, {
      action: "appointment.outcomeRecorded",
      subjectType: "Appointment",
      subjectId: appointmentId,
      locationId: appointment.locationId,
      details: { status: input.status, topics: input.outcomeTopics.length, ticket: Boolean(input.ticketId) },
    });
  });
}

/** Staff cancel (the caller asked): the place is freed, queued reminders are stopped, the person is told. */
export async function cancelByStaff(ctx: StaffCtx, appointmentId: string) {
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const appointment = await manageable(ctx, appointmentId);
    if (appointment.status !== "booked") throw new AppError(409, "desk:errors.notCancellable");
    await releasePlace(ctx, tx, appointmentId, "cancelled", now);
    const [stored, location] = await Promise.all([
      tx.person.findUniqueOrThrow({ where: { id: appointment.personId } }),
      tx.location.findUniqueOrThrow({ where: { id: appointment.locationId } }),
    ]);
    // Like the citizen's own cancellation: never in quiet hours (a late call at the desk is told in the morning).
    await tellAppointmentCancelled(ctx, tx, appointment, stored, location);
    await audit(ctx, tx, { action: "appointment.cancelled", subjectType: "Appointment", subjectId: appointmentId, locationId: appointment.locationId });
  });
}

/** The desk's "another time" form: one radio list like booking for a caller, and the form's idempotency key. */
export const MoveInput = z
  .object({
    choice: DeskChoice,
    idempotencyKey: IdempotencyKey,
  })
  .transform(({ choice, idempotencyKey }) => {
    const [pool, slot] = choice.split("~") as ["phone" | "internal", string];
    return { pool, slot, idempotencyKey };
  });

/**
 * A caller asks for another time: books the new place (phone or internal share; the person gets its
 * confirmation with the new reference), then frees the old one — as when citizens move their own on the web, so a
 * new time just taken leaves the old booking as it was. Not once it has begun. Audit-logged.
 */
export async function moveByStaff(ctx: StaffCtx, appointmentId: string, input: z.output<typeof MoveInput>) {
  const old = await manageable(ctx, appointmentId);
  if (input.idempotencyKey) {
    // The same form sent again (a double click, a retry): the move already happened.
    const earlier = await ctx.db.appointment.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, reference: true } });
    if (earlier) return { ...earlier, replayed: true };
  }
  if (old.status !== "booked" || old.startsAt <= ctx.clock.now()) throw new AppError(409, "desk:errors.notMovable");
  // The new booking keeps what the caller said with the old one (decision 027).
  const person = addressedAs(await ctx.db.person.findUniqueOrThrow({ where: { id: old.personId } }), old);
  const booked = await bookAppointment(ctx, {
    locationId: old.locationId,
    slot: input.slot,
    person: {
      firstName: person.firstName,
      phone: { e164: person.phone, type: person.phoneType === "landline" ? "landline" : "mobile" },
      language: person.language,
      contactPreference: person.contactPreference === "voice" ? "voice" : "sms",
    },
    concern: old.concern ?? undefined,
    wantsEarlyReminder: old.wantsEarlyReminder,
    idempotencyKey: input.idempotencyKey,
    pool: input.pool,
    channel: "phone",
  });
  await ctx.db.$transaction(async (tx) => {
    const still = await tx.appointment.findFirst({ where: { id: old.id, status: "booked" satisfies AppointmentStatus }, select: { id: true } });
    if (!still || booked.id === old.id) return;
    await releasePlace(ctx, tx, old.id, "cancelled", ctx.clock.now());
    await audit(ctx, tx, { action: "appointment.moved", subjectType: "Appointment", subjectId: old.id, locationId: old.locationId, details: { to: booked.id } });
  });
  return booked;
}
