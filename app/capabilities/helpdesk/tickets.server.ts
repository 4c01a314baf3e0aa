// Tickets: intake from every channel and the workflow. Every change writes a timeline event, messages to the
// citizen go through the outbox in the same transaction, staff actions are audit-logged.
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { spelledOut, uniqueReference } from "~/lib/reference-code";
import { isUniqueViolation } from "~/lib/db-errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";
import { intakePerson, NewPersonInput } from "~/capabilities/people/persons.server";
import type { Urgency } from "~/capabilities/messaging/messenger.server";
import {
  CALL_OUTCOMES,
  canMoveTo,
  CHANNELS,
  DESCRIPTION_MAX,
  dueAtFor,
  PRIORITIES,
  type Priority,
  TICKET_STATUSES,
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
  /** From the form (one per form shown): an offline replay or a double click opens the ticket once. */
  idempotencyKey: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(100).optional()),
});

type TicketRow = NonNullable<Awaited<ReturnType<Tx["ticket"]["findUnique"]>>>;

/** Plans the callback a person asked for with their ticket, in its transaction; `when` is null until someone is free. */
export type PlanCallback<C extends { when: string | null } = { when: string | null }> = (
  tx: Tx,
  ticket: { id: string; personId: string; locationId: string | null },
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
  },
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
  const now = ctx.clock.now();
  const ticket = await tx.ticket.create({
    data: {
      ...data,
      reference: await uniqueReference(tx, "ticket"),
      status: (data.assigneeId ? "open" : "new") satisfies TicketStatus,
      createdAt: now,
      lastActivityAt: now,
      dueAt: dueAtFor({ priority: data.priority ?? "normal", pendingUntil: null, lastActivityAt: now }),
    },
    include: { person: true, location: { select: { timeZone: true } } },
  });
  const callback = planCallback ? await planCallback(tx, ticket) : null;
  // The citizen gets the reference code through the outbox (and on screen / on paper), with the call when asked for.
  const message = await ctx.messenger.send(tx, {
    to: ticket.person,
    template: callback ? (callback.when ? "ticketCreatedCallback" : "ticketCreatedCallbackLater") : "ticketCreated",
    params: {
      firstName: ticket.person.firstName,
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
      messageId: message.id,
    },
  });
  /** `callback`: what planCallback planned (null without one). */
  return { ...ticket, callback };
}

/** A message from someone without an open ticket starts one; the message is its first timeline entry. */
export async function createTicketFromMessage(
  ctx: Ctx,
  tx: Tx,
  input: { personId: string; channel: "sms" | "phone"; body: string; messageId: string },
) {
  // An SMS is answered at once with the reference; a voice message's caller heard our thanks in the call, and the
  // reference follows (by SMS or a call to their landline) once quiet hours are over.
  const ticket = await createTicket(
    ctx,
    tx,
    { personId: input.personId, channel: input.channel, description: input.body || "–", callbackWanted: false },
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
    },
    messageKey,
    planCallback,
  );
  await audit(ctx, tx, { action: "ticket.opened", subjectType: "Ticket", subjectId: ticket.id, locationId: input.locationId });
  return { id: ticket.id, reference: ticket.reference };
}

/** Loads a ticket the actor may work on, or throws 404/403. */
async function ticketForStaff(ctx: StaffCtx, tx: Tx, ticketId: string): Promise<TicketRow> {
  const ticket = await tx.ticket.findUnique({ where: { id: ticketId } });
  if (!ticket) throw notFound("ticket");
  if (!can(ctx.actor, "ticket:manage", ticket.locationId)) throw forbidden("ticket:manage");
  return ticket;
}

async function addEvent(
  ctx: StaffCtx,
  tx: Tx,
  ticket: TicketRow,
  event: { kind: TicketEventKind; public?: boolean; body?: string; data?: Record<string, unknown>; messageId?: string },
  changes: Record<string, unknown> = {},
) {
  const now = ctx.clock.now();
  await tx.ticketEvent.create({
    data: {
      ticketId: ticket.id,
      at: now,
      kind: event.kind,
      public: event.public ?? false,
      actorId: ctx.actor.staffId,
      body: event.body,
      data: JSON.stringify(event.data ?? {}),
      messageId: event.messageId,
    },
  });
  const next = { ...ticket, ...changes, lastActivityAt: now } as TicketRow;
  await tx.ticket.update({ where: { id: ticket.id }, data: { ...changes, lastActivityAt: now, dueAt: dueAtFor(next) } });
  await audit(ctx, tx, {
    action: `ticket.${event.kind}`,
    subjectType: "Ticket",
    subjectId: ticket.id,
    locationId: ticket.locationId,
  });
}

