// Data minimisation: once a message is final, what the provider keeps (body, call log, recording) is deleted there;
// our own copies live only as long as MESSAGE_RETENTION_DAYS says.
import type { Db } from "~/db.server";
import type { Clock } from "~/lib/clock";
import type { MessageProvider } from "./provider";
import type { MessageDirection } from "./values";

const DAY_MS = 86_400_000;

/**
 * The template of a message whose person was erased (privacy/erasure.server.ts): an empty row kept only until the
 * provider has deleted its copy, then removed. The purge takes these first and whatever their status.
 */
export const ERASED_TEMPLATE = "erased";

export interface PurgeReport {
  purged: number;
  failed: number;
}

/** Deletes final messages (and recordings) at the provider. A failure is left for the next run. */
export async function purgeAtProvider(
  { db, clock }: { db: Db; clock: Clock },
  provider: MessageProvider,
  { limit = 200 } = {},
): Promise<PurgeReport> {
  const report: PurgeReport = { purged: 0, failed: 0 };
  const outbound = { direction: "outbound", finalAt: { not: null }, provider: provider.name, OR: [{ providerId: { not: null } }, { recordingSid: { not: null } }] };
  // What citizens sent us is copied into their ticket on arrival: Twilio's copy (SMS text, call, recording) can go.
  const inbound = {
    direction: "inbound",
    OR: [{ provider: provider.name }, { providerId: { startsWith: "SM" } }, { providerId: { startsWith: "CA" } }, { recordingSid: { not: null } }],
  };
  const erased = {
    template: ERASED_TEMPLATE,
    ...(provider.name === "twilio" ? {} : { provider: provider.name }),
    OR: [{ providerId: { not: null } }, { recordingSid: { not: null } }],
  };
  const due = await db.message.findMany({
    where: { purgedAt: null, OR: provider.name === "twilio" ? [erased, outbound, inbound] : [erased, outbound] },
    select: { id: true, providerId: true, channel: true, recordingSid: true, template: true },
    orderBy: [{ finalAt: "asc" }],
    take: limit,
  });
  for (const message of due) {
    try {
      await provider.purge({ providerId: message.providerId, channel: message.channel, recordingSid: message.recordingSid });
      // An erased person's message has nothing left to keep once the provider's copy is gone.
      if (message.template === ERASED_TEMPLATE) await db.message.delete({ where: { id: message.id } });
      else await db.message.update({ where: { id: message.id }, data: { purgedAt: clock.now() } });
      report.purged++;
    } catch {
      report.failed++; // tried again on the next run
    }
  }
  return report;
}

export interface RetentionReport {
  blanked: number;
  recordingsDeleted: number;
}

/** Which texts and recordings have had their time; the run and the retention page's preview ask the same. */
function retentionWhere(clock: Clock, retentionDays: number) {
  const before = new Date(clock.now().getTime() - retentionDays * DAY_MS);
  return {
    // Inbound messages are final when they arrive.
    texts: { OR: [{ finalAt: { lt: before } }, { direction: "inbound" satisfies MessageDirection, finalAt: null, createdAt: { lt: before } }], NOT: { body: "" } },
    recordings: { createdAt: { lt: before } },
  };
}

/** Blanks local bodies of messages final for longer than the retention period; deletes old voice recordings. */
export async function applyRetention({ db, clock }: { db: Db; clock: Clock }, retentionDays: number): Promise<RetentionReport> {
  const where = retentionWhere(clock, retentionDays);
  const blanked = await db.message.updateMany({ where: where.texts, data: { body: "" } });
  const recordings = await db.voiceRecording.deleteMany({ where: where.recordings });
  return { blanked: blanked.count, recordingsDeleted: recordings.count };
}

/** What applyRetention would blank and delete now (counts only; nothing changes). */
export async function retentionDue({ db, clock }: { db: Db; clock: Clock }, retentionDays: number): Promise<{ messageTexts: number; recordings: number }> {
  const where = retentionWhere(clock, retentionDays);
  const [messageTexts, recordings] = await Promise.all([db.message.count({ where: where.texts }), db.voiceRecording.count({ where: where.recordings })]);
  return { messageTexts, recordings };
}
