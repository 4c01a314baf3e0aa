import { describe, expect, it } from "vitest";
import { claimNext, enqueue, pruneJobs } from "../../jobs/queue";
import { Worker } from "../../jobs/worker";
import { createTestServices } from "../helpers/db";
import { makePerson } from "../helpers/factories";

const services = await createTestServices();
const { db, clock } = services;

async function reset() {
  await db.job.deleteMany();
  await db.message.deleteMany();
}

describe("the job table", () => {
  it("queues a unique key only once", async () => {
    await reset();
    const first = await enqueue(db, { type: "x", runAt: clock.now(), uniqueKey: "tick@1" });
    const again = await enqueue(db, { type: "x", runAt: clock.now(), uniqueKey: "tick@1" });
    expect(first).not.toBeNull();
    expect(again).toBeNull();
    expect(await db.job.count()).toBe(1);
  });

  it("never gives one job to two workers, and takes it back when the lease runs out", async () => {
    await reset();
    await enqueue(db, { type: "x", runAt: clock.now() });
    const [a, b] = await Promise.all([
      claimNext(db, "worker-a", clock.now(), 60_000),
      claimNext(db, "worker-b", clock.now(), 60_000),
    ]);
    expect([a, b].filter(Boolean)).toHaveLength(1);

    // The holder crashed: after the lease another worker may take the job.
    expect(await claimNext(db, "worker-c", clock.now(), 60_000)).toBeNull();
    clock.advance(61_000);
    const reclaimed = await claimNext(db, "worker-c", clock.now(), 60_000);
    expect(reclaimed?.lockedBy).toBe("worker-c");
    expect(reclaimed?.attempts).toBe(2);
  });

  it("does not run jobs before their time", async () => {
    await reset();
    await enqueue(db, { type: "x", runAt: new Date(clock.now().getTime() + 60_000) });
    expect(await claimNext(db, "w", clock.now(), 60_000)).toBeNull();
  });

  it("removes finished jobs after a week", async () => {
    await reset();
    await db.job.create({ data: { type: "x", status: "done", finishedAt: new Date(clock.now().getTime() - 8 * 86_400_000) } });
    await db.job.create({ data: { type: "x", status: "done", finishedAt: clock.now() } });
    expect(await pruneJobs(db, clock.now())).toBe(1);
  });
});

describe("the worker", () => {
  it("retries a failing job with growing back-off, then marks it failed", async () => {
    await reset();
    let calls = 0;
    const worker = new Worker(services, {
      handlers: {
        flaky: async () => {
          calls++;
          throw new Error("service down");
        },
      },
      schedule: [],
    });
    await enqueue(db, { type: "flaky", runAt: clock.now(), maxAttempts: 3 });
    expect(await worker.runOne()).toBe(true);
    let job = await db.job.findFirstOrThrow();
    expect(job.status).toBe("queued");
    const firstDelay = job.runAt.getTime() - clock.now().getTime();
    expect(firstDelay).toBeGreaterThan(0);
    expect(await worker.runOne()).toBe(false); // waiting for its back-off

    clock.advance(firstDelay);
    await worker.runOne();
    job = await db.job.findFirstOrThrow();
    expect(job.runAt.getTime() - clock.now().getTime()).toBeGreaterThan(firstDelay);

    clock.advance(3_600_000);
    await worker.runOne();
    job = await db.job.findFirstOrThrow();
    expect(job).toMatchObject({ status: "failed", attempts: 3, lastError: "service down" });
    expect(calls).toBe(3);
  });

  it("delivers the outbox through the configured provider", async () => {
    await reset();
    const person = await makePerson(db);
    await db.$transaction((tx) => services.messenger.send(tx, { to: person, template: "welcome", params: { firstName: "G", phone: "1" } }));
    await enqueue(db, { type: "messaging.deliverOutbox", runAt: clock.now() });
    const worker = new Worker(services, { schedule: [] });
    expect(await worker.drain()).toBe(1);
    expect((await db.message.findFirstOrThrow()).status).toBe("delivered");
    expect((await db.job.findFirstOrThrow()).status).toBe("done");
  });

  it("ticks the recurring schedule and stops gracefully, finishing the running job", async () => {
    await reset();
    let finished = 0;
    const worker = new Worker(services, {
      pollMs: 20,
      handlers: {
        tick: async () => {
          await new Promise((r) => setTimeout(r, 150));
          finished++;
        },
      },
      schedule: [{ type: "tick", cron: "* * * * * *" }],
    });
    worker.start();
    await waitFor(async () => (await db.job.count({ where: { type: "tick", status: "running" } })) > 0, 5_000);
    await worker.stop();
    expect(finished).toBeGreaterThanOrEqual(1);
    expect(await db.job.count({ where: { status: "running" } })).toBe(0);
  });
});

async function waitFor(check: () => Promise<boolean>, timeoutMs: number) {
  const end = Date.now() + timeoutMs;
  while (Date.now() < end) {
    if (await check()) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error("condition not reached in time");
}
