// Sends due outbox messages through the configured provider. Claims each row first, so two workers never send one
// message; a row left "sending" by a crash is retried with the same idempotency key, which the provider dedups.
import type { Db } from "~/db.server";
import type { Clock } from "~/lib/clock";
import { backoffMs } from "~/lib/backoff";
import type { MessageProvider } from "./provider";

const CLAIM_MS = 5 * 60_000;
export const MAX_SEND_ATTEMPTS = 5;

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
}

export async function deliverDueMessages(
  { db, clock }: { db: Db; clock: Clock },
  provider: MessageProvider,
  { limit = 50 } = {},
): Promise<DeliveryReport> {
  const now = clock.now();
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0 };
  const due = await db.message.findMany({
    where: {
      direction: "outbound",
      OR: [
        { status: "queued", sendAfter: { lte: now } },
        { status: "sending", claimedUntil: { lt: now } },
      ],
    },
    orderBy: { sendAfter: "asc" },
    take: limit,
  });

  for (const message of due) {
    const claimed = await db.message.updateMany({
      where: { id: message.id, status: message.status, claimedUntil: message.claimedUntil },
      data: { status: "sending", claimedUntil: new Date(now.getTime() + CLAIM_MS), attempts: { increment: 1 } },
    });
    if (claimed.count !== 1) continue; // another worker has it
    const attempts = message.attempts + 1;
    try {
      const result = await provider.send({
        id: message.id,
        to: message.toPhone,
        channel: message.channel === "voice" ? "voice" : "sms",
        body: message.body,
        language: message.language,
        idempotencyKey: message.idempotencyKey,
      });
      const at = clock.now();
      await db.message.update({
        where: { id: message.id },
        data: {
          status: result.status,
          provider: provider.name,
          providerId: result.providerId,
          sentAt: at,
          deliveredAt: result.status === "delivered" ? at : null,
          claimedUntil: null,
          lastError: null,
        },
      });
      report.sent++;
    } catch (error) {
      const transient = (error as { transient?: boolean }).transient === true;
      const giveUp = !transient || attempts >= MAX_SEND_ATTEMPTS;
      await db.message.update({
        where: { id: message.id },
        data: {
          status: giveUp ? "failed" : "queued",
          sendAfter: giveUp ? message.sendAfter : new Date(clock.now().getTime() + backoffMs(attempts)),
          claimedUntil: null,
          provider: provider.name,
          lastError: error instanceof Error ? error.message.slice(0, 500) : "unknown error",
        },
      });
      if (giveUp) report.failed++;
      else report.retried++;
    }
  }
  return report;
}
