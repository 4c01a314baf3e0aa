// The durable job table: enqueue, claim with a lease, finish, retry with back-off.
import type { Tx } from "~/context";
import type { Db } from "~/db.server";
import type { Job } from "~/generated/prisma/client";
import { backoffMs } from "~/lib/backoff";
import { isUniqueViolation } from "~/lib/db-errors";

export const JOB_STATUSES = ["queued", "running", "done", "failed"] as const;
export type JobStatus = (typeof JOB_STATUSES)[number];

export interface EnqueueInput {
  type: string;
  payload?: Record<string, unknown>;
  /** From ctx.clock: the job table follows the one clock like everything else. */
  runAt: Date;
  /** The same key is only ever queued once (scheduled ticks, "one reminder per loan and day"…). */
  uniqueKey?: string;
  maxAttempts?: number;
}

export async function enqueue(db: Db | Tx, input: EnqueueInput): Promise<Job | null> {
  const data = {
    type: input.type,
    payload: JSON.stringify(input.payload ?? {}),
    runAt: input.runAt,
    uniqueKey: input.uniqueKey ?? null,
    maxAttempts: input.maxAttempts ?? 5,
  };
  if (!input.uniqueKey) return db.job.create({ data });
  // A unique key makes enqueueing idempotent: several workers ticking the same schedule create one job.
  const existing = await db.job.findUnique({ where: { uniqueKey: input.uniqueKey } });
  if (existing) return null;
  try {
    return await db.job.create({ data });
  } catch (error) {
    if (isUniqueViolation(error)) return null;
    throw error;
  }
}

/** Takes the next due job (or one whose lease ran out) for this worker; null when there is nothing to do. */
export async function claimNext(db: Db, workerId: string, now: Date, leaseMs: number): Promise<Job | null> {
  const claimable = {
    OR: [
      { status: "queued", runAt: { lte: now } },
      { status: "running", lockedUntil: { lt: now } },
    ],
  };
  for (let tries = 0; tries < 3; tries++) {
    const candidate = await db.job.findFirst({ where: claimable, orderBy: { runAt: "asc" } });
    if (!candidate) return null;
    const { count } = await db.job.updateMany({
      where: { id: candidate.id, ...claimable },
      data: {
        status: "running" satisfies JobStatus,
        lockedBy: workerId,
        lockedUntil: new Date(now.getTime() + leaseMs),
        attempts: { increment: 1 },
      },
    });
    if (count === 1) return db.job.findUniqueOrThrow({ where: { id: candidate.id } });
  }
  return null; // lost three races in a row: let the next poll try again
}

export async function completeJob(db: Db, job: Job, now: Date): Promise<void> {
  await db.job.updateMany({
    where: { id: job.id, lockedBy: job.lockedBy },
    data: { status: "done" satisfies JobStatus, finishedAt: now, lockedBy: null, lockedUntil: null, lastError: null },
  });
}

export async function failJob(db: Db, job: Job, error: unknown, now: Date): Promise<"retry" | "failed"> {
  const giveUp = job.attempts >= job.maxAttempts;
  await db.job.updateMany({
    where: { id: job.id, lockedBy: job.lockedBy },
    data: {
      status: (giveUp ? "failed" : "queued") satisfies JobStatus,
      runAt: giveUp ? job.runAt : new Date(now.getTime() + backoffMs(job.attempts)),
      finishedAt: giveUp ? now : null,
      lockedBy: null,
      lockedUntil: null,
      lastError: error instanceof Error ? error.message.slice(0, 500) : String(error).slice(0, 500),
    },
  });
  return giveUp ? "failed" : "retry";
}

/** Finished jobs are kept a week for diagnosis, then removed. */
export async function pruneJobs(db: Db, now: Date, keepMs = 7 * 24 * 3_600_000): Promise<number> {
  const { count } = await db.job.deleteMany({
    where: { status: { in: ["done", "failed"] satisfies JobStatus[] }, finishedAt: { lt: new Date(now.getTime() - keepMs) } },
  });
  return count;
}
