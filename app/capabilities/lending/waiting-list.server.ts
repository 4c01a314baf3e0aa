// The fair waiting list: people ask to borrow a tablet (on the web or through staff), wait in order at one place,
// are offered a free device first come first served, and answer within the place's offerDays. A coordinator may
// move someone, always with a reason that stays in the history. Messages go through the outbox in the same
// transaction, never during quiet hours.
import { fromDate, toCalendarDate, toZoned, CalendarDateTime } from "@internationalized/date";
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { formatPhone } from "~/lib/phone.server";
import { spelledOut, uniqueReference } from "~/lib/reference-code";
import { audit } from "~/capabilities/privacy/audit.server";
import type { SendInput } from "~/capabilities/messaging/messenger.server";
import { can, locationScope } from "~/capabilities/people/permissions";
import type { LocationKind } from "~/capabilities/people/values";
import { findOrCreatePerson, intakePerson, NewPersonInput } from "~/capabilities/people/persons.server";
import { pageCount, pageWindow } from "~/lib/pages";
import { moveDevice } from "./device-history.server";
import { type DeviceStatus, OPEN_RESERVATION_STATUSES, type ReservationChannel, type ReservationEventKind, type ReservationStatus, WISHES_MAX } from "./values";

/** Only these kinds of place lend devices (a library helps, but has no pool). */
export const LENDING_LOCATION_KINDS = ["meeting_centre", "care_home"] as const satisfies readonly LocationKind[];
export const WAITING_LIST_PAGE_SIZE = 50;
export const MOVE_REASON_MIN = 5;
export const MOVE_REASON_MAX = 500;
/** An offer runs until this hour (local time) on its last day. */
export const OFFER_ENDS_AT_HOUR = 18;

const OptionalId = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().optional());
const OptionalText = (max: number, tooLong: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(max, { error: tooLong }).optional(),
  );

const LocationChoice = z
  .string({ error: "waitlist:errors.locationRequired" })
  .trim()
  .min(1, { error: "waitlist:errors.locationRequired" });
const Wishes = OptionalText(WISHES_MAX, "waitlist:errors.wishesTooLong");

/** The public form: first name, phone, place, language, contact preference, what they want to learn. Nothing more. */
export const AskToBorrowInput = NewPersonInput.extend({ locationId: LocationChoice, wishes: Wishes });

/** Staff adding someone during a call or at the desk: a known person by id, or the three fields of a new one. */
export const AddToWaitingListInput = z.object({
  personId: OptionalId,
  person: NewPersonInput.optional(),
  channel: z.enum(["phone", "walk_in"]).default("phone"),
  locationId: LocationChoice,
  wishes: Wishes,
});

/** "top" in the "place after …" choice means to the top of the list. */
export const MoveInput = z.preprocess(
  (v) => (v && typeof v === "object" && (v as Record<string, unknown>).placeAfterId === "top" ? { ...v, placeAfterId: undefined, toTop: true } : v),
  z
  .object({
    placeAfterId: OptionalId,
    toTop: z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean()).default(false),
    reason: z
      .string({ error: "waitlist:errors.reasonRequired" })
      .trim()
      .min(MOVE_REASON_MIN, { error: "waitlist:errors.reasonRequired" })
      .max(MOVE_REASON_MAX, { error: "waitlist:errors.reasonTooLong" }),
  })
  .refine((m) => m.toTop || Boolean(m.placeAfterId), { error: "waitlist:errors.placeRequired", path: ["placeAfterId"] }),
);

export const AnswerInput = z.object({
  answer: z.enum(["accepted", "declined"], { error: "waitlist:errors.answerRequired" }),
  note: OptionalText(MOVE_REASON_MAX, "waitlist:errors.noteTooLong"),
});

export const CancelInput = z.object({ note: OptionalText(MOVE_REASON_MAX, "waitlist:errors.noteTooLong") });

const isOpen = (status: string) => OPEN_RESERVATION_STATUSES.includes(status as ReservationStatus);
const openWhere = { status: { in: [...OPEN_RESERVATION_STATUSES] } };

/** For the phone: "A C 3 9 K M", so a voice reads each character. */

/** Sends once per idempotency key: a second call with the same key (a repeated submit, a job run twice) does nothing. */
async function sendOnce(ctx: Ctx, tx: Tx, input: SendInput & { idempotencyKey: string }) {
  if (await tx.message.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } })) return;
  await ctx.messenger.send(tx, input);
}

const actorId = (ctx: Ctx) => (ctx.actor.kind === "staff" ? ctx.actor.staffId : null);

