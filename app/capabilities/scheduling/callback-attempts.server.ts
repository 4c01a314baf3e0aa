// What staff do with a callback: each try to reach the person (missed calls are rescheduled automatically; after
// the last failed attempt the coordinator gets a ticket), moving the call by hand, and cancelling it. Every
// message to the person goes through the outbox in the same transaction, outside quiet hours.
import { z } from "zod";
import type { StaffCtx, Tx } from "~/context";
import type { Db } from "~/db.server";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { formatPhone } from "~/lib/phone.server";
import { spelledOut } from "~/lib/reference-code";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { audit } from "~/capabilities/privacy/audit.server";
import type { Messenger } from "~/capabilities/messaging/messenger.server";
import { can } from "~/capabilities/people/permissions";
import { openTicketIn } from "~/capabilities/helpdesk/tickets.server";
import { formatSlot } from "./appointments.server";
import { CALL_OUTCOMES, type CallbackStatus, MAX_CALL_ATTEMPTS } from "./values";
import { atLocal, parseWindows } from "./callback-windows.server";
import { retryingOnRace } from "~/lib/idempotency";
import { optionalText, scheduleCallback } from "./callbacks.server";
import { LocalDateTime } from "~/lib/calendar-input";
import { addressedAs } from "~/capabilities/people/persons.server";

/** After a missed call, the next attempt is at least this much later. */
export const RETRY_GAP_MINUTES = 120;
/** When the person's windows are used up, a retry looks this many days ahead in the callback hours. */
const RETRY_HORIZON_DAYS = 7;

export const AttemptInput = z.object({
  outcome: z.enum(CALL_OUTCOMES, { error: "callbacks:errors.outcomeRequired" }),
  note: optionalText(500, "noteTooLong"),
  /** For "call again": when the person asked to be called (local "YYYY-MM-DDTHH:MM"), optional */
  callAgainAt: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    LocalDateTime("callbacks:errors.callAgainAtInvalid").optional(),
  ),
});
export type AttemptValues = z.output<typeof AttemptInput>;

const OPEN: readonly CallbackStatus[] = ["scheduled", "unscheduled"];

/** Loads a callback the actor may handle, or throws 404/403. */
export async function callbackForStaff(ctx: StaffCtx, tx: Tx | Db, callbackId: string) {
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
  // The call's messages greet and speak as the person asked with the request (decision 027).
  const person = addressedAs(callback.person, callback);

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
        timeZone,
        idempotencyKey: `callback-failed:${callbackId}`,
      });
    }
    await audited("failed");
    return { status: "failed" as const, scheduledAt: null, ticketId };
  }

  // Missed: the next attempt, inside their windows if possible, else in the next days' callback hours.
  const notBefore = askedFor ?? new Date(now.getTime() + RETRY_GAP_MINUTES * 60_000);
  const where = { locationId: callback.locationId };
  let slot = await scheduleCallback(ctx, tx, callbackId, { ...where, windows: parseWindows(callback.windows), notBefore });
  if (!slot) {
    const later = { from: notBefore, to: new Date(notBefore.getTime() + RETRY_HORIZON_DAYS * 86_400_000) };
    slot = await scheduleCallback(ctx, tx, callbackId, { ...where, windows: [later], notBefore });
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
    timeZone,
    idempotencyKey: `callback-missed:${callbackId}:${attemptCount}`,
  });
  await audited(slot ? "scheduled" : "unscheduled");
  return { status: slot ? ("scheduled" as const) : ("unscheduled" as const), scheduledAt: slot?.startsAt ?? null };
}

export const RescheduleInput = z.object({
  at: LocalDateTime("callbacks:errors.rescheduleAtInvalid"),
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
      const slot = await scheduleCallback(ctx, tx, callbackId, {
        locationId: callback.locationId,
        windows: [{ from, to: new Date(from.getTime() + RETRY_HORIZON_DAYS * 86_400_000) }],
        notBefore: from,
      });
      if (!slot) throw new AppError(409, "callbacks:errors.noSlotFound");
      const person = addressedAs(callback.person, callback);
      await ctx.messenger.send(tx, {
        to: person,
        template: "callbackScheduled",
        params: {
          firstName: person.firstName,
          reference: callback.reference,
          spelled: spelledOut(callback.reference),
          when: formatSlot(slot.startsAt, person.language, timeZone),
        },
        timeZone,
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
