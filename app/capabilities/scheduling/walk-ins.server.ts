// The walk-in queue (Wartenummer): people who come without an appointment get the day's next number at the
// place, wait in arrival order, are called by number and first name, and leave helped or without help.
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";
import { parsePhone } from "~/lib/phone.server";
import { isUniqueViolation } from "~/lib/db-errors";
import { localDay } from "./availability.server";
import type { ContactPreference } from "~/capabilities/people/values";
import type { WalkInStatus } from "./values";

const Optional = (max: number, error: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, { error }).optional());

export const AddWalkInInput = z.object({
  locationId: z.string().trim().min(1),
  displayName: Optional(60, "common:errors.firstNameTooLong"),
  phone: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .trim()
      .max(40, { error: "common:errors.phoneInvalid" })
      .refine((v) => parsePhone(v) !== null, { error: "common:errors.phoneInvalid" })
      .optional(),
  ),
  concern: Optional(500, "scheduling:errors.concernTooLong"),
});

export const FinishWalkInInput = z.object({
  walkInId: z.string().trim().min(1),
  outcome: z.enum(["done", "left"]),
  outcomeNote: Optional(1000, "desk:errors.noteTooLong"),
  ticketId: Optional(100, "desk:errors.ticketUnknown"),
});

async function placeOf(ctx: StaffCtx, locationId: string) {
  if (!can(ctx.actor, "appointment:manage", locationId)) throw forbidden("appointment:manage");
  const location = await ctx.db.location.findUnique({ where: { id: locationId }, select: { id: true, name: true, timeZone: true } });
  if (!location) throw notFound("location");
  return location;
}

/** Adds someone to today's queue with the day's next number; two desks adding at once still get two numbers. */
export async function addWalkIn(ctx: StaffCtx, input: z.output<typeof AddWalkInInput>) {
  const location = await placeOf(ctx, input.locationId);
  const now = ctx.clock.now();
  const day = localDay(now, location.timeZone);
  const phone = input.phone ? parsePhone(input.phone) : null;
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.db.$transaction(async (tx) => {
        let person = phone ? await tx.person.findUnique({ where: { phone: phone.e164 } }) : null;
        if (!person && phone && input.displayName) {
          person = await tx.person.create({
            data: {
              firstName: input.displayName,
              phone: phone.e164,
              phoneType: phone.type,
              contactPreference: (phone.type === "landline" ? "voice" : "sms") satisfies ContactPreference,
            },
          });
        }
        const last = await tx.walkIn.findFirst({ where: { locationId: location.id, day }, orderBy: { number: "desc" }, select: { number: true } });
        const walkIn = await tx.walkIn.create({
          data: {
            locationId: location.id,
            day,
            number: (last?.number ?? 0) + 1,
            displayName: input.displayName ?? person?.firstName ?? "",
            personId: person?.id ?? null,
            concern: input.concern,
            arrivedAt: now,
          },
        });
        await audit(ctx, tx, { action: "walkIn.added", subjectType: "WalkIn", subjectId: walkIn.id, locationId: location.id });
        return walkIn;
      });
    } catch (error) {
      // Another desk took the same number between our read and our write: take the next one.
      if (isUniqueViolation(error) && attempt < 10) continue;
      throw error;
    }
  }
}

/** The first one waiting is called, with the caller as helper. 409 when nobody waits. */
export async function callNext(ctx: StaffCtx, locationId: string) {
  const location = await placeOf(ctx, locationId);
  const now = ctx.clock.now();
  const day = localDay(now, location.timeZone);
  for (;;) {
    const next = await ctx.db.walkIn.findFirst({
      where: { locationId, day, status: "waiting" satisfies WalkInStatus },
      orderBy: [{ arrivedAt: "asc" }, { number: "asc" }],
    });
    if (!next) throw new AppError(409, "desk:errors.queueEmpty");
    const called = await ctx.db.$transaction(async (tx) => {
      // Only if still waiting: a colleague pressing "call next" at the same time calls the one after.
      const { count } = await tx.walkIn.updateMany({
        where: { id: next.id, status: "waiting" satisfies WalkInStatus },
        data: { status: "called" satisfies WalkInStatus, calledAt: now, helperId: ctx.actor.staffId },
      });
      if (count) await audit(ctx, tx, { action: "walkIn.called", subjectType: "WalkIn", subjectId: next.id, locationId });
      return count;
    });
    if (called) return { ...next, status: "called", calledAt: now };
  }
}