async function addEvent(
  ctx: Ctx,
  tx: Tx,
  reservationId: string,
  event: { kind: ReservationEventKind; reason?: string | null; data?: Record<string, unknown> },
) {
  await tx.reservationEvent.create({
    data: {
      reservationId,
      at: ctx.clock.now(),
      kind: event.kind,
      actorId: actorId(ctx),
      reason: event.reason ?? null,
      data: JSON.stringify(event.data ?? {}),
    },
  });
}

/** Place numbers 1, 2, 3 … of the open reservations at a location, in list order. */
async function openAt(ctx: Ctx, tx: Tx, locationId: string) {
  return tx.reservation.findMany({
    where: { locationId, ...openWhere },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, position: true },
  });
}

async function placeOf(ctx: Ctx, tx: Tx, reservation: { id: string; locationId: string }): Promise<number> {
  const list = await openAt(ctx, tx, reservation.locationId);
  return list.findIndex((r) => r.id === reservation.id) + 1;
}

async function lendingLocation(ctx: Ctx, tx: Tx, locationId: string) {
  const location = await tx.location.findUnique({ where: { id: locationId } });
  if (!location || !(LENDING_LOCATION_KINDS as readonly string[]).includes(location.kind)) {
    throw new AppError(400, "waitlist:errors.locationNotLending");
  }
  return location;
}

/** The day a date falls on in a place, e.g. "2026-11-23": for "once a day" idempotency keys. */
const localDay = (at: Date, timeZone: string) => toCalendarDate(fromDate(at, timeZone)).toString();

export type JoinResult =
  | { created: true; reservationId: string; reference: string; place: number }
  | { created: false; reservationId: string; reference: string; place: number };

async function join(
  ctx: Ctx,
  tx: Tx,
  person: Awaited<ReturnType<typeof findOrCreatePerson>>,
  input: { channel: ReservationChannel; locationId: string; wishes?: string },
): Promise<JoinResult> {
  const location = await lendingLocation(ctx, tx, input.locationId);
  const now = ctx.clock.now();
  const params = (reference: string) => ({
    firstName: person.firstName,
    reference,
    spelled: spelledOut(reference),
    location: location.name,
  });

  const existing = await tx.reservation.findFirst({ where: { personId: person.id, locationId: location.id, ...openWhere } });
  if (existing) {
    // Already on the list: nothing new. Their reference again, at most once a day, so repeated submits do not flood.
    await sendOnce(ctx, tx, {
      to: person,
      template: "reservationJoined",
      params: params(existing.reference),
      timeZone: location.timeZone,
      idempotencyKey: `reservation-resent:${existing.id}:${localDay(now, location.timeZone)}`,
    });
    return { created: false, reservationId: existing.id, reference: existing.reference, place: await placeOf(ctx, tx, existing) };
  }

  const last = await tx.reservation.aggregate({ where: { locationId: location.id }, _max: { position: true } });
  const reservation = await tx.reservation.create({
    data: {
      reference: await uniqueReference(tx, "reservation"),
      personId: person.id,
      locationId: location.id,
      channel: input.channel,
      wishes: input.wishes ?? null,
      position: (last._max.position ?? 0) + 1,
      createdAt: now,
    },
  });
  await addEvent(ctx, tx, reservation.id, { kind: "joined", data: { channel: input.channel } });
  await sendOnce(ctx, tx, {
    to: person,
    template: "reservationJoined",
    params: params(reservation.reference),
    timeZone: location.timeZone,
    idempotencyKey: `reservation-joined:${reservation.id}`,
  });
  return { created: true, reservationId: reservation.id, reference: reservation.reference, place: await placeOf(ctx, tx, reservation) };
}

/**
 * Someone asks to borrow a tablet: from the public site (citizen, web) or through staff during a call or at the
 * desk. A person already waiting at that place gets no second place; the answer says so only to staff.
 */
export async function askToBorrow(
  ctx: Ctx,
  input: z.output<typeof AskToBorrowInput> | z.output<typeof AddToWaitingListInput>,
): Promise<JoinResult> {
  if (ctx.actor.kind === "staff" && !can(ctx.actor, "waitlist:manage", input.locationId)) throw forbidden("waitlist:manage");
  return ctx.db.$transaction(async (tx) => {
    let person;
    let channel: ReservationChannel;
    if ("channel" in input) {
      if (ctx.actor.kind !== "staff") throw forbidden("waitlist:manage");
      person = await intakePerson({ ...ctx, actor: ctx.actor }, tx, input, "waitlist:errors.personMissing");
      channel = input.channel;
    } else {
      person = await findOrCreatePerson(ctx, tx, input);
      channel = ctx.actor.kind === "staff" ? "phone" : "web";
    }
    const result = await join(ctx, tx, person, { channel, locationId: input.locationId, wishes: input.wishes });
    if (ctx.actor.kind === "staff" && result.created) {
      await audit(ctx, tx, {
        action: "reservation.created",
        subjectType: "Reservation",
        subjectId: result.reservationId,
        locationId: input.locationId,
        details: { channel },
      });
    }
    return result;
  });
}

