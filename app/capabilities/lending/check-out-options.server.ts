// What the steps of check-out offer before the loan is made: the devices that can go to a borrower, the device
// chosen (refused early by the one lendability check), its place's mentors and topics, and a waiting-list offer
// to lend straight from.
import type { StaffCtx } from "~/context";
import { forbidden, notFound } from "~/lib/errors";
import { can, locationScope } from "~/capabilities/people/permissions";
import { HOLDING_RESERVATION_STATUSES, lendableTo } from "./lendability.server";
import { defaultDueOn } from "./loan-dates";
import { mentorsFor } from "./loan-check-out.server";
import { listTopics } from "./topics.server";

const atMyPlaces = (ctx: StaffCtx) => {
  const scope = locationScope(ctx.actor);
  return scope === "all" ? {} : { locationId: { in: [...scope] } };
};

/** Available devices where the actor works, and those held for this person (at most 200). */
export async function lendableDevices(ctx: StaffCtx, personId?: string) {
  return ctx.db.device.findMany({
    where: {
      ...atMyPlaces(ctx),
      OR: [
        { status: "available" },
        ...(personId
          ? [{ status: "reserved", reservations: { some: { personId, status: { in: [...HOLDING_RESERVATION_STATUSES] } } } }]
          : []),
      ],
    },
    include: { location: { select: { name: true } } },
    orderBy: [{ location: { name: "asc" } }, { assetTag: "asc" }],
    take: 200,
  });
}

/** The device by its id or typed/scanned tag — or why it cannot go to this person: unknown, elsewhere, not lendable. */
export async function chooseDevice(ctx: StaffCtx, input: { deviceId?: string; assetTag?: string }, personId?: string) {
  const device = input.assetTag
    ? await ctx.db.device.findFirst({ where: { assetTag: input.assetTag.toUpperCase().replace(/\s+/g, "") } })
    : await ctx.db.device.findUnique({ where: { id: input.deviceId } });
  if (!device) return { refusal: "loans:errors.deviceUnknown" };
  if (!can(ctx.actor, "loan:manage", device.locationId)) return { refusal: "loans:errors.deviceElsewhere" };
  const lendable = await lendableTo(ctx, ctx.db, device, personId);
  return lendable.lendable ? { device } : { refusal: lendable.refusal };
}

/** The last step's choices for a device: its place, the default due date there, the mentors there, the active topics. */
export async function checkOutOptions(ctx: StaffCtx, deviceId: string) {
  // The id comes back from the form: unknown is a 404, another place's device a 403 (not its place's mentors).
  const device = await ctx.db.device.findUnique({ where: { id: deviceId }, include: { location: true } });
  if (!device) throw notFound("device");
  if (!can(ctx.actor, "loan:manage", device.locationId)) throw forbidden("loan:manage");
  const [mentors, topics] = await Promise.all([mentorsFor(ctx, ctx.db, device.locationId), listTopics(ctx)]);
  return { device, dueOn: defaultDueOn(ctx, device.location), mentors, topics };
}

/** A waiting-list place whose offered device can be lent now (null when there is none), with its person. */
export async function reservationToLend(ctx: StaffCtx, reservationId: string) {
  const reservation = await ctx.db.reservation.findUnique({ where: { id: reservationId }, include: { person: true } });
  const holding = (HOLDING_RESERVATION_STATUSES as readonly string[]).includes(reservation?.status ?? "");
  if (!reservation || !reservation.offeredDeviceId || !holding) return null;
  if (!can(ctx.actor, "loan:manage", reservation.locationId)) throw forbidden("loan:manage");
  return { ...reservation, offeredDeviceId: reservation.offeredDeviceId };
}
