// Consultation hours at a place: weekly hours (a weekday) and one-off extra hours (a date), each with its slot
// length and its capacity split into online, phone and internal places; closures and holidays. Staff with
// schedule:manage at the place change them; every change is audit-logged. Changing hours never touches existing
// bookings: appointments keep their time and place (the page says so).
import { isCalendarDay } from "~/lib/calendar-input";
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";
import { capacityByPool } from "./slots";
import { SLOT_MINUTES } from "./values";

export const HOUR_KINDS = ["weekly", "oneOff"] as const;
export const MAX_CAPACITY = 20;

const TIME = /^([01]\d|2[0-3]):[0-5]\d$/;
const isDate = isCalendarDay;
const minutesOf = (time: string) => Number(time.slice(0, 2)) * 60 + Number(time.slice(3, 5));

const optionalDate = (key: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().refine(isDate, { error: key }).optional()
  );
const count = (requiredKey: string) =>
  z.coerce
    .number({ error: requiredKey })
    .int({ error: "hours:errors.wholeNumber" })
    .min(0, { error: "hours:errors.wholeNumber" })
    .max(MAX_CAPACITY, { error: "hours:errors.capacityTooLarge" });

export const HourInput = z
  .object({
    locationId: z
      .string({ error: "hours:errors.locationRequired" })
      .trim()
      .min(1, { error: "hours:errors.locationRequired" }),
    kind: z.enum(HOUR_KINDS, { error: "hours:errors.kindRequired" }).default("weekly"),
    weekday: z.preprocess((v) => (v === "" ? undefined : v), z.coerce.number().int().min(1).max(7).optional()),
    onDate: optionalDate("hours:errors.dateInvalid"),
    startTime: z
      .string({ error: "hours:errors.timeInvalid" })
      .trim()
      .regex(TIME, { error: "hours:errors.timeInvalid" }),
    endTime: z.string({ error: "hours:errors.timeInvalid" }).trim().regex(TIME, { error: "hours:errors.timeInvalid" }),
    slotMinutes: z.coerce
      .number({ error: "hours:errors.slotMinutesInvalid" })
      .refine((n) => (SLOT_MINUTES as readonly number[]).includes(n), { error: "hours:errors.slotMinutesInvalid" }),
    capacity: count("hours:errors.capacityRequired").min(1, { error: "hours:errors.capacityRequired" }),
    onlineCapacity: count("hours:errors.shareRequired").default(0),
    phoneCapacity: count("hours:errors.shareRequired").default(0),
    topics: z.preprocess(
      (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]),
      z.array(z.string().trim().min(1).max(60)).max(30)
    ),
    validFrom: optionalDate("hours:errors.dateInvalid"),
    validUntil: optionalDate("hours:errors.dateInvalid"),
    active: z.preprocess((v) => v === "on" || v === true || v === "true", z.boolean()).default(false),
  })
  .superRefine((value, ctx) => {
    if (value.kind === "weekly" && !value.weekday)
      ctx.addIssue({ code: "custom", path: ["weekday"], message: "hours:errors.weekdayRequired" });
    if (value.kind === "oneOff" && !value.onDate)
      ctx.addIssue({ code: "custom", path: ["onDate"], message: "hours:errors.dateRequired" });
    const start = minutesOf(value.startTime);
    const end = minutesOf(value.endTime);
    if (end <= start) ctx.addIssue({ code: "custom", path: ["endTime"], message: "hours:errors.endBeforeStart" });
    else if (start + value.slotMinutes > end)
      ctx.addIssue({ code: "custom", path: ["slotMinutes"], message: "hours:errors.slotDoesNotFit" });
    if (value.onlineCapacity + value.phoneCapacity > value.capacity) {
      ctx.addIssue({ code: "custom", path: ["onlineCapacity"], message: "hours:errors.sharesTooLarge" });
    }
    if (value.kind === "weekly" && value.validFrom && value.validUntil && value.validUntil < value.validFrom) {
      ctx.addIssue({ code: "custom", path: ["validUntil"], message: "hours:errors.untilBeforeFrom" });
    }
  });
export type HourValues = z.output<typeof HourInput>;

