// Callbacks that really happen: a person asks to be called in one or more time windows; the earliest free slot in
// some helper's callback hours inside those windows is theirs. A slot is held by a unique slotKey
// "<staffId>|<start ISO>", so two callbacks never get the same helper at the same time. What staff do with a
// callback (attempts, moving, cancelling) is in callback-attempts.server.ts, their lists in callback-lists.server.ts.
// Every message to the person goes through the outbox in the same transaction, outside quiet hours.
import { z } from "zod";
import type { Ctx, Tx } from "~/context";
import { AppError, forbidden } from "~/lib/errors";
import type { Urgency } from "~/capabilities/messaging/messenger.server";
import { spelledOut, uniqueReference } from "~/lib/reference-code";
import { IdempotencyKey, retryingOnRace } from "~/lib/idempotency";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { audit } from "~/capabilities/privacy/audit.server";
import { NoticeRead, noteConsent } from "~/capabilities/privacy/consent.server";
import { can } from "~/capabilities/people/permissions";
import { addressedAs, type GivenWithRequest, NewPersonInput, NOTHING_GIVEN, personForRequest } from "~/capabilities/people/persons.server";
import { localDay } from "./availability.server";
import { formatSlot } from "./appointments.server";
import { generateSlots } from "./slots";
import type { CallbackChannel, CallbackStatus } from "./values";
import { atLocal, CALLBACK_LEAD_MINUTES, type Window } from "./callback-windows.server";
import { CalendarDay, isInstant } from "~/lib/calendar-input";

export const TOPIC_MAX = 80;
export const CONCERN_MAX = 300;
const MAX_WINDOW_DAYS = 60;

// ---------------------------------------------------------------------------------------------------------
// Input

/** An optional text field: blank is none, too long is the given error. */
export const optionalText = (max: number, key: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().max(max, { error: `callbacks:errors.${key}` }).optional(),
  );
const OptionalId = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().optional());

const WindowValue = z
  .string()
  .refine((v) => v.split("/").length === 2 && v.split("/").every(isInstant), { error: "callbacks:errors.windowRequired" })
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
  noticeRead: NoticeRead,
  locationId: OptionalId,
  topic: optionalText(TOPIC_MAX, "topicTooLong"),
  concern: optionalText(CONCERN_MAX, "concernTooLong"),
  windows: WindowList,
  idempotencyKey: IdempotencyKey,
});

