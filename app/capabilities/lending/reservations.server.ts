// One place on the waiting list (a Reservation) and what every change to it is made of: loading it with its
// permission check, a history entry, a message sent once, and setting free the device an offer held.
import type { Ctx, StaffCtx, Tx } from "~/context";
import { forbidden, notFound } from "~/lib/errors";
import type { SendInput } from "~/capabilities/messaging/messenger.server";
import { can } from "~/capabilities/people/permissions";
import { moveDevice } from "./device-history.server";
import { OPEN_RESERVATION_STATUSES, type ReservationEventKind, type ReservationStatus } from "./values";

/** Still on the list (waiting or holding an offer). */
export const isOpen = (status: string) => OPEN_RESERVATION_STATUSES.includes(status as ReservationStatus);
export const openWhere = { status: { in: [...OPEN_RESERVATION_STATUSES] } };

/** Sends once per idempotency key: a second call with the same key (a repeated submit, a job run twice) does nothing. */
export async function sendOnce(ctx: Ctx, tx: Tx, input: SendInput & { idempotencyKey: string }) {
  if (await tx.message.findUnique({ where: { idempotencyKey: input.idempotencyKey }, select: { id: true } })) return;
  await ctx.messenger.send(tx, input);
}

/** The staff member acting, for history entries; none for citizens and jobs. */
const actorId = (ctx: Ctx) => (ctx.actor.kind === "staff" ? ctx.actor.staffId : null);

/** An entry in a waiting-list place's history. */
export async function addEvent(
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

/** Loads a reservation the actor may work on with `permission`, or throws 404/403. */
export async function reservationFor(ctx: StaffCtx, tx: Tx, id: string, permission: "waitlist:view" | "waitlist:manage" | "waitlist:reorder") {
  const reservation = await tx.reservation.findUnique({ where: { id } });
  if (!reservation) throw notFound("reservation");
  if (!can(ctx.actor, permission, reservation.locationId)) throw forbidden(permission);
  return reservation;
}

/** Frees a held device again, if it is still held (staff may have moved it meanwhile). */
export async function releaseDevice(ctx: Ctx, tx: Tx, deviceId: string | null, reservationId: string) {
  if (!deviceId) return;
  const device = await tx.device.findUnique({ where: { id: deviceId }, select: { status: true } });
  if (device?.status !== "reserved") return;
  await moveDevice(ctx, tx, deviceId, { from: ["reserved"], to: "available", kind: "status", data: { reservationId } });
}
