// Reading the outbox for staff. Every read of message contents is audit-logged by the caller's route.
import type { Db } from "~/db.server";

export async function listMessages(db: Db, { page, pageSize = 25 }: { page: number; pageSize?: number }) {
  const [messages, total] = await Promise.all([
    db.message.findMany({
      orderBy: { createdAt: "desc" },
      skip: (page - 1) * pageSize,
      take: pageSize,
      include: { person: { select: { firstName: true, lastNameInitial: true } } },
    }),
    db.message.count(),
  ]);
  return { messages, pageCount: Math.max(1, Math.ceil(total / pageSize)) };
}

/** For the staff home: messages waiting to be sent, and sent in the last 24 hours. */
export async function countOutbox(db: Db, now: Date) {
  const [waiting, sentToday] = await Promise.all([
    db.message.count({ where: { direction: "outbound", status: { in: ["queued", "sending"] } } }),
    db.message.count({ where: { direction: "outbound", sentAt: { gte: new Date(now.getTime() - 24 * 3_600_000) } } }),
  ]);
  return { waiting, sentToday };
}
