// Callbacks that really happen: a person asks to be called in one or more time windows; the earliest free slot in
// some helper's callback hours inside those windows is theirs. A slot is held by a unique slotKey
// "<staffId>|<start ISO>", so two callbacks never get the same helper at the same time. Attempts are recorded;
// missed calls are rescheduled automatically, and after the last failed attempt the coordinator gets a ticket.
// Every message to the person goes through the outbox in the same transaction, outside quiet hours.
import { CalendarDateTime, parseDate, toZoned } from "@internationalized/date";
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import type { Db } from "~/db.server";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { formatPhone } from "~/lib/phone.server";
import { nextSendableTime } from "~/lib/quiet-hours";
import { spelledOut, uniqueReference } from "~/lib/reference-code";
import { isUniqueViolation } from "~/lib/db-errors";
import { personName } from "~/lib/person-name";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { audit } from "~/capabilities/privacy/audit.server";
import type { Messenger } from "~/capabilities/messaging/messenger.server";
import { can, locationScope } from "~/capabilities/people/permissions";
import { findOrCreatePerson, NewPersonInput } from "~/capabilities/people/persons.server";
import { openTicketIn } from "~/capabilities/helpdesk/tickets.server";
import { localDay } from "./availability.server";
import { formatSlot } from "./appointments.server";
import { generateSlots, isoWeekday } from "./slots";
import { CALL_OUTCOMES, type CallbackChannel, type CallbackStatus, MAX_CALL_ATTEMPTS } from "./values";

/** A callback is never scheduled sooner than this from now. */
export const CALLBACK_LEAD_MINUTES = 15;
/** After a missed call, the next attempt is at least this much later. */
export const RETRY_GAP_MINUTES = 120;
/** Citizens choose windows in this many working days ahead. */
export const WINDOW_WORKING_DAYS = 7;
/** When the person's windows are used up, a retry looks this many days ahead in the callback hours. */
const RETRY_HORIZON_DAYS = 7;
export const TOPIC_MAX = 80;
export const CONCERN_MAX = 300;
const MAX_WINDOW_DAYS = 60;

/** The two windows a citizen can tick per working day: morning and afternoon, local time. */
export const WINDOW_PARTS = { morning: ["09:00", "12:00"], afternoon: ["14:00", "17:00"] } as const;
export type WindowPart = keyof typeof WINDOW_PARTS;

export interface Window {
  from: Date;
  to: Date;
}

const atLocal = (day: string, time: string, timeZone: string) => {
  const d = parseDate(day);
  const [h, m] = time.split(":").map(Number);
  return toZoned(new CalendarDateTime(d.year, d.month, d.day, h, m), timeZone).toDate();
};

export const windowValue = (w: Window) => `${w.from.toISOString()}/${w.to.toISOString()}`;

/** Working days (Mon–Fri) from today on, `count` of them, as local days. */
export function workingDays(now: Date, timeZone: string, count: number): string[] {
  const days: string[] = [];
  for (let date = parseDate(localDay(now, timeZone)); days.length < count; date = date.add({ days: 1 })) {
    if (isoWeekday(date) <= 5) days.push(date.toString());
  }
  return days;
}

/** The windows a citizen can choose from, grouped by day; windows already (nearly) over are left out. */
export function windowChoices(now: Date, timeZone = PROGRAMME_TIME_ZONE, count = WINDOW_WORKING_DAYS) {
  const earliest = now.getTime() + CALLBACK_LEAD_MINUTES * 60_000;
  return workingDays(now, timeZone, count + 1)
    .map((day) => ({
      day,
      windows: (Object.keys(WINDOW_PARTS) as WindowPart[])
        .map((part) => {
          const [from, to] = WINDOW_PARTS[part];
          const window = { from: atLocal(day, from, timeZone), to: atLocal(day, to, timeZone) };
          return { part, value: windowValue(window), ...window };
        })
        .filter((w) => w.to.getTime() > earliest),
    }))
    .filter((d) => d.windows.length > 0)
    .slice(0, count);
}

