// Status callbacks from the provider: each message's status only moves forward (a late "sent" never overwrites
// "delivered"), a replay changes nothing, and a final status sets finalAt so the provider copy can be purged.
import type { Db } from "~/db.server";
import type { Clock } from "~/lib/clock";

export const FINAL_STATUSES = ["delivered", "failed", "undelivered", "no_answer"] as const;

const RANK: Record<string, number> = { queued: 0, sending: 1, sent: 2, delivered: 3, failed: 3, undelivered: 3, no_answer: 3, opted_out: 3, cancelled: 3 };

/** Twilio's MessageStatus or CallStatus in our words; null for a value we do not track. */
export function statusFromCallback(params: Record<string, string>): string | null {
  const messageStatus = params.MessageStatus ?? params.SmsStatus;
  if (messageStatus) {
    switch (messageStatus) {
      // Accepted by the provider but not yet out: for us, handed over.
      case "accepted":
      case "scheduled":
      case "queued":
      case "sending":
      case "sent":
        return "sent";
      case "delivered":
      case "read":
        return "delivered";
      case "failed":
      case "canceled":
        return "failed";
      case "undelivered":
        return "undelivered";
      default:
        return null;
    }
  }
  switch (params.CallStatus) {
    case "queued":
    case "initiated":
    case "ringing":
    case "in-progress":
      return "sent";
    case "completed":
      return "delivered";
    case "busy":
    case "no-answer":
      return "no_answer";
    case "failed":
    case "canceled":
      return "failed";
    default:
      return null;
  }
}

export type StatusOutcome = "updated" | "unchanged" | "unknown";

/**
 * Applies one status callback to our message. `providerId` is the MessageSid/CallSid: it is recorded when the
 * worker crashed before it could (so the worker will not send again).
 */
export async function applyStatusCallback(
  { db, clock }: { db: Db; clock: Clock },
  input: { messageId: string; providerId: string | null; params: Record<string, string> },
): Promise<StatusOutcome> {
  const message = await db.message.findUnique({ where: { id: input.messageId } });
  if (!message || message.direction !== "outbound") return "unknown";
  // A callback about some other message/call than ours (a forged or confused id) changes nothing.
  if (message.providerId && input.providerId && message.providerId !== input.providerId) return "unchanged";
  const status = statusFromCallback(input.params);
  const now = clock.now();
  const errorCode = /^\d{1,6}$/.test(input.params.ErrorCode ?? "") ? input.params.ErrorCode : null;
  const forward = status !== null && (RANK[status] ?? 0) > (RANK[message.status] ?? 0);
  const data: Record<string, unknown> = {};
  if (!message.providerId && input.providerId) data.providerId = input.providerId;
  if (!message.sentAt && status) data.sentAt = now;
  if (forward) {
    data.status = status;
    data.claimedUntil = null;
    if (status === "delivered") data.deliveredAt = now;
    if ((FINAL_STATUSES as readonly string[]).includes(status!)) data.finalAt = now;
    // Only Twilio's numeric error code: its message text can quote the number.
    if (errorCode) data.lastError = `Twilio error ${errorCode}`;
  }
  if (Object.keys(data).length === 0) return "unchanged";
  // Conditional on the status we read, so two callbacks racing cannot move it backwards.
  const { count } = await db.message.updateMany({ where: { id: message.id, status: message.status }, data });
  return count === 1 && forward ? "updated" : "unchanged";
}