/** Loads a reservation the actor may work on with `permission`, or throws 404/403. */
async function reservationFor(ctx: StaffCtx, tx: Tx, id: string, permission: "waitlist:view" | "waitlist:manage" | "waitlist:reorder") {
  const reservation = await tx.reservation.findUnique({ where: { id } });
  if (!reservation) throw notFound("reservation");
  if (!can(ctx.actor, permission, reservation.locationId)) throw forbidden(permission);
  return reservation;
}

/** A coordinator moves someone: to the top, or after another person. The reason stays in the history. */
export async function moveOnWaitingList(ctx: StaffCtx, reservationId: string, input: z.output<typeof MoveInput>) {
  if (!can(ctx.actor, "waitlist:reorder")) throw forbidden("waitlist:reorder");
  return ctx.db.$transaction(async (tx) => {
    const reservation = await reservationFor(ctx, tx, reservationId, "waitlist:reorder");
    if (!isOpen(reservation.status)) throw new AppError(409, "waitlist:errors.notOpen");
    const list = await openAt(ctx, tx, reservation.locationId);
    const from = list.findIndex((r) => r.id === reservation.id) + 1;
    const others = list.filter((r) => r.id !== reservation.id);
    let position: number;
    if (input.toTop) {
      position = others.length ? others[0]!.position - 1 : reservation.position;
    } else {
      const index = others.findIndex((r) => r.id === input.placeAfterId);
      if (index < 0) throw new AppError(400, "waitlist:errors.placeUnknown");
      const after = others[index]!;
      const next = others[index + 1];
      position = next ? (after.position + next.position) / 2 : after.position + 1;
    }
    await tx.reservation.update({ where: { id: reservation.id }, data: { position, updatedAt: ctx.clock.now() } });
    const to = await placeOf(ctx, tx, reservation);
    await addEvent(ctx, tx, reservation.id, { kind: "moved", reason: input.reason, data: { from, to } });
    await audit(ctx, tx, {
      action: "reservation.moved",
      subjectType: "Reservation",
      subjectId: reservation.id,
      locationId: reservation.locationId,
      details: { from, to },
    });
    return { from, to };
  });
}

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
      const { person } = await tx.reservation.findUniqueOrThrow({ where: { id: reservationId }, include: { person: true } });
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

