// The ticket workflow: status, assignment, notes, replies to the citizen, calls, pending dates and classification.
// Every change writes a timeline event and moves the due date; replies go through the outbox in the same
// transaction; every step is audit-logged.
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { spelledOut } from "~/lib/reference-code";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";
import {
  CALL_OUTCOMES,
  canMoveTo,
  DESCRIPTION_MAX,
  dueAtFor,
  PRIORITIES,
  TICKET_STATUSES,
  type TicketEventKind,
  type TicketStatus,
} from "./values";
import { OptionalId } from "./tickets.server";
import { addressedAs } from "~/capabilities/people/persons.server";

type TicketRow = NonNullable<Awaited<ReturnType<Tx["ticket"]["findUnique"]>>>;

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
    // Greeted and written to as the person asked with this ticket (decision 027).
    const person = addressedAs(await tx.person.findUniqueOrThrow({ where: { id: ticket.personId } }), ticket);
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
