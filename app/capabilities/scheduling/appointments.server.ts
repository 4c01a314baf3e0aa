// Booking a consultation slot: first name + phone, nothing more. The slot must be one the rules offer, in the
// future, with a free place in the caller's pool; the place is taken by a unique seat key, so even a hundred
// people pressing "book" at once on the last place get exactly one booking. Confirmation through the outbox.
import { z } from "zod";
import type { Ctx, Tx } from "~/context";
import { AppError } from "~/lib/errors";
import { spelledOut, uniqueReference } from "~/lib/reference-code";
import { isUniqueViolation } from "~/lib/db-errors";
import { IdempotencyKey } from "~/lib/idempotency";
import { audit } from "~/capabilities/privacy/audit.server";
import { NoticeRead, noteFormConsent } from "~/capabilities/privacy/consent.server";
import { addressedAs, NewPersonInput, personForRequest } from "~/capabilities/people/persons.server";
import { freeSlots, loadSchedule, localDay, seatKey } from "./availability.server";
import { findSlot } from "./slots";
import { type AppointmentStatus, ONLINE_LEAD_MINUTES, type Pool, POOLS } from "./values";
import { holdOnlinePlace } from "./holds.server";
import type { MessageStatus } from "~/capabilities/messaging/values";
import { isSlotValue } from "~/lib/calendar-input";

export const CONCERN_MAX = 500;

/** What a booking needs besides the person: which slot, from which pool. */
export const SlotChoice = z.object({
  locationId: z.string().trim().min(1),
  /** "<consultationHourId>|<startsAt ISO>", as the slot list's radio buttons send it */
  slot: z
    .string({ error: "scheduling:errors.slotRequired" })
    .trim()
    .refine(isSlotValue, { error: "scheduling:errors.slotRequired" }),
});

export const BookingInput = SlotChoice.extend({
  person: NewPersonInput,
  concern: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(CONCERN_MAX, { error: "scheduling:errors.concernTooLong" }).optional(),
  ),
  wantsEarlyReminder: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(false),
  noticeRead: NoticeRead,
  idempotencyKey: IdempotencyKey,
});
export type BookingValues = z.output<typeof BookingInput>;

export function parseSlotValue(value: string): { hourId: string; startsAt: Date } {
  const [hourId, iso] = value.split("|");
  return { hourId, startsAt: new Date(iso) };
}

/** Date and time of a slot in someone's language, for messages ("Dienstag, 24. November 2026, 14:30"). */
export function formatSlot(at: Date, language: string, timeZone: string): string {
  const options: Intl.DateTimeFormatOptions = { dateStyle: "full", timeStyle: "short", timeZone };
  try {
    return new Intl.DateTimeFormat(language, options).format(at);
  } catch {
    return new Intl.DateTimeFormat("de", options).format(at);
  }
}

/** What every message about an appointment says: first name, reference (also spelled out), when and where. */
export function appointmentMessageParams(
  appointment: { reference: string; startsAt: Date },
  person: { firstName: string; language: string },
  location: { name: string; timeZone: string },
) {
  return {
    firstName: person.firstName,
    reference: appointment.reference,
    spelled: spelledOut(appointment.reference),
    when: formatSlot(appointment.startsAt, person.language, location.timeZone),
    place: location.name,
  };
}

/**
 * Tells the person their appointment is cancelled, whoever cancelled it (they themselves or the desk): by the name
 * and language given with the booking, never in quiet hours (the place's time zone), once per appointment.
 */
export async function tellAppointmentCancelled<P extends Parameters<Ctx["messenger"]["send"]>[1]["to"] & { firstName: string; language: string }>(
  ctx: Ctx,
  tx: Tx,
  appointment: Parameters<typeof addressedAs>[1] & { id: string; reference: string; startsAt: Date },
  stored: P,
  location: { name: string; timeZone: string },
) {
  const person = addressedAs(stored, appointment);
  await ctx.messenger.send(tx, {
    to: person,
    template: "appointmentCancelled",
    params: appointmentMessageParams(appointment, person, location),
    timeZone: location.timeZone,
    idempotencyKey: `appointment-cancelled:${appointment.id}`,
  });
}

/**
 * Books one place. `pool` says whose share of the capacity it uses: "web" for citizens online, "phone" when staff
 * book for a caller, "internal" for staff's own planning. Refusals: 400 slotNotOffered / slotInPast, 409
 * alreadyBooked (the same phone in the same slot) or slotTaken (no place left in that pool — the page then
 * shows the next free slots), or tooManyOnline (this number already holds its open online bookings).
 */
