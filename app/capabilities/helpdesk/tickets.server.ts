// Tickets: intake from every channel (web report, staff, a citizen's message). The workflow that follows is in
// ticket-workflow.server.ts. Every change writes a timeline event, messages to the citizen go through the outbox in
// the same transaction, staff actions are audit-logged.
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import { AppError, forbidden } from "~/lib/errors";
import { spelledOut, uniqueReference } from "~/lib/reference-code";
import { isUniqueViolation } from "~/lib/db-errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { NoticeRead } from "~/capabilities/privacy/consent.server";
import { can } from "~/capabilities/people/permissions";
import { addressedAs, givenWith, type GivenWithRequest, intakePerson, NewPersonInput } from "~/capabilities/people/persons.server";
import type { Urgency } from "~/capabilities/messaging/messenger.server";
import {
  CHANNELS,
  DESCRIPTION_MAX,
  dueAtFor,
  PRIORITIES,
  type Priority,
  type TicketChannel,
  type TicketEventKind,
  type TicketStatus,
} from "./values";

export const Description = z
  .string({ error: "helpdesk:errors.descriptionRequired" })
  .trim()
  .min(1, { error: "helpdesk:errors.descriptionRequired" })
  .max(DESCRIPTION_MAX, { error: "helpdesk:errors.descriptionTooLong" });

/** An optional select: "" (nothing chosen) becomes undefined. */
export const OptionalId = z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().optional());

/** Staff taking a problem by phone, at the desk, or on their own initiative. */
export const OpenTicketInput = z.object({
  personId: OptionalId,
  person: NewPersonInput.optional(),
  channel: z.enum(CHANNELS.filter((c) => c !== "web") as ["phone", "sms", "walk_in", "staff"]),
  description: Description,
  categoryId: OptionalId,
  locationId: OptionalId,
  priority: z.enum(PRIORITIES).default("normal"),
  assignToMe: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(false),
  callbackWanted: z.preprocess((v) => v === "on" || v === true, z.boolean()).default(false),
  noticeRead: NoticeRead,
  /** From the form (one per form shown): an offline replay or a double click opens the ticket once. */
  idempotencyKey: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(100).optional()),
});

/** Plans the callback a person asked for with their ticket, in its transaction; `when` is null until someone is free. */
export type PlanCallback<C extends { when: string | null } = { when: string | null }> = (
  tx: Tx,
  ticket: { id: string; reference: string; personId: string; locationId: string | null } & GivenWithRequest,
) => Promise<C>;

export async function createTicket<C extends { when: string | null }>(
  ctx: Ctx,
  tx: Tx,
  data: {
    personId: string;
    channel: TicketChannel;
    description: string;
    categoryId?: string;
    locationId?: string;
    priority?: Priority;
    assigneeId?: string;
    callbackWanted: boolean;
    /** The citizen form's key (report.server.ts): unique, so the same form cannot open a second ticket. */
    idempotencyKey?: string;
  } & Partial<GivenWithRequest>,
  /** The confirmation message's key; a form's key makes a second attempt with the same form fail on it. */
  createdMessageKey?: string,
  /**
   * The person asked to be called back: plans the callback once the ticket exists (report.server.ts) and answers
   * when it is (null: not yet), so the one confirmation names both the reference and the call.
   */
  planCallback?: PlanCallback<C>,
  /** "reply": the ticket answers an SMS the person just sent, so its confirmation leaves at once, also at night. */
  urgency?: Urgency,
) {
  // Ids from a form: one no record has (or a retired category) is the sender's mistake, not a foreign-key 500.
  if (data.categoryId && !(await tx.ticketCategory.findFirst({ where: { id: data.categoryId, active: true } }))) {
    throw new AppError(400, "helpdesk:errors.categoryUnknown");
  }
  if (data.locationId && !(await tx.location.findUnique({ where: { id: data.locationId } }))) {
    throw new AppError(400, "helpdesk:errors.locationUnknown");
  }
  const now = ctx.clock.now();
  const ticket = await tx.ticket.create({
    data: {
      ...data,
      reference: await uniqueReference(tx),
      status: (data.assigneeId ? "open" : "new") satisfies TicketStatus,
      createdAt: now,
      lastActivityAt: now,
      dueAt: dueAtFor({ priority: data.priority ?? "normal", pendingUntil: null, lastActivityAt: now }),
    },
    include: { person: true, location: { select: { timeZone: true } } },
  });
  const callback = planCallback ? await planCallback(tx, ticket) : null;
  // The citizen gets the reference code through the outbox (and on screen / on paper), with the call when asked for.
  const to = addressedAs(ticket.person, ticket);
  const message = await ctx.messenger.send(tx, {
    to,
    template: callback ? (callback.when ? "ticketCreatedCallback" : "ticketCreatedCallbackLater") : "ticketCreated",
    params: {
      firstName: to.firstName,
      reference: ticket.reference,
      spelled: spelledOut(ticket.reference),
      ...(callback?.when ? { when: callback.when } : {}),
    },
    timeZone: ticket.location?.timeZone,
    urgency,
    idempotencyKey: createdMessageKey ?? `ticket-created:${ticket.id}`,
  });
  await tx.ticketEvent.create({
    data: {
      ticketId: ticket.id,
      at: now,
      kind: "created" satisfies TicketEventKind,
      public: true,
      actorId: ctx.actor.kind === "staff" ? ctx.actor.staffId : null,
      data: JSON.stringify({ channel: data.channel }),
      // None when the SMS that opened the ticket came over its number's reply budget: the ticket stands, unanswered.
      messageId: message?.id ?? null,
    },
  });
  /** `callback`: what planCallback planned (null without one). */
  return { ...ticket, callback };
}