function statusChanges(to: TicketStatus, now: Date) {
  return {
    status: to,
    resolvedAt: to === "resolved" ? now : to === "closed" ? undefined : null,
    closedAt: to === "closed" ? now : null,
    ...(to === "resolved" || to === "closed" ? { pendingUntil: null } : {}),
  };
}

export const ChangeStatusInput = z.object({ status: z.enum(TICKET_STATUSES), note: z.string().trim().max(2000).optional() });

export async function changeStatus(ctx: StaffCtx, ticketId: string, input: z.output<typeof ChangeStatusInput>) {
  return ctx.db.$transaction(async (tx) => {
    const ticket = await ticketForStaff(ctx, tx, ticketId);
    if (ticket.status === input.status) return;
    if (!canMoveTo(ticket.status, input.status)) {
      throw new AppError(409, "helpdesk:errors.transitionNotAllowed", { from: ticket.status, to: input.status });
    }
    await addEvent(
      ctx,
      tx,
      ticket,
      { kind: "status", public: true, body: input.note || undefined, data: { from: ticket.status, to: input.status } },
      statusChanges(input.status, ctx.clock.now()),
    );
  });
}

export const AssignInput = z.object({ assigneeId: OptionalId, locationId: OptionalId });

/** To a person (who must work at the ticket's location) and/or to a location's queue. */
export async function assignTicket(ctx: StaffCtx, ticketId: string, input: z.output<typeof AssignInput>) {
  return ctx.db.$transaction(async (tx) => {
    const ticket = await ticketForStaff(ctx, tx, ticketId);
    const locationId = input.locationId ?? ticket.locationId ?? undefined;
    if (locationId && !(await tx.location.findUnique({ where: { id: locationId } }))) throw notFound("location");
    // Moving a ticket into another queue needs the right to work there too.
    if (locationId !== (ticket.locationId ?? undefined) && !can(ctx.actor, "ticket:manage", locationId)) {
      throw forbidden("ticket:manage");
    }
    if (input.assigneeId) {
      const assignee = await tx.staff.findFirst({
        where: { id: input.assigneeId, active: true },
        include: { memberships: { select: { locationId: true } } },
      });
      if (!assignee) throw new AppError(400, "helpdesk:errors.assigneeUnknown");
      const programmeWide = assignee.role === "admin" || assignee.role === "coordinator";
      if (locationId && !programmeWide && !assignee.memberships.some((m) => m.locationId === locationId)) {
        throw new AppError(400, "helpdesk:errors.assigneeNotAtLocation");
      }
    }
    const assigneeId = input.assigneeId ?? null;
    await addEvent(
      ctx,
      tx,
      ticket,
      { kind: "assigned", data: { assigneeId, locationId: locationId ?? null } },
      { assigneeId, locationId: locationId ?? null, ...(ticket.status === "new" && assigneeId ? { status: "open" } : {}) },
    );
  });
}

export const NoteInput = z.object({
  body: z
    .string({ error: "helpdesk:errors.noteRequired" })
    .trim()
    .min(1, { error: "helpdesk:errors.noteRequired" })
    .max(DESCRIPTION_MAX, { error: "helpdesk:errors.noteTooLong" }),
});

/** An internal note: never shown to the citizen. */
export async function addNote(ctx: StaffCtx, ticketId: string, input: z.output<typeof NoteInput>) {
  return ctx.db.$transaction(async (tx) => {
    const ticket = await ticketForStaff(ctx, tx, ticketId);
    await addEvent(ctx, tx, ticket, { kind: "note", body: input.body });
  });
}

export const ReplyInput = z.object({
  body: z
    .string({ error: "helpdesk:errors.replyRequired" })
    .trim()
    .min(1, { error: "helpdesk:errors.replyRequired" })
    .max(600, { error: "helpdesk:errors.replyTooLong" }),
  /** A help article to send along: "<articleId>" for plain German, "<articleId>:easy" for Leichte Sprache. */
  article: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z.string().trim().regex(/^[\w-]{1,60}(:easy)?$/, { error: "helpdesk:errors.articleUnknown" }).optional(),
  ),
});

/** Where citizens read the articles: the app's public address (a link in an SMS must be absolute). */
export interface ReplyLinks {
  publicUrl: string;
}

/**
 * A message to the citizen through the outbox (SMS or voice); the ticket then waits for them. With a help article,
 * the SMS carries its link and a voice message names it; the timeline (and the status check) show the link too.
 */
