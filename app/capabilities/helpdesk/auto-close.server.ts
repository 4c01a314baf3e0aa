// Resolved tickets close by themselves after AUTO_CLOSE_DAYS unless the citizen wrote back (which reopens).
import type { Db } from "~/db.server";
import type { Clock } from "~/lib/clock";
import { AUTO_CLOSE_DAYS, type TicketEventKind, type TicketStatus } from "./values";

export async function closeResolvedTickets({ db, clock }: { db: Db; clock: Clock }): Promise<number> {
  const now = clock.now();
  const due = await db.ticket.findMany({
    where: { status: "resolved" satisfies TicketStatus, resolvedAt: { lte: new Date(now.getTime() - AUTO_CLOSE_DAYS * 86_400_000) } },
    select: { id: true },
    take: 500,
  });
  for (const { id } of due) {
    await db.$transaction(async (tx) => {
      const { count } = await tx.ticket.updateMany({ where: { id, status: "resolved" satisfies TicketStatus }, data: { status: "closed" satisfies TicketStatus, closedAt: now } });
      if (count) {
        await tx.ticketEvent.create({
          data: { ticketId: id, at: now, kind: "status" satisfies TicketEventKind, public: true, data: JSON.stringify({ from: "resolved", to: "closed", automatic: true }) },
        });
      }
    });
  }
  return due.length;
}