/** "The next 2 working days, any time in callback hours": the default when a problem report asks for a call. */
export function defaultWindows(now: Date, timeZone = PROGRAMME_TIME_ZONE): Window[] {
  const days = workingDays(now, timeZone, 3);
  const start = days[0] === localDay(now, timeZone) ? days : days.slice(0, 2);
  return start.map((day) => ({ from: atLocal(day, "00:00", timeZone), to: atLocal(parseDate(day).add({ days: 1 }).toString(), "00:00", timeZone) }));
}

// ---------------------------------------------------------------------------------------------------------
// Input

const optionalText = (max: number, key: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(max, { error: `callbacks:errors.${key}` }).optional(),
  );
const OptionalId = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().optional());

const WindowValue = z
  .string()
  .regex(/^\d{4}-\d{2}-\d{2}T[\d:.]+Z\/\d{4}-\d{2}-\d{2}T[\d:.]+Z$/, { error: "callbacks:errors.windowRequired" })
  .transform((v) => {
    const [from, to] = v.split("/").map((s) => new Date(s));
    return { from, to };
  })
  .refine((w) => w.to > w.from, { error: "callbacks:errors.windowRequired" });

const WindowList = z.preprocess(
  (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
  z.array(WindowValue).max(40, { error: "callbacks:errors.windowRequired" }),
);

const CallbackFields = NewPersonInput.extend({
  locationId: OptionalId,
  topic: optionalText(TOPIC_MAX, "topicTooLong"),
  concern: optionalText(CONCERN_MAX, "concernTooLong"),
  windows: WindowList,
  idempotencyKey: z.string().trim().min(8).max(100).optional(),
});

/** The citizen's form: who, how to reach them, and at least one window. */
export const RequestCallbackInput = CallbackFields.extend({
  windows: z.preprocess(
    (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(WindowValue).min(1, { error: "callbacks:errors.windowRequired" }).max(40, { error: "callbacks:errors.windowRequired" }),
  ),
});

const Day = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().regex(/^\d{4}-\d{2}-\d{2}$/, { error: "callbacks:errors.customDayInvalid" }).optional());
const ClockTime = (key: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, { error: `callbacks:errors.${key}` }).optional());

/** Staff intake: the same, and a window they type in ("today 10:30–11:00") instead of or besides the choices. */
export const StaffCallbackInput = CallbackFields.extend({
  customDay: Day,
  customFrom: ClockTime("customFromInvalid"),
  customTo: ClockTime("customToInvalid"),
})
  .refine((v) => !(v.customDay || v.customFrom || v.customTo) || (v.customDay && v.customFrom && v.customTo), {
    error: "callbacks:errors.customIncomplete",
    path: ["customDay"],
  })
  .refine((v) => !(v.customFrom && v.customTo) || v.customTo > v.customFrom, { error: "callbacks:errors.customEndBeforeStart", path: ["customTo"] })
  .refine((v) => v.windows.length > 0 || Boolean(v.customDay), { error: "callbacks:errors.windowRequired", path: ["windows"] });

export type CallbackRequest = Omit<z.output<typeof CallbackFields>, "windows"> & {
  windows: Window[];
  custom?: { day: string; from: string; to: string };
  channel: CallbackChannel;
};

export function staffRequest(values: z.output<typeof StaffCallbackInput>): CallbackRequest {
  const { customDay, customFrom, customTo, ...rest } = values;
  return { ...rest, channel: "staff", custom: customDay && customFrom && customTo ? { day: customDay, from: customFrom, to: customTo } : undefined };
}

// ---------------------------------------------------------------------------------------------------------
// Finding a slot

export const slotKey = (staffId: string, startsAt: Date) => `${staffId}|${startsAt.toISOString()}`;

interface Candidate {
  staffId: string;
  startsAt: Date;
}

