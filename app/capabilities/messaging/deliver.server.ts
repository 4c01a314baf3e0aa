// The worker's send loop. Claims each row first, so two workers never send one message. Before sending: opt-outs
// (a number that sent STOP gets nothing but the confirmation of that STOP and the answer to a HILFE it sends later), the per-number hourly limit (more waits
// until the hour has room — never dropped), a withdrawn consent (decision 033: a message whose purpose the person
// withdrew is withheld like an opted-out one, also when it was queued before), and the overall pace (MESSAGES_PER_SECOND). A row still "sending" after
// its claim ran out was cut off by a crash between sending and recording: the provider is asked whether that earlier
// attempt reached it, and what it accepted then is recorded instead of sending a second time.
import type { Db } from "~/db.server";
import type { MessagingLimits } from "~/context";
import type { Clock } from "~/lib/clock";
import { backoffMs } from "~/lib/backoff";
import type { Message } from "~/generated/prisma/client";
import type { MessageProvider, OutgoingMessage, SendResult } from "./provider";
import { messageWithheldFor } from "~/capabilities/privacy/consent.server";
import { TWILIO_UNSUBSCRIBED } from "./twilio-client.server";
import { ALWAYS_SENT_TEMPLATES, ANSWERS_DESPITE_OPT_OUT, type MessageDirection, type MessageStatus, type OptOutVia } from "./values";

export const CLAIM_MS = 5 * 60_000;
export const MAX_SEND_ATTEMPTS = 5;
const HOUR_MS = 3_600_000;

export interface DeliveryReport {
  sent: number;
  retried: number;
  failed: number;
  /** Not sent because the number opted out (STOP, or unsubscribed at the provider). */
  optedOut: number;
  /** Moved later because the number had its hourly share already. */
  deferred: number;
  /** Found already at the provider after a crash: recorded, not sent again. */
  recovered: number;
}

export interface DeliveryOptions {
  /** Rows read per batch. */
  limit?: number;
  /** Stop starting new batches after this much wall time (the job runs again on its next tick). */
  maxMs?: number;
  /** Waiting for the pace; injectable for tests. */
  sleep?: (ms: number) => Promise<void>;
}

/** Provider error texts can quote the phone number; what we keep must not. */
export function withoutNumbers(text: string): string {
  return text.replace(/\+\d[\d\s()/-]*\d|\b\d{7,}\b/g, "…").slice(0, 500);
}

const defaultLimits: MessagingLimits = { perSecond: 10, perNumberPerHour: 6, retentionDays: 90 };
const realSleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

