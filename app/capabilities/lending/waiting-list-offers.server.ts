// Offers: free devices are offered to waiting people first come first served, at every lending place; an offer runs
// until OFFER_ENDS_AT_HOUR on its last day, and staff record the answer. Messages go through the outbox in the same
// transaction, never during quiet hours.
import { fromDate, toCalendarDate, toZoned, CalendarDateTime } from "@internationalized/date";
import { z } from "zod";
import type { Ctx, StaffCtx } from "~/context";
import { AppError } from "~/lib/errors";
import { formatPhone } from "~/lib/phone.server";
import { audit } from "~/capabilities/privacy/audit.server";
import { moveDevice } from "./device-history.server";
import { type DeviceStatus, LENDING_LOCATION_KINDS, type ReservationStatus } from "./values";
import { addEvent, releaseDevice, reservationFor, sendOnce } from "./reservations.server";
import type { AnswerInput } from "./waiting-list.server";
import { addressedAs } from "~/capabilities/people/persons.server";

/** An offer runs until this hour (local time) on its last day. */
export const OFFER_ENDS_AT_HOUR = 18;

/** 18:00 in the place's time zone, `days` days after `now`. */
export function offerDeadline(now: Date, days: number, timeZone: string): Date {
  const day = toCalendarDate(fromDate(now, timeZone)).add({ days });
  return toZoned(new CalendarDateTime(day.year, day.month, day.day, OFFER_ENDS_AT_HOUR), timeZone).toDate();
}

/** "Thursday, 26 November" in the person's language and the place's time zone. */
export function offerDateText(at: Date, language: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(language, { weekday: "long", day: "numeric", month: "long", timeZone }).format(at);
  } catch {
    return new Intl.DateTimeFormat("de", { weekday: "long", day: "numeric", month: "long", timeZone }).format(at);
  }
}

/**
 * Pairs free devices with waiting people, first come first served, at every lending place. Each pair in its own
 * transaction: a device someone else changed meanwhile is skipped, and a second run offers nothing twice.
 */
export async function offerFreeDevices(ctx: Ctx): Promise<number> {
  const locations = await ctx.db.location.findMany({ where: { kind: { in: [...LENDING_LOCATION_KINDS] } } });
  let offered = 0;
  for (const location of locations) {
    const [devices, waiting] = await Promise.all([
      ctx.db.device.findMany({ where: { locationId: location.id, status: "available" satisfies DeviceStatus }, orderBy: { assetTag: "asc" }, select: { id: true } }),
      ctx.db.reservation.findMany({
        where: { locationId: location.id, status: "waiting" satisfies ReservationStatus },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        select: { id: true },
      }),
    ]);
    let d = 0;
    for (const reservation of waiting) {
      let outcome: Outcome = "deviceGone";
      while (d < devices.length) {
        outcome = await offerOne(ctx, location, reservation.id, devices[d]!.id);
        if (outcome === "personGone") break; // the device stays free for the next person
        d++;
        if (outcome === "paired") break;
      }
      if (outcome === "paired") offered++;
      if (d >= devices.length) break;
    }
  }
  return offered;
}

