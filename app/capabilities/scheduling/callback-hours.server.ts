// Callback hours: the weekly times a staff member keeps free to call people back, at a place where they work.
// Staff declare their own; coordinators and admins can set them for anyone. No two hours of one person may overlap
// on a weekday (a person cannot make two calls at once). Every change is audit-logged.
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can, locationScope, type StaffActor } from "~/capabilities/people/permissions";

import { CALLBACK_SLOT_MINUTES } from "./callback-values";

export { CALLBACK_SLOT_MINUTES };

const Time = (key: string) =>
  z
    .string({ error: `callbacks:errors.${key}` })
    .trim()
    .regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `callbacks:errors.${key}` });

const OptionalId = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().optional());

export const CallbackHourInput = z
  .object({
    staffId: OptionalId,
    locationId: z.string({ error: "callbacks:errors.locationRequired" }).trim().min(1, { error: "callbacks:errors.locationRequired" }),
    weekday: z.coerce
      .number({ error: "callbacks:errors.weekdayRequired" })
      .int()
      .min(1, { error: "callbacks:errors.weekdayRequired" })
      .max(7, { error: "callbacks:errors.weekdayRequired" }),
    startTime: Time("startTimeInvalid"),
    endTime: Time("endTimeInvalid"),
    slotMinutes: z.coerce
      .number({ error: "callbacks:errors.slotMinutesInvalid" })
      .refine((m) => (CALLBACK_SLOT_MINUTES as readonly number[]).includes(m), { error: "callbacks:errors.slotMinutesInvalid" }),
  })
  .refine((h) => h.endTime > h.startTime, { error: "callbacks:errors.endBeforeStart", path: ["endTime"] });
export type CallbackHourValues = z.output<typeof CallbackHourInput>;

const programmeWide = (actor: StaffActor) => locationScope(actor) === "all";

/** Whose hours the actor may change: their own (where they work), or anyone's for coordinators and admins. */
function mayEdit(actor: StaffActor, staffId: string, locationId: string) {
  if (staffId !== actor.staffId && !programmeWide(actor)) return false;
  return can(actor, "callback:manage", locationId);
}

/** The hours shown on the page: the actor's own, or everyone's (in their scope) for coordinators and admins. */
export async function listCallbackHours(ctx: StaffCtx) {
  const scope = locationScope(ctx.actor);
  return ctx.db.callbackHour.findMany({
    where: {
      active: true,
      ...(programmeWide(ctx.actor) ? {} : { staffId: ctx.actor.staffId }),
      ...(scope === "all" ? {} : { locationId: { in: [...scope] } }),
    },
    include: { staff: { select: { id: true, name: true } }, location: { select: { id: true, name: true } } },
    orderBy: [{ weekday: "asc" }, { startTime: "asc" }],
  });
}

/** Staff who can be given callback hours by this actor (themselves, or everyone active for coordinators). */
export async function callbackStaffOptions(ctx: StaffCtx) {
  if (!programmeWide(ctx.actor)) return [{ id: ctx.actor.staffId, name: ctx.actor.name }];
  return ctx.db.staff.findMany({ where: { active: true }, select: { id: true, name: true }, orderBy: { name: "asc" } });
}

export async function addCallbackHour(ctx: StaffCtx, input: CallbackHourValues) {
  const staffId = input.staffId ?? ctx.actor.staffId;
  if (!mayEdit(ctx.actor, staffId, input.locationId)) throw forbidden("callback:manage");
  return ctx.db.$transaction(async (tx) => {
    const staff = await tx.staff.findFirst({ where: { id: staffId, active: true }, include: { memberships: true } });
    if (!staff) throw new AppError(400, "callbacks:errors.staffUnknown");
    const wide = staff.role === "admin" || staff.role === "coordinator";
    if (!wide && !staff.memberships.some((m) => m.locationId === input.locationId)) {
      throw new AppError(400, "callbacks:errors.staffNotAtLocation");
    }
    if (!(await tx.location.findUnique({ where: { id: input.locationId }, select: { id: true } }))) throw notFound("location");
    const overlapping = await tx.callbackHour.findFirst({
      where: { staffId, weekday: input.weekday, active: true, startTime: { lt: input.endTime }, endTime: { gt: input.startTime } },
      select: { id: true },
    });
    if (overlapping) throw new AppError(409, "callbacks:errors.hoursOverlap");
    const hour = await tx.callbackHour.create({
      data: {
        staffId,
        locationId: input.locationId,
        weekday: input.weekday,
        startTime: input.startTime,
        endTime: input.endTime,
        slotMinutes: input.slotMinutes,
        createdAt: ctx.clock.now(),
      },
    });
    await audit(ctx, tx, {
      action: "callbackHour.added",
      subjectType: "CallbackHour",
      subjectId: hour.id,
      locationId: input.locationId,
      details: { staffId, weekday: input.weekday, startTime: input.startTime, endTime: input.endTime },
    });
    return hour;
  });
}

/** Ends callback hours (already scheduled calls keep their time). */
export async function removeCallbackHour(ctx: StaffCtx, hourId: string) {
  return ctx.db.$transaction(async (tx) => {
    const hour = await tx.callbackHour.findUnique({ where: { id: hourId } });
    if (!hour || !hour.active) throw notFound("callbackHour");
    if (!mayEdit(ctx.actor, hour.staffId, hour.locationId)) throw forbidden("callback:manage");
    await tx.callbackHour.update({ where: { id: hourId }, data: { active: false } });
    await audit(ctx, tx, { action: "callbackHour.removed", subjectType: "CallbackHour", subjectId: hourId, locationId: hour.locationId });
  });
}