export const ClosureInput = z
  .object({
    locationId: z
      .string({ error: "hours:errors.locationRequired" })
      .trim()
      .min(1, { error: "hours:errors.locationRequired" }),
    startsOn: z
      .string({ error: "hours:errors.dateRequired" })
      .trim()
      .refine(isDate, { error: "hours:errors.dateInvalid" }),
    endsOn: optionalDate("hours:errors.dateInvalid"),
    reason: z.preprocess(
      (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
      z.string().trim().max(120, { error: "hours:errors.reasonTooLong" }).optional()
    ),
  })
  .superRefine((value, ctx) => {
    if (value.endsOn && value.endsOn < value.startsOn)
      ctx.addIssue({ code: "custom", path: ["endsOn"], message: "hours:errors.untilBeforeFrom" });
  });
export type ClosureValues = z.output<typeof ClosureInput>;

function requireManage(ctx: StaffCtx, locationId: string) {
  if (!can(ctx.actor, "schedule:manage", locationId)) throw forbidden("schedule:manage");
}

/** The place a form names: allowed to this staff member, and one that exists (not a foreign-key 500). */
async function requirePlace(ctx: StaffCtx, locationId: string) {
  requireManage(ctx, locationId);
  if (!(await ctx.db.location.findUnique({ where: { id: locationId }, select: { id: true } }))) {
    throw new AppError(400, "hours:errors.locationRequired");
  }
}

interface Span {
  id?: string;
  weekday: number | null;
  onDate: string | null;
  startTime: string;
  endTime: string;
  validFrom: string | null;
  validUntil: string | null;
}

function rangesMeet(a: Span, b: Span) {
  const from = [a.validFrom ?? "0000-00-00", b.validFrom ?? "0000-00-00"].sort()[1];
  const until = [a.validUntil ?? "9999-12-31", b.validUntil ?? "9999-12-31"].sort()[0];
  return from <= until;
}

/** Two hours of the same place that would run at the same time on the same day. */
function overlaps(a: Span, b: Span) {
  const sameDay = a.onDate ? a.onDate === b.onDate : a.weekday !== null && a.weekday === b.weekday && rangesMeet(a, b);
  return sameDay && minutesOf(a.startTime) < minutesOf(b.endTime) && minutesOf(b.startTime) < minutesOf(a.endTime);
}

async function refuseOverlap(ctx: Ctx, tx: Tx, locationId: string, span: Span) {
  const others = await tx.consultationHour.findMany({
    where: { locationId, active: true, ...(span.id ? { id: { not: span.id } } : {}) },
  });
  if (others.some((other) => overlaps(span, other))) throw new AppError(400, "hours:errors.overlap");
}

function row(input: HourValues) {
  const weekly = input.kind === "weekly";
  return {
    weekday: weekly ? input.weekday ?? null : null,
    onDate: weekly ? null : input.onDate ?? null,
    startTime: input.startTime,
    endTime: input.endTime,
    slotMinutes: input.slotMinutes,
    capacity: input.capacity,
    onlineCapacity: input.onlineCapacity,
    phoneCapacity: input.phoneCapacity,
    topics: JSON.stringify([...new Set(input.topics)]),
    validFrom: weekly ? input.validFrom ?? null : null,
    validUntil: weekly ? input.validUntil ?? null : null,
    active: input.active,
  };
}

export async function createHour(ctx: StaffCtx, input: HourValues) {
  await requirePlace(ctx, input.locationId);
  const data = row(input);
  return ctx.db.$transaction(async (tx) => {
    if (data.active) await refuseOverlap(ctx, tx, input.locationId, data);
    const hour = await tx.consultationHour.create({
      data: { ...data, locationId: input.locationId },
      select: { id: true },
    });
    await audit(ctx, tx, {
      action: "consultationHour.created",
      subjectType: "ConsultationHour",
      subjectId: hour.id,
      locationId: input.locationId,
      details: { kind: input.kind },
    });
    return hour;
  });
}

/** Changes an hour. Existing appointments keep their time and place; only new bookings follow the new rules. */
export async function updateHour(ctx: StaffCtx, hourId: string, input: HourValues) {
  const existing = await ctx.db.consultationHour.findUnique({
    where: { id: hourId },
    select: { id: true, locationId: true },
  });
  if (!existing) throw notFound("consultationHour");
  requireManage(ctx, existing.locationId);
  const data = row(input);
  return ctx.db.$transaction(async (tx) => {
    if (data.active) await refuseOverlap(ctx, tx, existing.locationId, { ...data, id: hourId });
    await tx.consultationHour.update({ where: { id: hourId }, data });
    await audit(ctx, tx, {
      action: "consultationHour.changed",
      subjectType: "ConsultationHour",
      subjectId: hourId,
      locationId: existing.locationId,
      details: { kind: input.kind, active: input.active },
    });
    return { id: hourId, locationId: existing.locationId };
  });
}

export async function setHourActive(ctx: StaffCtx, hourId: string, active: boolean) {
  const existing = await ctx.db.consultationHour.findUnique({ where: { id: hourId } });
  if (!existing) throw notFound("consultationHour");
  requireManage(ctx, existing.locationId);
  return ctx.db.$transaction(async (tx) => {
    if (active) await refuseOverlap(ctx, tx, existing.locationId, existing);
    await tx.consultationHour.update({ where: { id: hourId }, data: { active } });
    await audit(ctx, tx, {
      action: active ? "consultationHour.activated" : "consultationHour.deactivated",
      subjectType: "ConsultationHour",
      subjectId: hourId,
      locationId: existing.locationId,
    });
    return { id: hourId, locationId: existing.locationId };
  });
}

export async function addClosure(ctx: StaffCtx, input: ClosureValues) {
  await requirePlace(ctx, input.locationId);
  return ctx.db.$transaction(async (tx) => {
    const closure = await tx.closure.create({
      data: {
        locationId: input.locationId,
        startsOn: input.startsOn,
        endsOn: input.endsOn ?? input.startsOn,
        reason: input.reason ?? null,
      },
      select: { id: true },
    });
    await audit(ctx, tx, {
      action: "closure.added",
      subjectType: "Closure",
      subjectId: closure.id,
      locationId: input.locationId,
    });
    return closure;
  });
}

export async function removeClosure(ctx: StaffCtx, closureId: string) {
  const closure = await ctx.db.closure.findUnique({ where: { id: closureId }, select: { id: true, locationId: true } });
  if (!closure) throw notFound("closure");
  requireManage(ctx, closure.locationId);
  await ctx.db.$transaction(async (tx) => {
    await tx.closure.delete({ where: { id: closureId } });
    await audit(ctx, tx, {
      action: "closure.removed",
      subjectType: "Closure",
      subjectId: closureId,
      locationId: closure.locationId,
    });
  });
  return closure;
}

export async function getHour(ctx: StaffCtx, hourId: string) {
  const found = await ctx.db.consultationHour.findUnique({ where: { id: hourId }, include: { location: { select: { id: true, name: true } } } });
  if (!found) throw notFound("consultationHour");
  requireManage(ctx, found.locationId);
  const { location, ...hour } = found;
  return { hour: { ...hour, topics: JSON.parse(hour.topics) as string[] }, location };
}

/**
 * A place's weekly hours, one-off hours (from today on) and closures (not yet over). A one-off hour on a closed day
 * names its closure (`closedBy`): citizens never see it, so staff must be told.
 */
export async function hoursOf(ctx: StaffCtx, locationId: string, today: string) {
  requireManage(ctx, locationId);
  const [hours, closures] = await Promise.all([
    ctx.db.consultationHour.findMany({
      where: { locationId },
      orderBy: [{ weekday: "asc" }, { onDate: "asc" }, { startTime: "asc" }],
    }),
    ctx.db.closure.findMany({ where: { locationId, endsOn: { gte: today } }, orderBy: { startsOn: "asc" } }),
  ]);
  const withTopics = hours.map((h) => ({ ...h, topics: JSON.parse(h.topics) as string[], split: capacityByPool(h) }));
  type Closure = (typeof closures)[number];
  const closureOn = (day: string): Closure | null => closures.find((c) => c.startsOn <= day && day <= c.endsOn) ?? null;
  return {
    weekly: withTopics.filter((h) => h.weekday !== null).map((h) => ({ ...h, closedBy: null as Closure | null })),
    oneOff: withTopics
      .filter((h) => h.onDate !== null && h.onDate >= today)
      .map((h) => ({ ...h, closedBy: closureOn(h.onDate!) })),
    closures,
  };
}