/** Every helper slot inside the windows from `notBefore` on, earliest first (at `locationId`, or anywhere). */
async function candidates(ctx: Ctx, tx: Tx, { locationId, windows, notBefore }: { locationId: string | null; windows: Window[]; notBefore: Date }) {
  const usable = windows.filter((w) => w.to > notBefore);
  if (!usable.length) return [];
  const from = new Date(Math.max(notBefore.getTime(), Math.min(...usable.map((w) => w.from.getTime()))));
  const to = new Date(Math.min(Math.max(...usable.map((w) => w.to.getTime())), from.getTime() + MAX_WINDOW_DAYS * 86_400_000));
  const hours = await tx.callbackHour.findMany({
    where: { active: true, staff: { active: true }, ...(locationId ? { locationId } : {}) },
    include: { location: { select: { timeZone: true } } },
  });
  // A place that is closed (holiday, staff outing) makes no calls either.
  const closures = await tx.closure.findMany({
    where: { locationId: { in: [...new Set(hours.map((h) => h.locationId))] }, endsOn: { gte: localDay(new Date(from.getTime() - 86_400_000), PROGRAMME_TIME_ZONE) } },
    select: { locationId: true, startsOn: true, endsOn: true },
  });
  const found: Candidate[] = [];
  for (const hour of hours) {
    const timeZone = hour.location.timeZone;
    const rule = { ...hour, onDate: null, capacity: 1, onlineCapacity: 0, phoneCapacity: 0, validFrom: null, validUntil: null };
    const closed = closures.filter((c) => c.locationId === hour.locationId);
    for (const slot of generateSlots([rule], closed, { fromDay: localDay(from, timeZone), toDay: localDay(to, timeZone), timeZone })) {
      if (slot.startsAt < notBefore) continue;
      if (usable.some((w) => slot.startsAt >= w.from && slot.endsAt <= w.to)) found.push({ staffId: hour.staffId, startsAt: slot.startsAt });
    }
  }
  return found.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.staffId.localeCompare(b.staffId));
}

/** Gives the callback the earliest free slot (or none: unscheduled). A race on the same slot surfaces as P2002. */
async function schedule(ctx: Ctx, tx: Tx, callbackId: string, where: { locationId: string | null; windows: Window[]; notBefore: Date }) {
  const options = await candidates(ctx, tx, where);
  if (options.length) {
    const taken = new Set(
      (await tx.callback.findMany({ where: { slotKey: { in: options.map((o) => slotKey(o.staffId, o.startsAt)) } }, select: { slotKey: true } })).map(
        (c) => c.slotKey,
      ),
    );
    const free = options.find((o) => !taken.has(slotKey(o.staffId, o.startsAt)));
    if (free) {
      await tx.callback.update({
        where: { id: callbackId },
        data: { status: "scheduled" satisfies CallbackStatus, scheduledAt: free.startsAt, assignedId: free.staffId, slotKey: slotKey(free.staffId, free.startsAt) },
      });
      return free;
    }
  }
  await tx.callback.update({ where: { id: callbackId }, data: { status: "unscheduled" satisfies CallbackStatus, scheduledAt: null, assignedId: null, slotKey: null } });
  return null;
}

/** Runs a scheduling transaction again when someone took the same slot in between (another process). */
async function retryingOnRace<T>(body: () => Promise<T>): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await body();
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 30) continue;
      throw error;
    }
  }
}

const parseWindows = (json: string): Window[] => {
  try {
    return (JSON.parse(json) as { from: string; to: string }[]).map((w) => ({ from: new Date(w.from), to: new Date(w.to) }));
  } catch {
    return [];
  }
};

// ---------------------------------------------------------------------------------------------------------
// Requests