/** Done (with a note, perhaps a ticket) or left without help. */
export async function finishWalkIn(ctx: StaffCtx, input: z.output<typeof FinishWalkInInput>) {
  const now = ctx.clock.now();
  const walkIn = await ctx.db.walkIn.findUnique({ where: { id: input.walkInId } });
  if (!walkIn) throw notFound("walkIn");
  await placeOf(ctx, walkIn.locationId);
  if (walkIn.status === "done" || walkIn.status === "left") throw new AppError(409, "desk:errors.walkInFinished");
  if (input.ticketId && !(await ctx.db.ticket.findFirst({ where: { id: input.ticketId, personId: walkIn.personId ?? "-" } }))) {
    throw new AppError(400, "desk:errors.ticketUnknown");
  }
  await ctx.db.$transaction(async (tx) => {
    await tx.walkIn.update({
      where: { id: walkIn.id },
      data: {
        status: input.outcome,
        finishedAt: now,
        calledAt: walkIn.calledAt ?? (input.outcome === "done" ? now : null),
        helperId: walkIn.helperId ?? (input.outcome === "done" ? ctx.actor.staffId : null),
        outcomeNote: input.outcomeNote ?? null,
        ticketId: input.ticketId ?? null,
      },
    });
    await audit(ctx, tx, { action: `walkIn.${input.outcome}`, subjectType: "WalkIn", subjectId: walkIn.id, locationId: walkIn.locationId });
  });
}

const minutesBetween = (a: Date, b: Date) => Math.max(0, Math.round((b.getTime() - a.getTime()) / 60_000));

/** Today's queue at a place: everyone in arrival order with their waiting time, the average wait, who is served. */
export async function walkInQueue(ctx: StaffCtx, locationId: string) {
  if (!can(ctx.actor, "schedule:view", locationId)) throw forbidden("schedule:view");
  const location = await ctx.db.location.findUnique({ where: { id: locationId }, select: { id: true, name: true, timeZone: true } });
  if (!location) throw notFound("location");
  const now = ctx.clock.now();
  const day = localDay(now, location.timeZone);
  const rows = await ctx.db.walkIn.findMany({
    where: { locationId, day },
    include: { helper: { select: { name: true } } },
    orderBy: [{ arrivedAt: "asc" }, { number: "asc" }],
  });
  const entries = rows.map((w) => ({
    id: w.id,
    number: w.number,
    displayName: w.displayName,
    concern: w.concern,
    status: w.status,
    personId: w.personId,
    helper: w.helper?.name ?? null,
    arrivedAt: w.arrivedAt,
    calledAt: w.calledAt,
    /** Waiting so far, or how long they waited until called. */
    waitedMinutes: minutesBetween(w.arrivedAt, w.calledAt ?? (w.status === "waiting" ? now : w.finishedAt ?? now)),
  }));
  const servedWaits = entries.filter((e) => e.calledAt).map((e) => e.waitedMinutes);
  const averageWait = servedWaits.length ? Math.round(servedWaits.reduce((a, b) => a + b, 0) / servedWaits.length) : null;
  const nowServing = [...entries].filter((e) => e.status === "called").sort((a, b) => b.calledAt!.getTime() - a.calledAt!.getTime())[0] ?? null;
  return { location, day, entries, averageWait, nowServing, waiting: entries.filter((e) => e.status === "waiting").length };
}
