// The fair waiting list: people ask to borrow a tablet (on the web or through staff), wait in order at one place,
// are offered a free device first come first served (waiting-list-offers.server.ts), and answer within the place's
// offerDays. A coordinator may move someone, always with a reason that stays in the history. Messages go through
// the outbox in the same transaction, never during quiet hours.
import { fromDate, toCalendarDate } from "@internationalized/date";
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import type { Db } from "~/db.server";
import { AppError, forbidden } from "~/lib/errors";
import { IdempotencyKey, retryingOnRace } from "~/lib/idempotency";
import { spelledOut, uniqueReference } from "~/lib/reference-code";
import { audit } from "~/capabilities/privacy/audit.server";
import { NoticeRead, noteFormConsent } from "~/capabilities/privacy/consent.server";
import { can } from "~/capabilities/people/permissions";
import { addressedAs, findOrCreatePerson, givenWith, type GivenWithRequest, intakePerson, NewPersonInput, NOTHING_GIVEN, personForRequest } from "~/capabilities/people/persons.server";
import { LENDING_LOCATION_KINDS, OPEN_RESERVATION_STATUSES, type ReservationChannel, type ReservationStatus, WISHES_MAX } from "./values";
import { addEvent, isOpen, openWhere, releaseDevice, reservationFor, sendOnce } from "./reservations.server";

export const MOVE_REASON_MIN = 5;
export const MOVE_REASON_MAX = 500;

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
export const AskToBorrowInput = NewPersonInput.extend({ locationId: LocationChoice, wishes: Wishes, idempotencyKey: IdempotencyKey });

/** Staff adding someone during a call or at the desk: a known person by id, or the three fields of a new one. */
export const AddToWaitingListInput = z.object({
  personId: OptionalId,
  person: NewPersonInput.optional(),
  channel: z.enum(["phone", "walk_in"]).default("phone"),
  locationId: LocationChoice,
  wishes: Wishes,
  noticeRead: NoticeRead,
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

/** Place numbers 1, 2, 3 … of the open reservations at a location, in list order. */
async function openAt(ctx: Ctx, tx: Db | Tx, locationId: string) {
  return tx.reservation.findMany({
    where: { locationId, ...openWhere },
    orderBy: [{ position: "asc" }, { createdAt: "asc" }],
    select: { id: true, position: true },
  });
}

/** The place a citizen is told at joining, and again when they ask for their status. */
export async function placeOf(ctx: Ctx, tx: Db | Tx, reservation: { id: string; locationId: string }): Promise<number> {
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
  input: { channel: ReservationChannel; locationId: string; wishes?: string; idempotencyKey?: string; given: GivenWithRequest },
): Promise<JoinResult> {
  const location = await lendingLocation(ctx, tx, input.locationId);
  const now = ctx.clock.now();
  const params = (reference: string, to: { firstName: string }) => ({
    firstName: to.firstName,
    reference,
    spelled: spelledOut(reference),
    location: location.name,
  });

  const existing = await tx.reservation.findFirst({ where: { personId: person.id, locationId: location.id, ...openWhere } });
  if (existing) {
    // Already on the list: nothing new. Their reference again, at most once a day, so repeated submits do not flood.
    const to = addressedAs(person, existing);
    await sendOnce(ctx, tx, {
      to,
      template: "reservationJoined",
      params: params(existing.reference, to),
      timeZone: location.timeZone,
      idempotencyKey: `reservation-resent:${existing.id}:${localDay(now, location.timeZone)}`,
    });
    return { created: false, reservationId: existing.id, reference: existing.reference, place: await placeOf(ctx, tx, existing) };
  }

  const last = await tx.reservation.aggregate({ where: { locationId: location.id }, _max: { position: true } });
  const reservation = await tx.reservation.create({
    data: {
      reference: await uniqueReference(tx),
      personId: person.id,
      ...input.given,
      locationId: location.id,
      channel: input.channel,
      wishes: input.wishes ?? null,
      position: (last._max.position ?? 0) + 1,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
    },
  });
  await addEvent(ctx, tx, reservation.id, { kind: "joined", data: { channel: input.channel } });
  const to = addressedAs(person, reservation);
  await sendOnce(ctx, tx, {
    to,
    template: "reservationJoined",
    params: params(reservation.reference, to),
    timeZone: location.timeZone,
    idempotencyKey: `reservation-joined:${reservation.id}`,
  });
  return { created: true, reservationId: reservation.id, reference: reservation.reference, place: await placeOf(ctx, tx, reservation) };
}

/**
 * Someone asks to borrow a tablet: from the public site (citizen, web) or through staff during a call or at the
 * desk. A person already waiting at that place gets no second place; the answer says so only to staff.
 * The public form sent again (a double press) answers with its first place and sends nothing: the place keeps the
 * form's key under a unique index, so the loser of two parallel sends runs again and finds it.
 */
export async function askToBorrow(
  ctx: Ctx,
  input: z.output<typeof AskToBorrowInput> | z.output<typeof AddToWaitingListInput>,
): Promise<JoinResult> {
  if (ctx.actor.kind === "staff" && !can(ctx.actor, "waitlist:manage", input.locationId)) throw forbidden("waitlist:manage");
  const idempotencyKey = "idempotencyKey" in input ? input.idempotencyKey : undefined;
  return retryingOnRace(() => ctx.db.$transaction(async (tx) => {
    if (idempotencyKey) {
      const earlier = await tx.reservation.findUnique({ where: { idempotencyKey } });
      if (earlier) return { created: false, reservationId: earlier.id, reference: earlier.reference, place: await placeOf(ctx, tx, earlier) };
    }
    let person;
    let channel: ReservationChannel;
    let given = NOTHING_GIVEN;
    if ("channel" in input) {
      if (ctx.actor.kind !== "staff") throw forbidden("waitlist:manage");
      person = await intakePerson({ ...ctx, actor: ctx.actor }, tx, input, "waitlist:errors.personMissing");
      if (!input.personId && input.person) given = givenWith(person, input.person);
      channel = input.channel;
    } else {
      ({ person, given } = await personForRequest(ctx, tx, input));
      channel = ctx.actor.kind === "staff" ? "phone" : "web";
      await noteFormConsent(ctx, tx, person.id, undefined);
    }
    // What the person said with the request is kept on the place and used in its messages (decision 027).
    const result = await join(ctx, tx, person, { channel, locationId: input.locationId, wishes: input.wishes, idempotencyKey, given });
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
  }));
}

/** A coordinator moves someone: to the top, or after another person. The reason stays in the history. */
/** Only coordinators move people on the list; asked before the form is read, so a refused move is a 403. */
export function requireReorder(ctx: StaffCtx) {
  if (!can(ctx.actor, "waitlist:reorder")) throw forbidden("waitlist:reorder");
}

export async function moveOnWaitingList(ctx: StaffCtx, reservationId: string, input: z.output<typeof MoveInput>) {
  requireReorder(ctx);
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