/** Frees a held device again, if it is still held (staff may have moved it meanwhile). */
async function releaseDevice(ctx: Ctx, tx: Tx, deviceId: string | null, reservationId: string) {
  if (!deviceId) return;
  const device = await tx.device.findUnique({ where: { id: deviceId }, select: { status: true } });
  if (device?.status !== "reserved") return;
  await moveDevice(ctx, tx, deviceId, { from: ["reserved"], to: "available", kind: "status", data: { reservationId } });
}

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
      await sendOnce(ctx, tx, {
        to: reservation.person,
        template: "offerExpired",
        params: {
          firstName: reservation.person.firstName,
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

/** The person no longer wants a device (or cannot be reached): off the list; a held device is freed. */
export async function cancelReservation(ctx: StaffCtx, reservationId: string, input: z.output<typeof CancelInput>) {
  return ctx.db.$transaction(async (tx) => {
    const reservation = await reservationFor(ctx, tx, reservationId, "waitlist:manage");
    if (!isOpen(reservation.status)) throw new AppError(409, "waitlist:errors.notOpen");
    const { count } = await tx.reservation.updateMany({
      where: { id: reservation.id, status: reservation.status },
      data: { status: "cancelled" satisfies ReservationStatus, offeredDeviceId: null, updatedAt: ctx.clock.now() },
    });
    if (count !== 1) throw new AppError(409, "waitlist:errors.changed");
    await releaseDevice(ctx, tx, reservation.offeredDeviceId, reservation.id);
    await addEvent(ctx, tx, reservation.id, { kind: "cancelled", reason: input.note ?? null, data: { deviceId: reservation.offeredDeviceId } });
    await audit(ctx, tx, {
      action: "reservation.cancelled",
      subjectType: "Reservation",
      subjectId: reservation.id,
      locationId: reservation.locationId,
    });
  });
}

/** Where lending happens, as citizens may see it (the form's choice of place). */
export async function lendingLocations(ctx: Pick<Ctx, "db">) {
  return ctx.db.location.findMany({
    where: { kind: { in: [...LENDING_LOCATION_KINDS] } },
    select: { id: true, name: true, kind: true, street: true, postalCode: true, city: true, phone: true },
    orderBy: { name: "asc" },
  });
}

/** The lending places the actor works at. */
export async function staffLendingLocations(ctx: StaffCtx) {
  const scope = locationScope(ctx.actor);
  return ctx.db.location.findMany({
    where: { kind: { in: [...LENDING_LOCATION_KINDS] }, ...(scope === "all" ? {} : { id: { in: [...scope] } }) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** The open places at a location in list order, with their place numbers; people by first name and initial only. */
export async function listWaitingList(ctx: StaffCtx, input: { locationId: string; page: number }) {
  if (!can(ctx.actor, "waitlist:view", input.locationId)) throw forbidden("waitlist:view");
  const where = { locationId: input.locationId, ...openWhere };
  const [rows, total] = await Promise.all([
    ctx.db.reservation.findMany({
      where,
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      ...pageWindow(input.page, WAITING_LIST_PAGE_SIZE),
      include: { person: { select: { firstName: true, lastNameInitial: true } } },
    }),
    ctx.db.reservation.count({ where }),
  ]);
  return {
    total,
    pageCount: pageCount(total, WAITING_LIST_PAGE_SIZE),
    entries: rows.map((r, i) => ({
      id: r.id,
      place: (input.page - 1) * WAITING_LIST_PAGE_SIZE + i + 1,
      firstName: r.person.firstName,
      lastNameInitial: r.person.lastNameInitial,
      createdAt: r.createdAt,
      channel: r.channel,
      wishes: r.wishes,
      status: r.status,
      offerExpiresAt: r.offerExpiresAt,
    })),
  };
}

/** One place on the list with its history; the view is audit-logged. */
export async function getReservation(ctx: StaffCtx, reservationId: string) {
  const reservation = await ctx.db.reservation.findUnique({
    where: { id: reservationId },
    include: {
      person: { select: { id: true, firstName: true, lastNameInitial: true, language: true, contactPreference: true, phoneType: true } },
      location: { select: { id: true, name: true, timeZone: true } },
      offeredDevice: { select: { id: true, assetTag: true, model: true } },
      events: { orderBy: { at: "asc" }, include: { actor: { select: { name: true } } } },
    },
  });
  if (!reservation) throw notFound("reservation");
  if (!can(ctx.actor, "waitlist:view", reservation.locationId)) throw forbidden("waitlist:view");
  await audit(ctx, ctx.db, {
    action: "reservation.viewed",
    subjectType: "Reservation",
    subjectId: reservation.id,
    locationId: reservation.locationId,
  });
  const list = isOpen(reservation.status)
    ? await ctx.db.reservation.findMany({
        where: { locationId: reservation.locationId, ...openWhere },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        include: { person: { select: { firstName: true, lastNameInitial: true } } },
      })
    : [];
  return {
    reservation,
    /** What this staff member may do with it: move it on the list (coordinators), answer an offer, cancel, lend. */
    allowed: {
      reorder: can(ctx.actor, "waitlist:reorder", reservation.locationId),
      manage: can(ctx.actor, "waitlist:manage", reservation.locationId),
    },
    place: list.findIndex((r) => r.id === reservation.id) + 1 || null,
    /** The others on the list, for "place after …". */
    others: list
      .map((r, i) => ({ id: r.id, place: i + 1, firstName: r.person.firstName, lastNameInitial: r.person.lastNameInitial }))
      .filter((r) => r.id !== reservation.id),
  };
}

/** Ended requests are kept this long (for questions and the programme's figures), then deleted with their history. */
export const CLOSED_RESERVATION_KEEP_DAYS = 365;

/** Deletes requests that ended more than CLOSED_RESERVATION_KEEP_DAYS ago (nothing happened to them since). */
export async function pruneClosedReservations(ctx: Pick<Ctx, "db" | "clock">): Promise<number> {
  const cutoff = new Date(ctx.clock.now().getTime() - CLOSED_RESERVATION_KEEP_DAYS * 86_400_000);
  const { count } = await ctx.db.reservation.deleteMany({
    where: {
      status: { notIn: [...OPEN_RESERVATION_STATUSES] },
      createdAt: { lt: cutoff },
      events: { none: { at: { gte: cutoff } } },
    },
  });
  return count;
}