/** Creates a callback and schedules it, inside the caller's transaction. Used by requests and the helpdesk. */
export async function createCallback(
  ctx: Ctx,
  tx: Tx,
  input: {
    personId: string;
    locationId: string | null;
    windows: Window[];
    channel: CallbackChannel;
    topic?: string;
    concern?: string;
    ticketId?: string;
    idempotencyKey?: string;
    /** When to send the confirmation; default: now, outside quiet hours. An SMS reply to someone who just wrote passes now. */
    confirmAt?: Date;
    /** false: the caller tells the person itself (a ticket's confirmation names the call: one message, not two). */
    confirm?: boolean;
  },
) {
  const now = ctx.clock.now();
  const location = input.locationId ? await tx.location.findUnique({ where: { id: input.locationId } }) : null;
  const timeZone = location?.timeZone ?? PROGRAMME_TIME_ZONE;
  const person = await tx.person.findUniqueOrThrow({ where: { id: input.personId } });
  const callback = await tx.callback.create({
    data: {
      reference: await uniqueReference(tx, "callback"),
      personId: person.id,
      locationId: location?.id ?? null,
      channel: input.channel,
      windows: JSON.stringify(input.windows.map((w) => ({ from: w.from.toISOString(), to: w.to.toISOString() }))),
      topic: input.topic,
      concern: input.concern,
      status: "unscheduled" satisfies CallbackStatus,
      ticketId: input.ticketId,
      idempotencyKey: input.idempotencyKey,
      createdAt: now,
    },
  });
  const slot = await schedule(ctx, tx, callback.id, {
    locationId: location?.id ?? null,
    windows: input.windows,
    notBefore: new Date(now.getTime() + CALLBACK_LEAD_MINUTES * 60_000),
  });
  const when = slot ? formatSlot(slot.startsAt, person.language, timeZone) : null;
  if (input.confirm !== false) {
    await ctx.messenger.send(tx, {
      to: person,
      template: when ? "callbackScheduled" : "callbackReceived",
      params: { firstName: person.firstName, reference: callback.reference, spelled: spelledOut(callback.reference), ...(when ? { when } : {}) },
      sendAfter: input.confirmAt ?? nextSendableTime(now, timeZone),
      idempotencyKey: `callback-requested:${callback.id}`,
    });
  }
  if (ctx.actor.kind === "staff") {
    await audit(ctx, tx, { action: "callback.requested", subjectType: "Callback", subjectId: callback.id, locationId: location?.id ?? null });
  }
  /** `when`: the planned call in the person's language and the place's time, for a message that names it. */
  return { id: callback.id, reference: callback.reference, scheduledAt: slot?.startsAt ?? null, timeZone, when };
}

/**
 * A person asks to be called back (web, phone, SMS, voice, or staff intake). Returns the reference and, when a
 * helper's slot fits one of the windows, the time of the call. Replaying the same form creates nothing twice.
 */
export async function requestCallback(ctx: Ctx, input: CallbackRequest) {
  if (ctx.actor.kind === "staff" && !can(ctx.actor, "callback:manage", input.locationId)) throw forbidden("callback:manage");
  return retryingOnRace(() =>
    ctx.db.$transaction(async (tx) => {
      if (input.idempotencyKey) {
        const earlier = await tx.callback.findUnique({ where: { idempotencyKey: input.idempotencyKey }, include: { location: true } });
        if (earlier) {
          return {
            id: earlier.id,
            reference: earlier.reference,
            scheduledAt: earlier.scheduledAt,
            timeZone: earlier.location?.timeZone ?? PROGRAMME_TIME_ZONE,
          };
        }
      }
      if (input.locationId && !(await tx.location.findUnique({ where: { id: input.locationId }, select: { id: true } }))) {
        throw new AppError(400, "callbacks:errors.locationUnknown");
      }
      const timeZone =
        (input.locationId && (await tx.location.findUnique({ where: { id: input.locationId }, select: { timeZone: true } }))?.timeZone) ||
        PROGRAMME_TIME_ZONE;
      const windows = [...input.windows];
      if (input.custom) windows.push({ from: atLocal(input.custom.day, input.custom.from, timeZone), to: atLocal(input.custom.day, input.custom.to, timeZone) });
      if (!windows.length) throw new AppError(400, "callbacks:errors.windowRequired");
      if (windows.every((w) => w.to <= ctx.clock.now())) throw new AppError(400, "callbacks:errors.windowInPast");
      const person = await findOrCreatePerson(ctx, tx, input);
      return createCallback(ctx, tx, {
        personId: person.id,
        locationId: input.locationId ?? null,
        windows,
        channel: input.channel,
        topic: input.topic,
        concern: input.concern,
        idempotencyKey: input.idempotencyKey,
      });
    }),
  );
}

// ---------------------------------------------------------------------------------------------------------
// Attempts

