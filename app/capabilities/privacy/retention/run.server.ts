// The nightly retention run and its dry run. Both walk the schedule (schedule.server.ts) kind by kind; the run
// deletes in batches, one transaction each (figures and deletion together), so memory stays flat and a crash midway
// leaves every batch either fully done and counted or untouched.
import type { Ctx, Tx } from "~/context";
import {
  applyRetention as blankOldMessageTexts,
  retentionDue as oldMessageTexts,
} from "~/capabilities/messaging/purge.server";
import { audit } from "../audit.server";
import {
  deleteAppointments,
  deleteCallbacks,
  deleteCalls,
  deleteDayWaits,
  deleteLoans,
  deleteMessages,
  deletePersons,
  deleteReservations,
  deleteTickets,
  deleteWalkIns,
} from "./delete.server";
import {
  cutoffs,
  dueAppointments,
  dueCallbacks,
  dueDayWaits,
  dueLoans,
  dueLooseCalls,
  dueMessages,
  duePersons,
  dueReservations,
  dueTickets,
  dueWalkIns,
  type Cutoffs,
  type RetentionSettings,
} from "./schedule.server";

/** The kinds of record the schedule deletes, in the order the run takes them (people last: by then they may have nothing left). */
export const RETENTION_KINDS = [
  "tickets",
  "loans",
  "reservations",
  "appointments",
  "walkIns",
  "dayWaits",
  "callbacks",
  "calls",
  "messages",
  "persons",
] as const;
export type RetentionKind = (typeof RETENTION_KINDS)[number];

export type RetentionCounts = Record<RetentionKind, number> & { messageTexts: number; recordings: number };

type RunCtx = Pick<Ctx, "db" | "clock">;

interface Step {
  /** Up to `take` ids due now, read inside the batch's transaction. */
  due(tx: Tx, c: Cutoffs, take: number): Promise<string[]>;
  count(ctx: RunCtx, c: Cutoffs): Promise<number>;
  remove(ctx: RunCtx, tx: Tx, ids: string[]): Promise<number>;
}

const idList = (rows: { id: string }[]) => rows.map((r) => r.id);
const select = { id: true } as const;

/** Each kind: which rows are due and how they go. Messages are separate (see messageBatches). */
const STEPS: Record<Exclude<RetentionKind, "messages">, Step> = {
  tickets: {
    due: async (tx, c, take) => idList(await tx.ticket.findMany({ where: dueTickets(c), select, take })),
    count: (ctx, c) => ctx.db.ticket.count({ where: dueTickets(c) }),
    remove: deleteTickets,
  },
  loans: {
    due: async (tx, c, take) => idList(await tx.loan.findMany({ where: dueLoans(c), select, take })),
    count: (ctx, c) => ctx.db.loan.count({ where: dueLoans(c) }),
    remove: deleteLoans,
  },
  reservations: {
    due: async (tx, c, take) => idList(await tx.reservation.findMany({ where: dueReservations(c), select, take })),
    count: (ctx, c) => ctx.db.reservation.count({ where: dueReservations(c) }),
    remove: deleteReservations,
  },
  appointments: {
    due: async (tx, c, take) => idList(await tx.appointment.findMany({ where: dueAppointments(c), select, take })),
    count: (ctx, c) => ctx.db.appointment.count({ where: dueAppointments(c) }),
    remove: deleteAppointments,
  },
  walkIns: {
    due: async (tx, c, take) => idList(await tx.walkIn.findMany({ where: dueWalkIns(c), select, take })),
    count: (ctx, c) => ctx.db.walkIn.count({ where: dueWalkIns(c) }),
    remove: deleteWalkIns,
  },
  dayWaits: {
    due: async (tx, c, take) => idList(await tx.dayWait.findMany({ where: dueDayWaits(c), select, take })),
    count: (ctx, c) => ctx.db.dayWait.count({ where: dueDayWaits(c) }),
    remove: deleteDayWaits,
  },
  callbacks: {
    due: async (tx, c, take) => idList(await tx.callback.findMany({ where: dueCallbacks(c), select, take })),
    count: (ctx, c) => ctx.db.callback.count({ where: dueCallbacks(c) }),
    remove: deleteCallbacks,
  },
  calls: {
    due: async (tx, c, take) => idList(await tx.call.findMany({ where: dueLooseCalls(c), select, take })),
    count: (ctx, c) => ctx.db.call.count({ where: dueLooseCalls(c) }),
    remove: deleteCalls,
  },
  persons: {
    due: async (tx, c, take) => idList(await tx.person.findMany({ where: duePersons(c), select, take })),
    count: (ctx, c) => ctx.db.person.count({ where: duePersons(c) }),
    remove: deletePersons,
  },
};