/** The citizen's form: who, how to reach them, and at least one window. */
export const RequestCallbackInput = CallbackFields.extend({
  windows: z.preprocess(
    (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(WindowValue).min(1, { error: "callbacks:errors.windowRequired" }).max(40, { error: "callbacks:errors.windowRequired" }),
  ),
});

const Day = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), CalendarDay("callbacks:errors.customDayInvalid").optional());
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
export async function scheduleCallback(ctx: Ctx, tx: Tx, callbackId: string, where: { locationId: string | null; windows: Window[]; notBefore: Date }) {
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

// ---------------------------------------------------------------------------------------------------------
// Requests

const confirmationKey = (callbackId: string) => `callback-requested:${callbackId}`;

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
    /** A ticket's callback carries the ticket's reference: the one the person was given (decision 027). */
    reference?: string;
    /** What the person said with the request, where their stored record says otherwise (persons.server.ts). */
    given?: GivenWithRequest;
    idempotencyKey?: string;
    /** "reply": the confirmation answers an SMS the person just sent (HILFE), so it leaves at once, also at night. */
    urgency?: Urgency;
    /** false: the caller tells the person itself (a ticket's confirmation names the call: one message, not two). */
    confirm?: boolean;
  },
) {
  const now = ctx.clock.now();
  const location = input.locationId ? await tx.location.findUnique({ where: { id: input.locationId } }) : null;
  const timeZone = location?.timeZone ?? PROGRAMME_TIME_ZONE;
  const person = addressedAs(await tx.person.findUniqueOrThrow({ where: { id: input.personId } }), input.given ?? NOTHING_GIVEN);
  const callback = await tx.callback.create({
    data: {
      reference: input.reference ?? (await uniqueReference(tx)),
      ...input.given,
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
  const slot = await scheduleCallback(ctx, tx, callback.id, {
    locationId: location?.id ?? null,
    windows: input.windows,
    notBefore: new Date(now.getTime() + CALLBACK_LEAD_MINUTES * 60_000),
  });
  const when = slot ? formatSlot(slot.startsAt, person.language, timeZone) : null;
  const confirmation =
    input.confirm === false
      ? null
      : await ctx.messenger.send(tx, {
          to: person,
          template: when ? "callbackScheduled" : "callbackReceived",
          params: { firstName: person.firstName, reference: callback.reference, spelled: spelledOut(callback.reference), ...(when ? { when } : {}) },
          timeZone,
          urgency: input.urgency,
          // Asked for in the voice menu: an answer to a call, which a caller could repeat at will (decision 025).
          answers: input.channel === "voice" ? "call" : undefined,
          idempotencyKey: confirmationKey(callback.id),
        });
  if (ctx.actor.kind === "staff") {
    await audit(ctx, tx, { action: "callback.requested", subjectType: "Callback", subjectId: callback.id, locationId: location?.id ?? null });
  }
  /**
   * `when`: the planned call in the person's language and the place's time, for a message that names it;
   * `confirmed`: a confirmation was queued (not when the caller tells the person, nor over the reply budget).
   */
  return { id: callback.id, reference: callback.reference, scheduledAt: slot?.startsAt ?? null, timeZone, when, confirmed: confirmation !== null };
}

/** A callback still to be made: asking again (SMS HILFE, the voice menu) gets this one, not another. */
const OPEN_CALLBACK = ["scheduled", "unscheduled"] satisfies CallbackStatus[];

/** The person's open callback, newest first — the one home of "is a call already promised to them?". */
export async function openCallbackOf(ctx: Ctx, tx: Tx, personId: string) {
  return tx.callback.findFirst({
    where: { personId, status: { in: OPEN_CALLBACK } },
    orderBy: { createdAt: "desc" },
    select: { id: true, reference: true, scheduledAt: true, location: { select: { timeZone: true } } },
  });
}

/**
 * A person asks to be called back (web, phone, SMS, voice, or staff intake). Returns the reference and, when a
 * helper's slot fits one of the windows, the time of the call. Replaying the same form creates nothing twice: the
 * loser of two parallel sends fails on the unique key, runs again and finds the winner's callback (`replayed`).
 * `reuseOpen`: a person who already has an open callback gets that one back (`reused`), nothing new and no message.
 */
export async function requestCallback(ctx: Ctx, input: CallbackRequest, options: { reuseOpen?: boolean } = {}) {
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
            confirmed: Boolean(await tx.message.findUnique({ where: { idempotencyKey: confirmationKey(earlier.id) }, select: { id: true } })),
            replayed: true,
            reused: false,
          };
        }
      }
      if (options.reuseOpen) {
        const known = await tx.person.findUnique({ where: { phone: input.phone.e164 }, select: { id: true } });
        const open = known ? await openCallbackOf(ctx, tx, known.id) : null;
        if (open) {
          const timeZone = open.location?.timeZone ?? PROGRAMME_TIME_ZONE;
          return { id: open.id, reference: open.reference, scheduledAt: open.scheduledAt, timeZone, confirmed: false, replayed: false, reused: true };
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
      const { person, given } = await personForRequest(ctx, tx, input);
      // The web form shows the privacy notice; staff tick that they read it out (decision 033).
      if (input.channel === "web") await noteConsent(ctx, tx, person.id, "contact", "web");
      else if (input.channel === "staff" && input.noticeRead) await noteConsent(ctx, tx, person.id, "contact", "phone");
      const created = await createCallback(ctx, tx, {
        personId: person.id,
        given,
        locationId: input.locationId ?? null,
        windows,
        channel: input.channel,
        topic: input.topic,
        concern: input.concern,
        idempotencyKey: input.idempotencyKey,
      });
      return { ...created, replayed: false, reused: false };
    }),
  );
}
