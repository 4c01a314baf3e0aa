// The job worker: polls the job table, runs one job at a time under a lease, ticks the recurring schedule,
// and stops gracefully (finishes the running job, then returns).
import { hostname } from "node:os";
import { randomUUID } from "node:crypto";
import { Cron } from "croner";
import type { Services } from "~/context";
import { logger } from "~/lib/logger.server";
import { claimNext, completeJob, enqueue, failJob } from "./queue";
import { handlers as defaultHandlers, schedule as defaultSchedule, type JobHandler } from "./registry";

export interface WorkerOptions {
  pollMs?: number;
  leaseMs?: number;
  handlers?: Record<string, JobHandler>;
  schedule?: { type: string; cron: string }[];
}

export class Worker {
  readonly id = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  private timer: NodeJS.Timeout | null = null;
  private crons: Cron[] = [];
  private current: Promise<unknown> | null = null;
  private stopping = false;
  private readonly pollMs: number;
  private readonly leaseMs: number;
  private readonly handlers: Record<string, JobHandler>;
  private readonly scheduleEntries: { type: string; cron: string }[];

  constructor(
    private readonly services: Services,
    options: WorkerOptions = {},
  ) {
    this.pollMs = options.pollMs ?? 1_000;
    this.leaseMs = options.leaseMs ?? 5 * 60_000;
    this.handlers = options.handlers ?? defaultHandlers;
    this.scheduleEntries = options.schedule ?? defaultSchedule;
  }

  start(): void {
    this.stopping = false;
    for (const entry of this.scheduleEntries) {
      this.crons.push(
        new Cron(entry.cron, { protect: true }, async (cron: Cron) => {
          const tick = cron.currentRun() ?? this.services.clock.now();
          await enqueue(this.services.db, {
            type: entry.type,
            runAt: this.services.clock.now(),
            uniqueKey: `${entry.type}@${tick.toISOString()}`,
          });
        }),
      );
    }
    this.loop();
    logger.info({ worker: this.id }, "job worker started");
  }

  private loop(): void {
    if (this.stopping) return;
    this.current = this.drain()
      .catch((error) => logger.error({ err: error }, "job worker poll failed"))
      .finally(() => {
        this.current = null;
        if (!this.stopping) this.timer = setTimeout(() => this.loop(), this.pollMs);
      });
  }

  /** Runs due jobs until none is left. Returns how many ran. */
  async drain(max = 100): Promise<number> {
    let ran = 0;
    while (!this.stopping && ran < max && (await this.runOne())) ran++;
    return ran;
  }

  /** Claims and runs one job; false when nothing was due. */
  async runOne(): Promise<boolean> {
    const { db, clock } = this.services;
    const job = await claimNext(db, this.id, clock.now(), this.leaseMs);
    if (!job) return false;
    const handler = this.handlers[job.type];
    try {
      if (!handler) throw new Error(`no handler for job type ${job.type}`);
      await handler(this.services, JSON.parse(job.payload), job);
      await completeJob(db, job, clock.now());
    } catch (error) {
      const outcome = await failJob(db, job, error, clock.now());
      logger.warn({ job: job.id, type: job.type, attempt: job.attempts, outcome, err: error }, "job failed");
    }
    return true;
  }

  async stop(): Promise<void> {
    this.stopping = true;
    for (const cron of this.crons) cron.stop();
    this.crons = [];
    if (this.timer) clearTimeout(this.timer);
    await this.current;
    logger.info({ worker: this.id }, "job worker stopped");
  }
}
