// A citizen's own appointment, found by its reference and their phone number (any format): see it, cancel it,
// or move it to another free online slot. A wrong code and a wrong number look the same ("not found"). Moving
// books the new place first and only then frees the old one, so nothing is lost when the new one was just taken.
import { z } from "zod";
import type { Ctx } from "~/context";
import { AppError } from "~/lib/errors";
import { parsePhone } from "~/lib/phone.server";
import { referenceCodeField } from "~/lib/reference-code";
import { bookAppointment, tellAppointmentCancelled, releasePlace } from "./appointments.server";
import type { AppointmentStatus } from "./values";
import { addressedAs } from "~/capabilities/people/persons.server";

export const AppointmentLookupInput = z.object({
  reference: referenceCodeField("booking:manage.referenceRequired"),
  phone: z
    .string({ error: "common:errors.phoneRequired" })
    .trim()
    .min(1, { error: "common:errors.phoneRequired" })
    .max(40),
});
export type AppointmentLookup = z.output<typeof AppointmentLookupInput>;

const NOT_FOUND = "booking:manage.notFound";

const include = {
  person: true,
  location: { select: { id: true, name: true, slug: true, street: true, postalCode: true, city: true, timeZone: true } },
} as const;

/** The booked, not yet begun appointment with this reference for this phone number, or null. */
export async function findMyAppointment(ctx: Ctx, lookup: AppointmentLookup) {
  const phone = parsePhone(lookup.phone);
  if (!phone) return null;
  const appointment = await ctx.db.appointment.findUnique({ where: { reference: lookup.reference }, include });
  if (!appointment || appointment.person.phone !== phone.e164) return null;
  if (appointment.status !== "booked" || appointment.startsAt <= ctx.clock.now()) return null;
  return appointment;
}

/**
 * The appointment a move form already made (the same form sent twice: the old reference is gone by then), for
 * this phone number only, or null.
 */
export async function findMovedAppointment(ctx: Ctx, lookup: AppointmentLookup, idempotencyKey: string) {
  const phone = parsePhone(lookup.phone);
  if (!phone) return null;
  const appointment = await ctx.db.appointment.findUnique({ where: { idempotencyKey }, include });
  if (!appointment || appointment.person.phone !== phone.e164 || appointment.status !== "booked") return null;
  return appointment;
}

/** The appointment a cancel form already cancelled (the same form sent twice), for this phone number only, or null. */
export async function findCancelledAppointment(ctx: Ctx, lookup: AppointmentLookup, cancelKey: string) {
  const phone = parsePhone(lookup.phone);
  if (!phone) return null;
  const appointment = await ctx.db.appointment.findUnique({ where: { cancelKey }, include });
  if (!appointment || appointment.reference !== lookup.reference || appointment.person.phone !== phone.e164) return null;
  return appointment;
}

async function mine(ctx: Ctx, lookup: AppointmentLookup) {
  const appointment = await findMyAppointment(ctx, lookup);
  if (!appointment) throw new AppError(400, NOT_FOUND);
  return appointment;
}

/**
 * Cancels the appointment: its place is free again; the person is told by SMS or call. With the form's key
 * (stored on the appointment, unique), the same form sent again answers as the first time (`replayed`) and
 * sends nothing — also when both arrive at once and the second finds the appointment no longer booked.
 */
export async function cancelMyAppointment(ctx: Ctx, lookup: AppointmentLookup & { idempotencyKey?: string }) {
  const key = lookup.idempotencyKey;
  const replay = async () => {
    const earlier = key ? await findCancelledAppointment(ctx, lookup, key) : null;
    return earlier ? { id: earlier.id, reference: earlier.reference, replayed: true } : null;
  };
  const earlier = await replay();
  if (earlier) return earlier;
  try {
    const appointment = await mine(ctx, lookup);
    const now = ctx.clock.now();
    await ctx.db.$transaction(async (tx) => {
      // Only a still-booked appointment is cancelled (two tabs pressing "cancel" send one message).
      const still = await tx.appointment.findFirst({
        where: { id: appointment.id, status: "booked" satisfies AppointmentStatus },
        select: { id: true },
      });
      if (!still) throw new AppError(400, NOT_FOUND);
      await releasePlace(ctx, tx, appointment.id, "cancelled", now);
      if (key) await tx.appointment.update({ where: { id: appointment.id }, data: { cancelKey: key } });
      const { location } = appointment;
      await tellAppointmentCancelled(ctx, tx, appointment, appointment.person, location);
    });
    return { id: appointment.id, reference: appointment.reference, replayed: false };
  } catch (error) {
    // The twin of this form won: the appointment is cancelled under this key, so answer as it did.
    const replayed = await replay();
    if (replayed) return replayed;
    throw error;
  }
}

/**
 * Moves the appointment to another free online slot of the same place: books the new one (which sends its
 * confirmation), then frees the old one. If the new slot was just taken, the old booking stays as it was.
 */
export async function moveMyAppointment(
  ctx: Ctx,
  lookup: AppointmentLookup & { slot: string; idempotencyKey?: string }
) {
  if (lookup.idempotencyKey) {
    const replayed = await findMovedAppointment(ctx, lookup, lookup.idempotencyKey);
    if (replayed) return { id: replayed.id, reference: replayed.reference, replayed: true };
  }
  const old = await mine(ctx, lookup);
  // The new booking keeps what the person said with the old one.
  const asked = addressedAs(old.person, old);
  const booked = await bookAppointment(ctx, {
    locationId: old.locationId,
    slot: lookup.slot,
    person: {
      firstName: asked.firstName,
      phone: { e164: old.person.phone, type: old.person.phoneType === "landline" ? "landline" : "mobile" },
      language: asked.language,
      contactPreference: old.person.contactPreference === "voice" ? "voice" : "sms",
    },
    concern: old.concern ?? undefined,
    wantsEarlyReminder: old.wantsEarlyReminder,
    idempotencyKey: lookup.idempotencyKey,
    pool: "web",
    channel: "web",
    replaces: old.id,
  });
  await ctx.db.$transaction(async (tx) => {
    const still = await tx.appointment.findFirst({ where: { id: old.id, status: "booked" satisfies AppointmentStatus }, select: { id: true } });
    if (still) await releasePlace(ctx, tx, old.id, "cancelled", ctx.clock.now());
  });
  return booked;
}

/** Reference and time of an appointment just booked (by a move), to confirm it on screen. */
export async function bookedAppointment(ctx: Pick<Ctx, "db">, appointmentId: string) {
  return ctx.db.appointment.findUniqueOrThrow({ where: { id: appointmentId }, select: { reference: true, startsAt: true, endsAt: true } });
}

/** When and where an appointment just booked online takes place, for its confirmation page; null once it is gone. */
export async function bookingConfirmation(ctx: Pick<Ctx, "db">, appointmentId: string) {
  return ctx.db.appointment.findUnique({
    where: { id: appointmentId },
    select: {
      startsAt: true,
      endsAt: true,
      location: { select: { name: true, street: true, postalCode: true, city: true, timeZone: true } },
    },
  });
}