/** A message from someone without an open ticket starts one; the message is its first timeline entry. */
export async function createTicketFromMessage(
  ctx: Ctx,
  tx: Tx,
  input: { personId: string; channel: "sms" | "phone"; body: string; messageId: string } & Partial<GivenWithRequest>,
) {
  // An SMS is answered at once with the reference; a voice message's caller heard our thanks in the call, and the
  // reference follows (by SMS or a call to their landline) once quiet hours are over.
  const ticket = await createTicket(
    ctx,
    tx,
    {
      personId: input.personId,
      channel: input.channel,
      description: input.body || "–",
      callbackWanted: false,
      givenName: input.givenName,
      givenLanguage: input.givenLanguage,
    },
    undefined,
    undefined,
    input.channel === "sms" ? "reply" : "normal",
  );
  await tx.ticketEvent.create({
    data: { ticketId: ticket.id, at: ctx.clock.now(), kind: "message_in" satisfies TicketEventKind, public: true, body: input.body, messageId: input.messageId },
  });
  return ticket;
}

/** The ticket a form (by its idempotency key) opened already: found through its confirmation message. */
async function ticketOpenedBy(ctx: StaffCtx, messageKey: string) {
  const message = await ctx.db.message.findUnique({ where: { idempotencyKey: messageKey }, select: { id: true } });
  if (!message) return null;
  const event = await ctx.db.ticketEvent.findFirst({
    where: { messageId: message.id, kind: "created" satisfies TicketEventKind },
    select: { ticket: { select: { id: true, reference: true, locationId: true } } },
  });
  if (!event) return null;
  if (!can(ctx.actor, "ticket:manage", event.ticket.locationId)) throw forbidden("ticket:manage");
  return { id: event.ticket.id, reference: event.ticket.reference };
}

/**
 * Staff open a ticket (phone intake, walk-in, or on their own). The same form sent twice opens one ticket.
 * `planCallback`: the callback a caller asked for, planned in the same transaction once the ticket exists (report.server.ts).
 */
export async function openTicket(
  ctx: StaffCtx,
  input: z.output<typeof OpenTicketInput>,
  planCallback?: PlanCallback,
) {
  if (!can(ctx.actor, "ticket:manage", input.locationId)) throw forbidden("ticket:manage");
  const messageKey = input.idempotencyKey ? `ticket-opened:${input.idempotencyKey}` : undefined;
  if (messageKey) {
    const replay = await ticketOpenedBy(ctx, messageKey);
    if (replay) return replay;
  }
  try {
    return await ctx.db.$transaction((tx) => openTicketIn(ctx, tx, input, { messageKey, planCallback }));
  } catch (error) {
    // Two sends of the same form at once: the second loses on the message's unique key and gets the first's ticket.
    if (messageKey && isUniqueViolation(error)) {
      const replay = await ticketOpenedBy(ctx, messageKey);
      if (replay) return replay;
    }
    throw error;
  }
}

/**
 * The ticket itself, inside the caller's transaction: for openTicket, and for a failed callback, which tells the
 * coordinators in the same transaction that records the attempt.
 */
export async function openTicketIn(
  ctx: StaffCtx,
  tx: Tx,
  input: z.output<typeof OpenTicketInput>,
  { messageKey, planCallback }: { messageKey?: string; planCallback?: PlanCallback } = {},
) {
  if (!can(ctx.actor, "ticket:manage", input.locationId)) throw forbidden("ticket:manage");
  const person = await intakePerson(ctx, tx, input, "helpdesk:errors.personMissing");
  const ticket = await createTicket(
    ctx,
    tx,
    {
      personId: person.id,
      channel: input.channel,
      description: input.description,
      categoryId: input.categoryId,
      locationId: input.locationId,
      priority: input.priority,
      assigneeId: input.assignToMe ? ctx.actor.staffId : undefined,
      callbackWanted: input.callbackWanted,
      // A caller typed in whose number is stored under someone else: what they said is kept with the ticket.
      ...(input.personId ? {} : givenWith(person, input.person ?? {})),
    },
    messageKey,
    planCallback,
  );
  await audit(ctx, tx, { action: "ticket.opened", subjectType: "Ticket", subjectId: ticket.id, locationId: input.locationId });
  return { id: ticket.id, reference: ticket.reference };
}