export async function bookAppointment(
  ctx: Ctx,
  input: BookingValues & { pool: Pool; channel: "web" | "phone" | "staff"; /** a move: the booking this one replaces */ replaces?: string },
) {
  if (!POOLS.includes(input.pool)) throw new AppError(400, "scheduling:errors.slotNotOffered");
  const { hourId, startsAt } = parseSlotValue(input.slot);
  const now = ctx.clock.now();

  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.db.$transaction(async (tx) => {
        if (input.idempotencyKey) {
          const earlier = await tx.appointment.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true, reference: true } });
          if (earlier) return { ...earlier, replayed: true };
        }
        const schedule = await loadSchedule(ctx, tx, input.locationId, now);
        if (!schedule) throw new AppError(400, "scheduling:errors.slotNotOffered");
        const { timeZone } = schedule.location;
        const day = localDay(startsAt, timeZone);
        const slot = Number.isNaN(startsAt.getTime()) ? null : findSlot(schedule.hours, schedule.closures, hourId, startsAt, { day, timeZone });
        if (!slot) throw new AppError(400, "scheduling:errors.slotNotOffered");
        if (slot.startsAt <= now) throw new AppError(400, "scheduling:errors.slotInPast");
        if (input.pool === "web" && slot.startsAt.getTime() < now.getTime() + ONLINE_LEAD_MINUTES * 60_000) {
          throw new AppError(409, "scheduling:errors.slotTaken");
        }

        // A number stored as "Gisela M." booked as "Hildegard": the booking keeps and uses "Hildegard" (decision 027).
        const { person, given, addressed } = await personForRequest(ctx, tx, input.person);
        // The early reminder is the one thing the booking asks that it does not need: a tick, so consent (decision 033).
        if (!input.replaces) await noteFormConsent(ctx, tx, person.id, input.noticeRead, input.wantsEarlyReminder ? ["contact", "reminders"] : ["contact"]);
        const twice = await tx.appointment.findFirst({
          where: { personId: person.id, startsAt: slot.startsAt, status: "booked" satisfies AppointmentStatus },
          select: { reference: true },
        });
        if (twice) throw new AppError(409, "scheduling:errors.alreadyBooked");
        const holdKey = input.pool === "web" ? await holdOnlinePlace(ctx, tx, person.id, input.replaces) : null;

        const taken = await tx.appointment.findMany({
          where: { consultationHourId: hourId, startsAt: slot.startsAt, pool: input.pool, status: "booked" satisfies AppointmentStatus },
          select: { seatKey: true },
        });
        const used = new Set(taken.map((a) => a.seatKey));
        let seat = 0;
        for (let s = 1; s <= slot.capacity[input.pool]; s++) {
          if (!used.has(seatKey(hourId, slot.startsAt, input.pool, s))) {
            seat = s;
            break;
          }
        }
        if (!seat) throw new AppError(409, "scheduling:errors.slotTaken");

        const appointment = await tx.appointment.create({
          data: {
            reference: await uniqueReference(tx),
            personId: person.id,
            ...given,
            locationId: schedule.location.id,
            consultationHourId: hourId,
            startsAt: slot.startsAt,
            endsAt: slot.endsAt,
            pool: input.pool,
            channel: input.channel,
            seatKey: seatKey(hourId, slot.startsAt, input.pool, seat),
            onlineHoldKey: holdKey,
            concern: input.concern,
            wantsEarlyReminder: input.wantsEarlyReminder,
            bookedById: ctx.actor.kind === "staff" ? ctx.actor.staffId : null,
            idempotencyKey: input.idempotencyKey,
            createdAt: now,
          },
          select: { id: true, reference: true },
        });
        await ctx.messenger.send(tx, {
          to: addressed,
          template: "appointmentBooked",
          params: appointmentMessageParams({ reference: appointment.reference, startsAt: slot.startsAt }, addressed, schedule.location),
          idempotencyKey: `appointment-booked:${appointment.id}`,
          // Booked late in the evening: the confirmation waits for the morning (the reference is on screen already).
          timeZone,
        });
        if (ctx.actor.kind === "staff") {
          await audit(ctx, tx, { action: "appointment.booked", subjectType: "Appointment", subjectId: appointment.id, locationId: schedule.location.id });
        }
        return { ...appointment, replayed: false };
      });
    } catch (error) {
      // Someone took the same seat (or the same number's online place) between our read and our write: look again
      // (a few times) — the next look sees it taken — then give up kindly.
      if (isUniqueViolation(error) && attempt < 5) continue;
      if (isUniqueViolation(error)) throw new AppError(409, "scheduling:errors.slotTaken");
      throw error;
    }
  }
}

/** Idempotency-key prefix of an appointment's reminders (reminders.server.ts writes them). */
export const reminderKeyPrefix = (appointmentId: string) => `appointment-reminder:${appointmentId}:`;

/**
 * Frees an appointment's place (cancelled, moved): its seat key goes, so the place can be booked again, and
 * reminders still waiting in the outbox are stopped.
 */
export async function releasePlace(ctx: Ctx, tx: Tx, appointmentId: string, status: "cancelled", at: Date) {
  await tx.appointment.update({ where: { id: appointmentId }, data: { status, seatKey: null, onlineHoldKey: null, cancelledAt: at } });
  await tx.message.updateMany({
    where: { idempotencyKey: { startsWith: reminderKeyPrefix(appointmentId) }, status: "queued" satisfies MessageStatus },
    data: { status: "cancelled" satisfies MessageStatus },
  });
}

/** The next slots with a free place in `pool`, for "just taken — here are the next free slots". */
export async function nextFreeSlots(ctx: Ctx, locationId: string, pool: Pool, { days = 28, limit = 5 } = {}) {
  const now = ctx.clock.now();
  const schedule = await loadSchedule(ctx, ctx.db, locationId, now);
  if (!schedule) return [];
  const fromDay = localDay(now, schedule.location.timeZone);
  const to = new Date(now.getTime() + days * 86_400_000);
  const slots = await freeSlots(ctx, ctx.db, schedule, { fromDay, toDay: localDay(to, schedule.location.timeZone), now });
  return slots.filter((s) => s.free[pool] > 0).slice(0, limit);
}
