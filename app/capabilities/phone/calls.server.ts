// Click-to-call: "Call now" on a callback or ticket rings the staff member's own phone from the programme number,
// then bridges to the citizen, who sees the programme number only. The outcome comes from the provider's status
// callbacks (or, with the built-in outbox provider, from the same events simulated on the staff page):
//   staff leg  initiated → ringing → in_progress (staff answered; answeredAt stays empty while the citizen rings)
//   citizen    answered → answeredAt set ("connected"); completed | busy | no_answer | failed | canceled → final
// Updates are monotonic and idempotent. A citizen who did not answer a callback records exactly one "no_answer"
// attempt (which plans the next one and tells the person); a call about a ticket lands on the ticket's timeline.
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import type { Db } from "~/db.server";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can, type StaffActor } from "~/capabilities/people/permissions";
import type { Role } from "~/capabilities/people/values";
import { recordAttemptIn } from "~/capabilities/scheduling/callback-attempts.server";
import { recordCallIn } from "~/capabilities/helpdesk/ticket-workflow.server";
import type { MessageProvider } from "~/capabilities/messaging/provider";
import type { CallStatus } from "./values";

export const FINAL_CALL_STATUSES: readonly CallStatus[] = ["completed", "busy", "no_answer", "failed", "canceled"];
/** The citizen leg ended without a conversation: for a callback this is a missed attempt. */
const NOT_ANSWERED: readonly CallStatus[] = ["busy", "no_answer", "failed"];

/** A call still ringing after this long never got its status callbacks: it no longer blocks a new call. */
const RINGING_STALE_MS = 5 * 60_000;
/** A conversation this old is taken as over even without a final status. */
const TALKING_STALE_MS = 4 * 3_600_000;

export const isFinal = (status: string) => FINAL_CALL_STATUSES.includes(status as CallStatus);

const RANK: Record<CallStatus, number> = { initiated: 0, ringing: 1, in_progress: 2, completed: 3, busy: 3, no_answer: 3, failed: 3, canceled: 3 };

// ---------------------------------------------------------------------------------------------------------
// Starting a call

export const StartCallInput = z.union([
  z.object({ callbackId: z.string().trim().min(1).max(40) }),
  z.object({ ticketId: z.string().trim().min(1).max(40) }),
]);
export type StartCallValues = z.output<typeof StartCallInput>;

/** Where-clause for calls that may still be ringing or talking. */
function activeWhere(now: Date) {
  return {
    OR: [
      { status: { in: ["initiated", "ringing"] }, createdAt: { gt: new Date(now.getTime() - RINGING_STALE_MS) } },
      { status: "in_progress", createdAt: { gt: new Date(now.getTime() - TALKING_STALE_MS) } },
    ],
  };
}

/** The person to call and the place whose permissions apply, checked like the callback and ticket pages do. */
async function subjectForStaff(ctx: StaffCtx, tx: Tx, input: StartCallValues) {
  if ("callbackId" in input) {
    const callback = await tx.callback.findUnique({ where: { id: input.callbackId }, include: { person: true } });
    if (!callback) throw notFound("callback");
    if (!can(ctx.actor, "callback:manage", callback.locationId)) throw forbidden("callback:manage");
    if (callback.status !== "scheduled" && callback.status !== "unscheduled") throw new AppError(409, "calls:errors.callbackClosed");
    return { person: callback.person, locationId: callback.locationId, callbackId: callback.id, ticketId: null };
  }
  const ticket = await tx.ticket.findUnique({ where: { id: input.ticketId }, include: { person: true } });
  if (!ticket) throw notFound("ticket");
  if (!can(ctx.actor, "ticket:manage", ticket.locationId)) throw forbidden("ticket:manage");
  return { person: ticket.person, locationId: ticket.locationId, callbackId: null, ticketId: ticket.id };
}

/**
 * Rings the staff member's phone, then the citizen. The Call row is written first (so status callbacks always find
 * it), the provider is asked outside the transaction, and a refused request leaves the call "failed".
 */
export async function startCall(ctx: StaffCtx, input: StartCallValues, { provider, language }: { provider: MessageProvider; language: string }) {
  const now = ctx.clock.now();
  const prepared = await ctx.db.$transaction(async (tx) => {
    const subject = await subjectForStaff(ctx, tx, input);
    const staff = await tx.staff.findUnique({ where: { id: ctx.actor.staffId }, select: { phone: true } });
    if (!staff?.phone) throw new AppError(400, "calls:errors.noStaffPhone");
    const active = await tx.call.findFirst({ where: { staffId: ctx.actor.staffId, ...activeWhere(now) }, select: { id: true } });
    if (active) throw new AppError(409, "calls:errors.alreadyActive");
    const call = await tx.call.create({
      data: {
        staffId: ctx.actor.staffId,
        personId: subject.person.id,
        callbackId: subject.callbackId,
        ticketId: subject.ticketId,
        status: "initiated" satisfies CallStatus,
        provider: provider.name,
        createdAt: now,
      },
    });
    await audit(ctx, tx, {
      action: "call.started",
      subjectType: "Call",
      subjectId: call.id,
      locationId: subject.locationId,
      details: { for: subject.callbackId ? "callback" : "ticket", provider: provider.name },
    });
    return { call, staffPhone: staff.phone, citizenPhone: subject.person.phone };
  });

  try {
    const { providerId } = await provider.bridgeCall({
      callId: prepared.call.id,
      staffPhone: prepared.staffPhone,
      citizenPhone: prepared.citizenPhone,
      language,
    });
    await ctx.db.call.update({ where: { id: prepared.call.id }, data: { providerId } });
  } catch (error) {
    await ctx.db.call.update({ where: { id: prepared.call.id }, data: { status: "failed" satisfies CallStatus, endedAt: ctx.clock.now() } });
    // The provider's own message may quote a phone number: the log gets only its error code.
    const code = (error as { code?: unknown })?.code;
    throw new AppError(409, "calls:errors.providerFailed", { provider: provider.name, code: typeof code === "number" ? code : null });
  }
  return { id: prepared.call.id };
}