async function offerOne(
  ctx: Ctx,
  location: { id: string; name: string; phone: string; timeZone: string; offerDays: number },
  reservationId: string,
  deviceId: string,
): Promise<Outcome> {
  try {
    return await ctx.db.$transaction(async (tx) => {
      const now = ctx.clock.now();
      const expiresAt = offerDeadline(now, location.offerDays, location.timeZone);
      const claimed = await tx.reservation.updateMany({
        where: { id: reservationId, status: "waiting" satisfies ReservationStatus },
        data: { status: "offered" satisfies ReservationStatus, offeredDeviceId: deviceId, offeredAt: now, offerExpiresAt: expiresAt, updatedAt: now },
      });
      // Someone else took this person meanwhile: nothing to undo yet (no device moved), and the device stays free.
      if (claimed.count !== 1) throw new Skip();
      await moveDevice(ctx, tx, deviceId, { from: ["available"], to: "reserved", kind: "status", data: { reservationId } });
      await addEvent(ctx, tx, reservationId, { kind: "offered", data: { deviceId, expiresAt: expiresAt.toISOString() } });
      const offered = await tx.reservation.findUniqueOrThrow({ where: { id: reservationId }, include: { person: true } });
      const person = addressedAs(offered.person, offered);
      await sendOnce(ctx, tx, {
        to: person,
        template: "deviceOffered",
        params: {
          firstName: person.firstName,
          location: location.name,
          phone: formatPhone(location.phone),
          date: offerDateText(expiresAt, person.language, location.timeZone),
        },
        timeZone: location.timeZone,
        idempotencyKey: `device-offered:${reservationId}:${deviceId}`,
      });
      return "paired" as const;
    });
  } catch (error) {
    if (error instanceof Skip) return "personGone";
    // The device changed meanwhile (someone took it for a loan or repair): the next device for this person.
    if (error instanceof AppError && error.status === 409) return "deviceGone";
    throw error;
  }
}

type Outcome = "paired" | "personGone" | "deviceGone";

/** Rolls back an offer whose person was taken meanwhile. */
class Skip extends Error {}

/** Offers not answered in time end; the device becomes free for the next person (offered on the next run). */
export async function expireOffers(ctx: Ctx): Promise<number> {
  const now = ctx.clock.now();
  const due = await ctx.db.reservation.findMany({
    where: { status: "offered" satisfies ReservationStatus, offerExpiresAt: { lte: now } },
    select: { id: true },
    take: 500,
  });
  let expired = 0;
  for (const { id } of due) {
    await ctx.db.$transaction(async (tx) => {
      const reservation = await tx.reservation.findUniqueOrThrow({ where: { id }, include: { person: true, location: true } });
      const { count } = await tx.reservation.updateMany({
        where: { id, status: "offered" satisfies ReservationStatus },
        data: { status: "expired" satisfies ReservationStatus, offeredDeviceId: null, updatedAt: now },
      });
      if (!count) return;
      expired++;
      await releaseDevice(ctx, tx, reservation.offeredDeviceId, id);
      await addEvent(ctx, tx, id, { kind: "offer_expired", data: { deviceId: reservation.offeredDeviceId } });
      const person = addressedAs(reservation.person, reservation);
      await sendOnce(ctx, tx, {
        to: person,
        template: "offerExpired",
        params: {
          firstName: person.firstName,
          location: reservation.location.name,
          phone: formatPhone(reservation.location.phone),
        },
        timeZone: reservation.location.timeZone,
        idempotencyKey: `offer-expired:${id}`,
      });
    });
  }
  return expired;
}

/** Staff record what the person said to an offer (on the phone or by reply). */
export async function answerOffer(ctx: StaffCtx, reservationId: string, input: z.output<typeof AnswerInput>) {
  return ctx.db.$transaction(async (tx) => {
    const reservation = await reservationFor(ctx, tx, reservationId, "waitlist:manage");
    const allowed = input.answer === "accepted" ? ["offered"] : ["offered", "accepted"];
    if (!allowed.includes(reservation.status)) throw new AppError(409, "waitlist:errors.noOffer");
    const now = ctx.clock.now();
    const { count } = await tx.reservation.updateMany({
      where: { id: reservation.id, status: reservation.status },
      data:
        input.answer === "accepted"
          ? { status: "accepted" satisfies ReservationStatus, updatedAt: now }
          : { status: "declined" satisfies ReservationStatus, offeredDeviceId: null, updatedAt: now },
    });
    if (count !== 1) throw new AppError(409, "waitlist:errors.changed");
    if (input.answer === "declined") await releaseDevice(ctx, tx, reservation.offeredDeviceId, reservation.id);
    await addEvent(ctx, tx, reservation.id, {
      kind: input.answer,
      reason: input.note ?? null,
      data: { deviceId: reservation.offeredDeviceId },
    });
    await audit(ctx, tx, {
      action: `reservation.${input.answer}`,
      subjectType: "Reservation",
      subjectId: reservation.id,
      locationId: reservation.locationId,
    });
  });
}