export async function replyToCitizen(
  ctx: StaffCtx,
  ticketId: string,
  input: z.output<typeof ReplyInput>,
  links: ReplyLinks,
) {
  return ctx.db.$transaction(async (tx) => {
    const ticket = await ticketForStaff(ctx, tx, ticketId);
    if (ticket.status === "closed") throw new AppError(409, "helpdesk:errors.ticketClosed");
    const person = await tx.person.findUniqueOrThrow({ where: { id: ticket.personId } });
    const place = ticket.locationId ? await tx.location.findUnique({ where: { id: ticket.locationId }, select: { timeZone: true } }) : null;
    const article = input.article ? await linkedArticle(ctx, tx, input.article, links) : null;
    const message = await ctx.messenger.send(tx, {
      to: person,
      template: article ? "ticketReplyArticle" : "ticketReply",
      params: {
        body: input.body,
        reference: ticket.reference,
        spelled: spelledOut(ticket.reference),
        ...(article ? { title: article.title, link: article.link } : {}),
      },
      timeZone: place?.timeZone,
    });
    const waits = ticket.status === "new" || ticket.status === "open";
    const body = article ? `${input.body}\n${article.title}: ${article.link}` : input.body;
    await addEvent(
      ctx,
      tx,
      ticket,
      { kind: "message_out", public: true, body, messageId: message.id, ...(article ? { data: { articleId: article.id, easy: article.easy } } : {}) },
      waits ? { status: "waiting" } : {},
    );
  });
}

/** A published article to link in a reply, with its title and address in the chosen version. */
async function linkedArticle(ctx: Ctx, tx: Tx, choice: string, links: ReplyLinks) {
  const [id, version] = choice.split(":");
  const article = await tx.helpArticle.findFirst({ where: { id, published: true }, select: { id: true, slug: true, title: true, titleEasy: true } });
  if (!article) throw new AppError(400, "helpdesk:errors.articleUnknown");
  const easy = version === "easy";
  return {
    id: article.id,
    easy,
    title: easy ? article.titleEasy : article.title,
    link: `${links.publicUrl}/help/${article.slug}${easy ? "/leichte-sprache" : ""}`,
  };
}

export const CallInput = z.object({
  outcome: z.enum(CALL_OUTCOMES, { error: "helpdesk:errors.callOutcomeRequired" }),
  note: z.string().trim().max(2000).optional(),
});

export async function recordCall(ctx: StaffCtx, ticketId: string, input: z.output<typeof CallInput>) {
  return ctx.db.$transaction((tx) => recordCallIn(ctx, tx, ticketId, input));
}

/** The call on the ticket's timeline inside the caller's transaction (click-to-call records it with the call's end). */
export async function recordCallIn(ctx: StaffCtx, tx: Tx, ticketId: string, input: z.output<typeof CallInput>) {
  const ticket = await ticketForStaff(ctx, tx, ticketId);
  await addEvent(ctx, tx, ticket, { kind: "call", body: input.note || undefined, data: { outcome: input.outcome } });
}

export const PendingInput = z.object({
  until: z.coerce.date({ error: "helpdesk:errors.pendingDateInvalid" }),
  note: z.string().trim().max(2000).optional(),
});

/** "Look at this again on <date>": a reminder for staff; the ticket shows as due then. */
export async function setPending(ctx: StaffCtx, ticketId: string, input: z.output<typeof PendingInput>) {
  if (input.until.getTime() <= ctx.clock.now().getTime()) throw new AppError(400, "helpdesk:errors.pendingInPast");
  return ctx.db.$transaction(async (tx) => {
    const ticket = await ticketForStaff(ctx, tx, ticketId);
    await addEvent(
      ctx,
      tx,
      ticket,
      { kind: "pending", body: input.note || undefined, data: { until: input.until.toISOString() } },
      { pendingUntil: input.until },
    );
  });
}

export const ClassifyInput = z.object({ categoryId: OptionalId, priority: z.enum(PRIORITIES) });

export async function classifyTicket(ctx: StaffCtx, ticketId: string, input: z.output<typeof ClassifyInput>) {
  return ctx.db.$transaction(async (tx) => {
    const ticket = await ticketForStaff(ctx, tx, ticketId);
    if (input.categoryId && !(await tx.ticketCategory.findUnique({ where: { id: input.categoryId } }))) {
      throw new AppError(400, "helpdesk:errors.categoryUnknown");
    }
    const categoryId = input.categoryId ?? null;
    if (categoryId === ticket.categoryId && input.priority === ticket.priority) return;
    await addEvent(
      ctx,
      tx,
      ticket,
      { kind: "classified", data: { categoryId, priority: input.priority } },
      { categoryId, priority: input.priority },
    );
  });
}