// ---------------------------------------------------------------------------------------------------------
// Status updates (webhooks and the outbox simulation)

export interface CallEvent {
  /** "staff": the call to the staff member's phone; "citizen": the bridged leg (<Dial>/<Number>). */
  leg: "staff" | "citizen";
  /** The provider's words: initiated, ringing, in-progress, answered, completed, busy, no-answer, failed, canceled. */
  status: string;
  /** Seconds of the leg, when the provider reports it (CallDuration / DialCallDuration). */
  durationSeconds?: number | null;
}

const PROVIDER_STATUS: Record<string, CallStatus> = {
  queued: "initiated",
  initiated: "initiated",
  ringing: "ringing",
  "in-progress": "in_progress",
  answered: "in_progress",
  completed: "completed",
  busy: "busy",
  "no-answer": "no_answer",
  failed: "failed",
  canceled: "canceled",
};

export const providerStatus = (status: string): CallStatus | null => PROVIDER_STATUS[status.trim().toLowerCase()] ?? null;

type CallRow = NonNullable<Awaited<ReturnType<Db["call"]["findUnique"]>>>;

interface Change {
  status?: CallStatus;
  answeredAt?: Date;
  endedAt?: Date;
  durationSeconds?: number;
}

const seconds = (from: Date, to: Date) => Math.max(0, Math.round((to.getTime() - from.getTime()) / 1000));

/** What an event changes on the call; empty when it is old news (monotonic, so replays change nothing). */
function changeFor(call: CallRow, event: CallEvent, now: Date): Change {
  const next = providerStatus(event.status);
  if (!next) return {};
  const current = call.status as CallStatus;
  const duration = event.durationSeconds != null && event.durationSeconds >= 0 ? Math.round(event.durationSeconds) : null;

  if (isFinal(current)) {
    // Only a missing duration may still arrive (the Dial action after the <Number> callback, or the other way).
    if (current === "completed" && call.durationSeconds == null && duration != null && next === "completed") return { durationSeconds: duration };
    return {};
  }

  if (event.leg === "staff") {
    if (next === "completed" || FINAL_CALL_STATUSES.includes(next)) {
      // The staff member's phone hung up: a conversation ended, or the citizen was never reached.
      if (call.answeredAt) return { status: "completed", endedAt: now, durationSeconds: seconds(call.answeredAt, now) };
      return { status: "canceled", endedAt: now };
    }
    return RANK[next] > RANK[current] ? { status: next } : {};
  }

  // Citizen leg.
  if (next === "in_progress") {
    return call.answeredAt ? {} : { status: "in_progress", answeredAt: now };
  }
  if (next === "completed") {
    const answeredAt = call.answeredAt ?? new Date(now.getTime() - (duration ?? 0) * 1000);
    return { status: "completed", answeredAt, endedAt: now, durationSeconds: duration ?? seconds(answeredAt, now) };
  }
  if (FINAL_CALL_STATUSES.includes(next)) {
    if (call.answeredAt) return { status: "completed", endedAt: now, durationSeconds: duration ?? seconds(call.answeredAt, now) };
    return { status: next, endedAt: now };
  }
  return {}; // initiated / ringing of the citizen leg: the staff member hears it themselves
}

async function actorFor(ctx: Ctx, tx: Tx, staffId: string): Promise<StaffActor | null> {
  const staff = await tx.staff.findUnique({ where: { id: staffId }, include: { memberships: { select: { locationId: true } } } });
  if (!staff) return null;
  return { kind: "staff", staffId: staff.id, name: staff.name, role: staff.role as Role, locationIds: staff.memberships.map((m) => m.locationId) };
}

export interface CallEventResult {
  found: boolean;
  changed: boolean;
  status: CallStatus | null;
  /** For a callback: a "no_answer" attempt was recorded by this event. */
  attemptRecorded: boolean;
  /** For a ticket: the call was added to its timeline by this event. */
  timelineRecorded: boolean;
  personFirstName: string | null;
}

