// What citizens send back (SMS now; voice messages with the messaging issue): it joins their open ticket,
// reopens one that was waiting or resolved, or starts a new ticket. The messaging webhook calls this.
import type { Ctx } from "~/context";
import { parsePhone } from "~/lib/phone.server";
import { createTicketFromMessage } from "./tickets.server";
import { AUTO_CLOSE_DAYS, dueAtFor, OPEN_STATUSES } from "./values";

export interface InboundMessage {
  from: string; // as the provider gives it, usually E.164
  body: string;
  channel: "sms" | "voice";
  /** The provider's message id: the same message twice is recorded once. */
  providerId: string;
}

export async function receiveCitizenMessage(ctx: Ctx, message: InboundMessage) {
  const phone = parsePhone(message.from);
  if (!phone) return { outcome: "ignored" as const };
  const body = message.body.trim().slice(0, 3000);
  const now = ctx.clock.now();
  return ctx.db.$transaction(async (tx) => {
    const duplicate = await tx.message.findUnique({ where: { idempotencyKey: `inbound:${message.providerId}` } });
    if (duplicate) return { outcome: "duplicate" as const };

    const person =
      (await tx.person.findUnique({ where: { phone: phone.e164 } })) ??
      (await tx.person.create({
        data: { firstName: "–", phone: phone.e164, phoneType: phone.type, contactPreference: phone.type === "mobile" ? "sms" : "voice" },
      }));
    const recentlyResolved = new Date(now.getTime() - AUTO_CLOSE_DAYS * 86_400_000);
    // The ticket waiting for their answer first; else the one most recently worked on.
    const ticket =
      (await tx.ticket.findFirst({ where: { personId: person.id, status: "waiting" }, orderBy: { lastActivityAt: "desc" } })) ??
      (await tx.ticket.findFirst({
        where: {
          personId: person.id,
          OR: [{ status: { in: [...OPEN_STATUSES] } }, { status: "resolved", resolvedAt: { gte: recentlyResolved } }],
        },
        orderBy: { lastActivityAt: "desc" },
      }));
    const stored = await tx.message.create({
      data: {
        direction: "inbound",
        channel: message.channel,
        personId: person.id,
        toPhone: phone.e164,
        template: "inbound",
        language: person.language,
        body,
        status: "received",
        idempotencyKey: `inbound:${message.providerId}`,
        providerId: message.providerId,
        createdAt: now,
      },
    });

    if (ticket) {
      // A citizen's reply reopens: someone has to read it.
      const reopen = ticket.status === "waiting" || ticket.status === "resolved";
      await tx.ticketEvent.create({
        data: { ticketId: ticket.id, at: now, kind: "message_in", public: true, body, messageId: stored.id },
      });
      // Whatever staff were waiting for, the citizen has written: look at it now.
      await tx.ticket.update({
        where: { id: ticket.id },
        data: {
          lastActivityAt: now,
          pendingUntil: null,
          dueAt: dueAtFor({ priority: ticket.priority, pendingUntil: null, lastActivityAt: now }),
          ...(reopen ? { status: "open", resolvedAt: null } : {}),
        },
      });
      return { outcome: reopen ? ("reopened" as const) : ("added" as const), ticketId: ticket.id };
    }
    const created = await createTicketFromMessage(ctx, tx, {
      personId: person.id,
      channel: message.channel === "sms" ? "sms" : "phone",
      body,
      messageId: stored.id,
    });
    return { outcome: "created" as const, ticketId: created.id };
  });
}