// Deleting a ticket or a person touches many rows; a batch must still finish well inside the transaction's time.
const TRANSACTION = { timeout: 120_000, maxWait: 30_000 };

/**
 * Old messages that no ticket's timeline shows, a batch at a time in id order (the cursor moves past the ones a
 * ticket keeps, so a batch of only those cannot stop the walk).
 */
async function* messageBatches(ctx: RunCtx, c: Cutoffs, take: number): AsyncGenerator<string[]> {
  let cursor: string | undefined;
  for (;;) {
    const batch = idList(
      await ctx.db.message.findMany({
        where: dueMessages(c),
        select,
        orderBy: { id: "asc" },
        take,
        ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      })
    );
    if (!batch.length) return;
    cursor = batch[batch.length - 1];
    const shown = new Set(
      (await ctx.db.ticketEvent.findMany({ where: { messageId: { in: batch } }, select: { messageId: true } })).map(
        (e) => e.messageId
      )
    );
    const loose = batch.filter((id) => !shown.has(id));
    if (loose.length) yield loose;
  }
}

/** What the next run would remove, counted by the same conditions the run uses (nothing is changed). */
export async function previewRetention(ctx: RunCtx, settings: RetentionSettings): Promise<RetentionCounts> {
  const c = cutoffs(ctx.clock.now(), settings);
  const counts = { messages: 0, ...(await oldMessageTexts(ctx, settings.messageDays)) } as RetentionCounts;
  for (const kind of RETENTION_KINDS) if (kind !== "messages") counts[kind] = await STEPS[kind].count(ctx, c);
  for await (const batch of messageBatches(ctx, c, 1000)) counts.messages += batch.length;
  return counts;
}

/**
 * The nightly run: message texts blanked as before (messaging's own rule), then each kind deleted batch by batch,
 * people last; one audit entry with the counts (no ids, no names) at the end.
 */
export async function applyRetentionSchedule(
  ctx: Ctx,
  settings: RetentionSettings,
  { batchSize = 500 } = {}
): Promise<RetentionCounts> {
  const { blanked, recordingsDeleted } = await blankOldMessageTexts(ctx, settings.messageDays);
  const c = cutoffs(ctx.clock.now(), settings);
  const counts = { messageTexts: blanked, recordings: recordingsDeleted } as RetentionCounts;
  for (const kind of RETENTION_KINDS) {
    counts[kind] = 0;
    if (kind === "messages") {
      for await (const batch of messageBatches(ctx, c, batchSize)) {
        counts.messages += await ctx.db.$transaction((tx) => deleteMessages(ctx, tx, batch), TRANSACTION);
      }
      continue;
    }
    const step = STEPS[kind];
    for (;;) {
      const removed = await ctx.db.$transaction(async (tx) => {
        const batch = await step.due(tx, c, batchSize);
        return batch.length ? step.remove(ctx, tx, batch) : -1;
      }, TRANSACTION);
      if (removed < 0) break;
      counts[kind] += removed;
    }
  }
  await audit(ctx, ctx.db, { action: "retention.applied", subjectType: "Retention", details: { ...counts } });
  return counts;
}