/**
 * THE status update, for Twilio's status callbacks and the outbox simulation alike. The first event that makes the
 * call final also writes its consequence (a callback attempt, a ticket timeline entry) in the same transaction,
 * so a replayed callback records nothing twice.
 */
export async function applyCallEvent(ctx: Ctx, callId: string, event: CallEvent, options: { programmePhone?: string } = {}): Promise<CallEventResult> {
  return ctx.db.$transaction(async (tx) => {
    const call = await tx.call.findUnique({ where: { id: callId }, include: { person: { select: { firstName: true } } } });
    const none: CallEventResult = { found: false, changed: false, status: null, attemptRecorded: false, timelineRecorded: false, personFirstName: null };
    if (!call) return none;
    if (ctx.actor.kind === "staff" && ctx.actor.staffId !== call.staffId) throw forbidden("call");
    const now = ctx.clock.now();
    const change = changeFor(call, event, now);
    const result: CallEventResult = {
      ...none,
      found: true,
      status: (change.status ?? call.status) as CallStatus,
      personFirstName: call.person.firstName,
    };
    if (!Object.keys(change).length) return result;
    // Conditional on the state we read: of two concurrent deliveries of the same event only one moves the call.
    const moved = await tx.call.updateMany({ where: { id: call.id, status: call.status, answeredAt: call.answeredAt }, data: change });
    if (moved.count !== 1) return result;
    result.changed = true;

    const becameFinal = change.status && isFinal(change.status) && !isFinal(call.status);
    if (!becameFinal) return result;
    const actor = await actorFor(ctx, tx, call.staffId);
    if (!actor) return result;
    // The consequences are written in this transaction: one atomic step with the status change.
    const staffCtx = { ...ctx, actor };
    const finalStatus = change.status!;

    if (call.callbackId && NOT_ANSWERED.includes(finalStatus)) {
      const callback = await tx.callback.findUnique({ where: { id: call.callbackId }, select: { status: true, locationId: true } });
      // Staff may have recorded the attempt by hand meanwhile, or lost the right to: then nothing more to do.
      if (callback && (callback.status === "scheduled" || callback.status === "unscheduled") && can(actor, "callback:manage", callback.locationId)) {
        await recordAttemptIn(staffCtx, tx, call.callbackId, { outcome: "no_answer" }, options);
        result.attemptRecorded = true;
      }
    }
    if (call.ticketId && (finalStatus === "completed" || NOT_ANSWERED.includes(finalStatus))) {
      const ticket = await tx.ticket.findUnique({ where: { id: call.ticketId }, select: { locationId: true } });
      if (ticket && can(actor, "ticket:manage", ticket.locationId)) {
        await recordCallIn(staffCtx, tx, call.ticketId, { outcome: finalStatus === "completed" ? "reached" : "no_answer" });
        result.timelineRecorded = true;
      }
    }
    await audit({ actor, clock: ctx.clock }, tx, {
      action: "call.ended",
      subjectType: "Call",
      subjectId: call.id,
      details: { status: finalStatus, seconds: change.durationSeconds ?? null },
    });
    return result;
  });
}

// ---------------------------------------------------------------------------------------------------------
// Reading

/** For the bridge webhook: who to dial (the citizen's number goes into the TwiML body only) and whom to name. */
export async function callToBridge(ctx: Ctx, callId: string) {
  const call = await ctx.db.call.findUnique({ where: { id: callId }, include: { person: { select: { firstName: true, phone: true } } } });
  if (!call) return null;
  return { id: call.id, status: call.status as CallStatus, firstName: call.person.firstName, citizenPhone: call.person.phone };
}

/** The staff member's latest call on this callback or ticket, and whether they can start one. */
export async function callPanelState(ctx: StaffCtx, subject: { callbackId: string } | { ticketId: string }) {
  const now = ctx.clock.now();
  const [staff, latest, active] = await Promise.all([
    ctx.db.staff.findUnique({ where: { id: ctx.actor.staffId }, select: { phone: true } }),
    ctx.db.call.findFirst({ where: { staffId: ctx.actor.staffId, ...subject }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] }),
    ctx.db.call.findFirst({ where: { staffId: ctx.actor.staffId, ...activeWhere(now) }, select: { id: true, callbackId: true, ticketId: true } }),
  ]);
  return { hasPhone: Boolean(staff?.phone), latest, active };
}

/** What a call was about (its callback or ticket), to send the browser back to the page it was started from. */
export async function callSubjectOf(ctx: Pick<Ctx, "db">, callId: string) {
  return ctx.db.call.findUnique({ where: { id: callId }, select: { callbackId: true, ticketId: true } });
}

/**
 * Outbox training: the same status update the provider's webhook makes, for a call through the built-in outbox
 * provider only (a real call's state comes from Twilio). False when there is no such call to simulate.
 */
export async function simulateCallStatus(ctx: StaffCtx, callId: string, event: CallEvent, options: { programmePhone?: string } = {}) {
  const call = await ctx.db.call.findUnique({ where: { id: callId }, select: { provider: true } });
  if (!call || call.provider !== "outbox") return false;
  await applyCallEvent(ctx, callId, event, options);
  return true;
}
