// What citizens send back (SMS now; voice messages with the messaging issue): it joins their open ticket,
// reopens one that was waiting or resolved, or starts a new ticket. The messaging webhook calls this.
// The pieces are exported so the SMS keyword handler (messaging/inbound-sms.server.ts) can store the message
// once and file it inside its own transaction.
import type { Ctx, Tx } from "~/context";
import { parsePhone, type ParsedPhone } from "~/lib/phone.server";
import { createTicketFromMessage } from "./tickets.server";
import { AUTO_CLOSE_DAYS, dueAtFor, OPEN_STATUSES, type TicketEventKind, type TicketStatus } from "./values";
import type { ContactPreference } from "~/capabilities/people/values";
import { givenWith, type GivenWithRequest, NO_NAME } from "~/capabilities/people/persons.server";
import type { MessageDirection, MessageStatus } from "~/capabilities/messaging/values";

export interface InboundMessage {
  from: string; // as the provider gives it, usually E.164
  body: string;
  channel: "sms" | "voice";
  /** The provider's message id: the same message twice is recorded once. */
  providerId: string;
  /** The language the caller chose in the voice menu: a ticket it opens answers in it (decision 027). */
  language?: string;
}

export const inboundKey = (providerId: string) => `inbound:${providerId}`;

/** The person behind a number; an unknown number becomes a minimal Person (no name, just the number). */
export async function personForNumber(ctx: Ctx, tx: Tx, phone: ParsedPhone) {
  return (
    (await tx.person.findUnique({ where: { phone: phone.e164 } })) ??
    (await tx.person.create({
      data: { firstName: NO_NAME, phone: phone.e164, phoneType: phone.type, contactPreference: (phone.type === "mobile" ? "sms" : "voice") satisfies ContactPreference },
    }))
  );
}

/** Writes the inbound Message row (once per provider id: the caller checks for a duplicate first). */
export async function storeInboundMessage(
  ctx: Ctx,
  tx: Tx,
  input: { phone: string; personId: string | null; language: string; channel: "sms" | "voice"; body: string; providerId: string },
) {
  return tx.message.create({
    data: {
      direction: "inbound" satisfies MessageDirection,
      channel: input.channel,
      personId: input.personId,
      toPhone: input.phone,
      template: "inbound",
      language: input.language,
      body: input.body,
      status: "received" satisfies MessageStatus,
      idempotencyKey: inboundKey(input.providerId),
      providerId: input.providerId,
      createdAt: ctx.clock.now(),
    },
  });
}

/** Files a stored inbound message with the person's open ticket, reopening it, or opens a new ticket. */
export async function fileCitizenMessage(
  ctx: Ctx,
  tx: Tx,
  input: { personId: string; messageId: string; body: string; channel: "sms" | "voice" } & Partial<GivenWithRequest>,
) {
  const now = ctx.clock.now();
  const { personId, body } = input;
  const recentlyResolved = new Date(now.getTime() - AUTO_CLOSE_DAYS * 86_400_000);
  // The ticket waiting for their answer first; else the one most recently worked on.
  const ticket =
    (await tx.ticket.findFirst({ where: { personId, status: "waiting" satisfies TicketStatus }, orderBy: { lastActivityAt: "desc" } })) ??
    (await tx.ticket.findFirst({
      where: {
        personId,
        OR: [{ status: { in: [...OPEN_STATUSES] } }, { status: "resolved" satisfies TicketStatus, resolvedAt: { gte: recentlyResolved } }],
      },
      orderBy: { lastActivityAt: "desc" },
    }));

  if (ticket) {
    // A citizen's reply reopens: someone has to read it.
    const reopen = ticket.status === "waiting" || ticket.status === "resolved";
    await tx.ticketEvent.create({
      data: { ticketId: ticket.id, at: now, kind: "message_in" satisfies TicketEventKind, public: true, body, messageId: input.messageId },
    });
    // Whatever staff were waiting for, the citizen has written: look at it now.
    await tx.ticket.update({
      where: { id: ticket.id },
      data: {
        lastActivityAt: now,
        pendingUntil: null,
        dueAt: dueAtFor({ priority: ticket.priority, pendingUntil: null, lastActivityAt: now }),
        ...(reopen ? { status: "open" satisfies TicketStatus, resolvedAt: null } : {}),
      },
    });
    return { outcome: reopen ? ("reopened" as const) : ("added" as const), ticketId: ticket.id };
  }
  const created = await createTicketFromMessage(ctx, tx, {
    personId,
    channel: input.channel === "sms" ? "sms" : "phone",
    body,
    messageId: input.messageId,
    givenName: input.givenName,
    givenLanguage: input.givenLanguage,
  });
  return { outcome: "created" as const, ticketId: created.id };
}

export async function receiveCitizenMessage(ctx: Ctx, message: InboundMessage) {
  const phone = parsePhone(message.from);
  if (!phone) return { outcome: "ignored" as const };
  const body = message.body.trim().slice(0, 3000);
  return ctx.db.$transaction(async (tx) => {
    const duplicate = await tx.message.findUnique({ where: { idempotencyKey: inboundKey(message.providerId) } });
    if (duplicate) return { outcome: "duplicate" as const };
    const person = await personForNumber(ctx, tx, phone);
    const stored = await storeInboundMessage(ctx, tx, {
      phone: phone.e164,
      personId: person.id,
      language: person.language,
      channel: message.channel,
      body,
      providerId: message.providerId,
    });
    return fileCitizenMessage(ctx, tx, { personId: person.id, messageId: stored.id, body, channel: message.channel, ...givenWith(person, { language: message.language }) });
  });
}