export async function deliverDueMessages(
  { db, clock, config }: { db: Db; clock: Clock; config?: { messaging: MessagingLimits } },
  provider: MessageProvider,
  { limit = 50, maxMs = 8_000, sleep = realSleep }: DeliveryOptions = {},
): Promise<DeliveryReport> {
  const limits = config?.messaging ?? defaultLimits;
  const report: DeliveryReport = { sent: 0, retried: 0, failed: 0, optedOut: 0, deferred: 0, recovered: 0 };
  const started = performance.now();
  let handedOver = 0; // provider requests that send, for the overall pace

  /** The k-th send of this run starts no earlier than floor(k / perSecond) seconds after the start. */
  async function pace() {
    const notBefore = started + Math.floor(handedOver / limits.perSecond) * 1000;
    const wait = notBefore - performance.now();
    if (wait > 0) await sleep(wait);
    handedOver++;
  }

  for (;;) {
    const now = clock.now();
    const due = await db.message.findMany({
      where: {
        direction: "outbound" satisfies MessageDirection,
        OR: [
          { status: "queued" satisfies MessageStatus, sendAfter: { lte: now } },
          { status: "sending" satisfies MessageStatus, claimedUntil: { lt: now } },
        ],
      },
      orderBy: { sendAfter: "asc" },
      take: limit,
    });
    for (const message of due) await deliverOne(message);
    if (due.length < limit || performance.now() - started > maxMs) break;
  }
  return report;

  async function deliverOne(message: Message): Promise<void> {
    const now = clock.now();
    const claimed = await db.message.updateMany({
      where: { id: message.id, status: message.status, claimedUntil: message.claimedUntil },
      data: { status: "sending" satisfies MessageStatus, claimedUntil: new Date(now.getTime() + CLAIM_MS) },
    });
    if (claimed.count !== 1) return; // another worker has it
    const outgoing: OutgoingMessage = {
      id: message.id,
      to: message.toPhone,
      channel: message.channel === "voice" ? "voice" : "sms",
      body: message.body,
      language: message.language,
      idempotencyKey: message.idempotencyKey,
    };

    // Cut off by a crash between sending and recording?
    if (message.status === "sending") {
      const current = await db.message.findUniqueOrThrow({ where: { id: message.id }, select: { providerId: true, status: true } });
      try {
        const earlier: SendResult | null = current.providerId
          ? { providerId: current.providerId, status: "sent" } // a status callback for it arrived meanwhile
          : await provider.findEarlierSend(outgoing, claimStart(message));
        if (earlier) {
          await recordSent(message, earlier);
          report.recovered++;
          return;
        }
      } catch {
        // Cannot tell yet whether it went out: ask again later rather than risk sending twice.
        await db.message.update({
          where: { id: message.id },
          data: { status: "sending" satisfies MessageStatus, claimedUntil: new Date(now.getTime() + backoffMs(message.attempts + 1)) },
        });
        report.retried++;
        return;
      }
    }

    // The confirmation of a STOP goes out at once: it answers the person's own message. The answer to a HILFE sent
    // after STOP goes too: they asked for it (it says that messages stay off).
    const alwaysSent = ALWAYS_SENT_TEMPLATES.includes(message.template);
    const despiteOptOut = alwaysSent || ANSWERS_DESPITE_OPT_OUT.includes(message.template);
    if (!despiteOptOut && (await db.optOut.findUnique({ where: { phone: message.toPhone } }))) {
      await markOptedOut(message);
      return;
    }
    const withdrawn = await messageWithheldFor({ db }, message);
    if (withdrawn) {
      await markOptedOut(message, `consent withdrawn: ${withdrawn}`);
      return;
    }

    const roomAt = alwaysSent ? null : await hourHasRoomAt(message.toPhone, now);
    if (roomAt) {
      await db.message.update({ where: { id: message.id }, data: { status: "queued" satisfies MessageStatus, sendAfter: roomAt, claimedUntil: null } });
      report.deferred++;
      return;
    }

    await pace();
    const attempts = message.attempts + 1;
    await db.message.update({ where: { id: message.id }, data: { attempts } });
    try {
      const result = await provider.send(outgoing);
      await recordSent(message, result);
      report.sent++;
    } catch (error) {
      const code = (error as { code?: unknown }).code;
      if (code === TWILIO_UNSUBSCRIBED) {
        // The number replied STOP to the provider itself: remember it as ours too.
        await db.optOut.upsert({ where: { phone: message.toPhone }, create: { phone: message.toPhone, at: clock.now(), via: "sms" satisfies OptOutVia }, update: {} });
        await markOptedOut(message, `Twilio ${TWILIO_UNSUBSCRIBED}: number unsubscribed`);
        return;
      }
      const transient = (error as { transient?: boolean }).transient === true;
      const giveUp = !transient || attempts >= MAX_SEND_ATTEMPTS;
      await db.message.update({
        where: { id: message.id },
        data: {
          status: (giveUp ? "failed" : "queued") satisfies MessageStatus,
          sendAfter: giveUp ? message.sendAfter : new Date(clock.now().getTime() + backoffMs(attempts)),
          claimedUntil: null,
          provider: provider.name,
          finalAt: giveUp ? clock.now() : null,
          lastError: withoutNumbers(error instanceof Error ? error.message : "unknown error"),
        },
      });
      if (giveUp) report.failed++;
      else report.retried++;
    }
  }

  /** No earlier than the interrupted attempt: a row is only claimed once due, and its claim started CLAIM_MS before it ran out. */
  function claimStart(message: Message): Date {
    const claim = (message.claimedUntil?.getTime() ?? Infinity) - CLAIM_MS;
    return new Date(Math.min(claim, message.sendAfter.getTime()));
  }

  async function recordSent(message: Message, result: SendResult) {
    const at = clock.now();
    // "queued" at the provider is handed over for us: our own "queued" means "still to send".
    const status = result.status === "delivered" ? "delivered" : "sent";
    // A status callback may already have moved the row on (e.g. to delivered): only a row still "sending" is updated.
    await db.message.updateMany({
      where: { id: message.id, status: "sending" satisfies MessageStatus },
      data: {
        status,
        provider: provider.name,
        providerId: result.providerId,
        sentAt: at,
        deliveredAt: status === "delivered" ? at : null,
        finalAt: status === "delivered" ? at : null,
        claimedUntil: null,
        lastError: null,
      },
    });
    // Whatever the callback did, the row keeps the provider's id and the time it was handed over.
    await db.message.updateMany({ where: { id: message.id, sentAt: null }, data: { sentAt: at, providerId: result.providerId, provider: provider.name, claimedUntil: null } });
  }

  async function markOptedOut(message: Message, lastError: string | null = null) {
    const at = clock.now();
    await db.message.update({ where: { id: message.id }, data: { status: "opted_out" satisfies MessageStatus, claimedUntil: null, finalAt: at, lastError } });
    report.optedOut++;
  }

  /** null when the number may get another message now; otherwise when its last hour has room again. */
  async function hourHasRoomAt(phone: string, now: Date): Promise<Date | null> {
    const recent = await db.message.findMany({
      where: { toPhone: phone, direction: "outbound" satisfies MessageDirection, sentAt: { gt: new Date(now.getTime() - HOUR_MS) } },
      select: { sentAt: true },
      orderBy: { sentAt: "desc" },
      take: limits.perNumberPerHour,
    });
    if (recent.length < limits.perNumberPerHour) return null;
    // The oldest of the last perNumberPerHour sends leaves the window one hour after it went out.
    return new Date(recent[recent.length - 1]!.sentAt!.getTime() + HOUR_MS + 1000);
  }
}
