// Reading the outbox for staff. Every read of message contents is audit-logged here.
import type { Ctx } from "~/context";
import { audit } from "~/capabilities/privacy/audit.server";
import { pageCount, pageWindow } from "~/lib/pages";
import type { MessageDirection, MessageStatus } from "./values";

export { isMessageStatus, MESSAGE_STATUSES, type MessageStatus } from "./values";

export async function listMessages(ctx: Ctx, { page, pageSize = 25, status }: { page: number; pageSize?: number; status?: MessageStatus | null }) {
  const where = status ? { status } : {};
  const [messages, total] = await Promise.all([
    ctx.db.message.findMany({
      where,
      orderBy: { createdAt: "desc" },
      ...pageWindow(page, pageSize),
      include: { person: { select: { firstName: true, lastNameInitial: true } } },
    }),
    ctx.db.message.count({ where }),
  ]);
  // Message texts are personal data: every look at the outbox is logged.
  await audit(ctx, ctx.db, { action: "outbox.viewed", subjectType: "Message", details: { page, status: status ?? null, count: messages.length } });
  return { messages, pageCount: pageCount(total, pageSize) };
}

/** Numbers that sent STOP (or unsubscribed at the provider): they get no messages but the STOP confirmation. */
export function countOptOuts(ctx: Ctx) {
  return ctx.db.optOut.count();
}

/** For the staff home: messages waiting to be sent, and sent in the last 24 hours. */
export async function countOutbox(ctx: Ctx) {
  const now = ctx.clock.now();
  const [waiting, sentToday] = await Promise.all([
    ctx.db.message.count({ where: { direction: "outbound" satisfies MessageDirection, status: { in: ["queued", "sending"] satisfies MessageStatus[] } } }),
    ctx.db.message.count({ where: { direction: "outbound" satisfies MessageDirection, sentAt: { gte: new Date(now.getTime() - 24 * 3_600_000) } } }),
  ]);
  return { waiting, sentToday };
}