export const AttemptInput = z.object({
  outcome: z.enum(CALL_OUTCOMES, { error: "callbacks:errors.outcomeRequired" }),
  note: optionalText(500, "noteTooLong"),
  /** For "call again": when the person asked to be called (local "YYYY-MM-DDTHH:MM"), optional */
  callAgainAt: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "callbacks:errors.callAgainAtInvalid" }).optional(),
  ),
});
export type AttemptValues = z.output<typeof AttemptInput>;

const OPEN: readonly CallbackStatus[] = ["scheduled", "unscheduled"];

async function callbackForStaff(ctx: StaffCtx, tx: Tx | Db, callbackId: string) {
  const callback = await tx.callback.findUnique({ where: { id: callbackId }, include: { person: true, location: true } });
  if (!callback) throw notFound("callback");
  if (!can(ctx.actor, "callback:manage", callback.locationId)) throw forbidden("callback:manage");
  return callback;
}

/** A messenger that writes nothing: the coordinator's ticket is internal, the person gets their own message. */
const silent: Messenger = { send: async () => ({ id: "" }) };

/** Opens a high-priority ticket for the coordinators inside `tx`, with the attempt that made it necessary. */
async function tellCoordinator(ctx: StaffCtx, tx: Tx, callback: { personId: string; locationId: string | null; reference: string }, description: string) {
  const ticket = await openTicketIn(
    { ...ctx, messenger: silent },
    tx,
    {
      personId: callback.personId,
      channel: "staff",
      description,
      locationId: callback.locationId ?? undefined,
      priority: "high",
      assignToMe: false,
      callbackWanted: false,
    },
  );
  return ticket.id;
}

/**
 * One try to reach the person. reached → done; wrong number → failed at once (coordinator told); no answer or
 * "call again" → the next attempt is scheduled (at least 2 hours later, or when they asked) and the person is told,
 * until MAX_CALL_ATTEMPTS: then failed, a message with the number to call, and a ticket for the coordinator.
 */
export async function recordAttempt(ctx: StaffCtx, callbackId: string, input: AttemptValues, options: { programmePhone?: string } = {}) {
  return retryingOnRace(() => ctx.db.$transaction((tx) => recordAttemptIn(ctx, tx, callbackId, input, options)));
}

/** The attempt inside the caller's transaction: click-to-call records a missed call with the call's end. */
export async function recordAttemptIn(
  ctx: StaffCtx,
  tx: Tx,
  callbackId: string,
  input: AttemptValues,
  options: { programmePhone?: string } = {},
) {
  const callback = await callbackForStaff(ctx, tx, callbackId);
  if (!OPEN.includes(callback.status as CallbackStatus)) throw new AppError(409, "callbacks:errors.callbackClosed");
  const now = ctx.clock.now();
  const timeZone = callback.location?.timeZone ?? PROGRAMME_TIME_ZONE;
  const askedFor = input.outcome === "call_again" && input.callAgainAt ? atLocal(input.callAgainAt.slice(0, 10), input.callAgainAt.slice(11), timeZone) : null;
  if (askedFor && askedFor <= now) throw new AppError(400, "callbacks:errors.callAgainAtInPast");

  await tx.callbackAttempt.create({ data: { callbackId, at: now, staffId: ctx.actor.staffId, outcome: input.outcome, note: input.note } });
  const attemptCount = callback.attemptCount + 1;
  await tx.callback.update({ where: { id: callbackId }, data: { attemptCount, slotKey: null } });
  const audited = (status: CallbackStatus) =>
    audit(ctx, tx, {
      action: "callback.attempt",
      subjectType: "Callback",
      subjectId: callbackId,
      locationId: callback.locationId,
      details: { outcome: input.outcome, attempt: attemptCount, status },
    });
  const sendAfter = nextSendableTime(now, timeZone);
  const person = callback.person;

  if (input.outcome === "reached") {
    await tx.callback.update({ where: { id: callbackId }, data: { status: "done" satisfies CallbackStatus } });
    await audited("done");
    return { status: "done" as const, scheduledAt: null };
  }
  if (input.outcome === "wrong_number" || attemptCount >= MAX_CALL_ATTEMPTS) {
    const description =
      input.outcome === "wrong_number"
        ? `Callback ${callback.reference}: wrong number — fallback: letter or visit`
        : `Callback ${callback.reference} failed after ${attemptCount} attempts — fallback: letter or visit`;
    const ticketId = await tellCoordinator(ctx, tx, callback, description);
    await tx.callback.update({ where: { id: callbackId }, data: { status: "failed" satisfies CallbackStatus, ticketId: callback.ticketId ?? ticketId } });
    if (input.outcome !== "wrong_number") {
      await ctx.messenger.send(tx, {
        to: person,
        template: "callbackFailed",
        params: { firstName: person.firstName, reference: callback.reference, spelled: spelledOut(callback.reference), phone: formatPhone(callback.location?.phone ?? options.programmePhone ?? "") },
        sendAfter,
        idempotencyKey: `callback-failed:${callbackId}`,
      });
    }
    await audited("failed");
    return { status: "failed" as const, scheduledAt: null, ticketId };
  }

  // Missed: the next attempt, inside their windows if possible, else in the next days' callback hours.
  const notBefore = askedFor ?? new Date(now.getTime() + RETRY_GAP_MINUTES * 60_000);
  const where = { locationId: callback.locationId };
  let slot = await schedule(ctx, tx, callbackId, { ...where, windows: parseWindows(callback.windows), notBefore });
  if (!slot) {
    const later = { from: notBefore, to: new Date(notBefore.getTime() + RETRY_HORIZON_DAYS * 86_400_000) };
    slot = await schedule(ctx, tx, callbackId, { ...where, windows: [later], notBefore });
  }
  await ctx.messenger.send(tx, {
    to: person,
    template: slot ? "callbackMissed" : "callbackMissedNoTime",
    params: {
      firstName: person.firstName,
      reference: callback.reference,
      spelled: spelledOut(callback.reference),
      ...(slot ? { when: formatSlot(slot.startsAt, person.language, timeZone) } : {}),
    },
    sendAfter,
    idempotencyKey: `callback-missed:${callbackId}:${attemptCount}`,
  });
  await audited(slot ? "scheduled" : "unscheduled");
  return { status: slot ? ("scheduled" as const) : ("unscheduled" as const), scheduledAt: slot?.startsAt ?? null };
}

export const RescheduleInput = z.object({
  at: z
    .string({ error: "callbacks:errors.rescheduleAtInvalid" })
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, { error: "callbacks:errors.rescheduleAtInvalid" }),
});

/** Staff move a call by hand: the first free slot from the given local time on (the next days' callback hours). */
export async function rescheduleCallback(ctx: StaffCtx, callbackId: string, input: z.output<typeof RescheduleInput>) {
  return retryingOnRace(() =>
    ctx.db.$transaction(async (tx) => {
      const callback = await callbackForStaff(ctx, tx, callbackId);
      if (!OPEN.includes(callback.status as CallbackStatus)) throw new AppError(409, "callbacks:errors.callbackClosed");
      const timeZone = callback.location?.timeZone ?? PROGRAMME_TIME_ZONE;
      const from = atLocal(input.at.slice(0, 10), input.at.slice(11), timeZone);
      if (from <= ctx.clock.now()) throw new AppError(400, "callbacks:errors.rescheduleInPast");
      await tx.callback.update({ where: { id: callbackId }, data: { slotKey: null } });
      const slot = await schedule(ctx, tx, callbackId, {
        locationId: callback.locationId,
        windows: [{ from, to: new Date(from.getTime() + RETRY_HORIZON_DAYS * 86_400_000) }],
        notBefore: from,
      });
      if (!slot) throw new AppError(409, "callbacks:errors.noSlotFound");
      await ctx.messenger.send(tx, {
        to: callback.person,
        template: "callbackScheduled",
        params: {
          firstName: callback.person.firstName,
          reference: callback.reference,
          spelled: spelledOut(callback.reference),
          when: formatSlot(slot.startsAt, callback.person.language, timeZone),
        },
        sendAfter: nextSendableTime(ctx.clock.now(), timeZone),
      });
      await audit(ctx, tx, { action: "callback.rescheduled", subjectType: "Callback", subjectId: callbackId, locationId: callback.locationId });
      return slot;
    }),
  );
}

/** The call is no longer needed: its slot is freed. */
export async function cancelCallback(ctx: StaffCtx, callbackId: string) {
  return ctx.db.$transaction(async (tx) => {
    const callback = await callbackForStaff(ctx, tx, callbackId);
    if (!OPEN.includes(callback.status as CallbackStatus)) throw new AppError(409, "callbacks:errors.callbackClosed");
    await tx.callback.update({ where: { id: callbackId }, data: { status: "cancelled" satisfies CallbackStatus, slotKey: null } });
    await audit(ctx, tx, { action: "callback.cancelled", subjectType: "Callback", subjectId: callbackId, locationId: callback.locationId });
  });
}

// ---------------------------------------------------------------------------------------------------------
// Queries

const listInclude = { person: true, location: { select: { name: true, timeZone: true } } } as const;

/**
 * What to call now: my scheduled callbacks whose time has come, the rest of mine today, and — for coordinators
 * and admins — the ones that need a person (unscheduled) and the failed ones.
 */
export async function callbacksDueNow(ctx: StaffCtx, { locationId }: { locationId?: string } = {}) {
  const now = ctx.clock.now();
  const scope = locationScope(ctx.actor);
  const where = locationId ? { locationId } : scope === "all" ? {} : { OR: [{ locationId: { in: [...scope] } }, { locationId: null }] };
  const endOfDay = atLocal(parseDate(localDay(now, PROGRAMME_TIME_ZONE)).add({ days: 1 }).toString(), "00:00", PROGRAMME_TIME_ZONE);
  const mine = await ctx.db.callback.findMany({
    where: { ...where, status: "scheduled" satisfies CallbackStatus, assignedId: ctx.actor.staffId, scheduledAt: { lt: endOfDay } },
    include: listInclude,
    orderBy: { scheduledAt: "asc" },
  });
  const coordinator = scope === "all";
  const [unscheduled, failed] = coordinator
    ? await Promise.all([
        ctx.db.callback.findMany({ where: { ...where, status: "unscheduled" satisfies CallbackStatus }, include: listInclude, orderBy: { createdAt: "asc" }, take: 100 }),
        ctx.db.callback.findMany({
          where: { ...where, status: "failed" satisfies CallbackStatus, updatedAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } },
          include: listInclude,
          orderBy: { updatedAt: "desc" },
          take: 100,
        }),
      ])
    : [[], []];
  const row = (c: (typeof mine)[number]) => ({
    id: c.id,
    reference: c.reference,
    status: c.status,
    scheduledAt: c.scheduledAt,
    person: personName(c.person),
    phone: c.person.phone,
    topic: c.topic,
    attempts: c.attemptCount,
    location: c.location?.name ?? null,
  });
  return {
    dueNow: mine.filter((c) => c.scheduledAt! <= now).map(row),
    laterToday: mine.filter((c) => c.scheduledAt! > now).map(row),
    unscheduled: unscheduled.map(row),
    failed: failed.map(row),
    coordinator,
  };
}

/** One callback with its attempts, for the staff page. The view is audit-logged. */
export async function getCallback(ctx: StaffCtx, callbackId: string) {
  const callback = await callbackForStaff(ctx, ctx.db, callbackId);
  const [attempts, assigned] = await Promise.all([
    ctx.db.callbackAttempt.findMany({ where: { callbackId }, include: { staff: { select: { name: true } } }, orderBy: { at: "asc" } }),
    callback.assignedId ? ctx.db.staff.findUnique({ where: { id: callback.assignedId }, select: { name: true } }) : null,
  ]);
  await audit(ctx, ctx.db, { action: "callback.viewed", subjectType: "Callback", subjectId: callbackId, locationId: callback.locationId });
  return { callback, attempts, assigned, windows: parseWindows(callback.windows) };
}
