// The retention run at scale: 100,000 closed tickets (each with a timeline entry and an SMS) and 20,000 ended loans
// (each with two mentoring sessions) of 20,000 people, all past their period, in a temporary database. Prints the
// time the run takes and the process's peak memory (RSS), which the batching should keep flat. Figures only.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { withActor } from "~/context";
import { openDatabase } from "~/db.server";
import { createMessenger } from "~/capabilities/messaging/messenger.server";
import { applyRetentionSchedule } from "~/capabilities/privacy/retention/run.server";
import { fixedClock } from "~/lib/clock";
import { prepareDatabase } from "~/setup.server";

const TICKETS = 100_000;
const LOANS = 20_000;
const PEOPLE = 20_000;
const DEVICES = 500;
const CHUNK = 5_000;

// Seeding runs in a child process of its own, so the memory it used does not count as the run's.
const seeding = process.argv[2] === "--seed";
const dir = seeding ? path.dirname(process.argv[3]!) : fs.mkdtempSync(path.join(os.tmpdir(), "da-bench-retention-"));
const url = `file:${path.join(dir, "bench.db")}`;
if (!seeding) {
  await prepareDatabase(url, { seedWhenEmpty: false });
  execFileSync(process.execPath, ["--import", "tsx", import.meta.filename, "--seed", path.join(dir, "bench.db")], {
    stdio: "inherit",
  });
}
const db = await openDatabase(url);
const clock = fixedClock("2026-11-23T03:25:00Z");
const mb = (bytes: number) => `${Math.round(bytes / 1_048_576)} MB`;

async function inChunks(count: number, write: (from: number, to: number) => Promise<unknown>) {
  for (let i = 0; i < count; i += CHUNK) await write(i, Math.min(count, i + CHUNK));
}
const range = (from: number, to: number) => Array.from({ length: to - from }, (_, k) => from + k);

async function seed() {
  const seeded = performance.now();
  const place = await db.location.create({
    data: {
      slug: "bench",
      name: "Bench",
      kind: "meeting_centre",
      street: "-",
      postalCode: "28195",
      city: "Bremen",
      phone: "+494211234570",
    },
  });
  const long = new Date("2024-01-01T10:00:00Z");
  const closed = new Date("2025-01-15T10:00:00Z");
  await inChunks(PEOPLE, (a, b) =>
    db.person.createMany({
      data: range(a, b).map((i) => ({
        id: `p${i}`,
        firstName: ["Gisela", "Heinz", "Ayşe", "Yusuf"][i % 4]!,
        phone: `+49151${String(10_000_000 + i)}`,
        phoneType: "mobile",
        createdAt: long,
      })),
    })
  );
  await db.device.createMany({
    data: range(0, DEVICES).map((i) => ({ id: `d${i}`, assetTag: `TAB-${i}`, locationId: place.id, model: "Tablet" })),
  });
  await inChunks(TICKETS, async (a, b) => {
    await db.ticket.createMany({
      data: range(a, b).map((i) => ({
        id: `t${i}`,
        reference: `T${i}`,
        personId: `p${i % PEOPLE}`,
        locationId: place.id,
        channel: ["web", "phone", "sms"][i % 3]!,
        status: "closed",
        description: "Das Tablet geht nicht an, bitte helfen Sie mir",
        createdAt: long,
        lastActivityAt: closed,
        closedAt: closed,
      })),
    });
    await db.message.createMany({
      data: range(a, b).map((i) => ({
        id: `m${i}`,
        personId: `p${i % PEOPLE}`,
        toPhone: `+49151${String(10_000_000 + (i % PEOPLE))}`,
        channel: "sms",
        template: "ticket_reply",
        language: "de",
        body: "",
        status: "delivered",
        idempotencyKey: `k${i}`,
        createdAt: closed,
        finalAt: closed,
      })),
    });
    await db.ticketEvent.createMany({
      data: range(a, b).map((i) => ({
        ticketId: `t${i}`,
        kind: "message_out",
        body: "Wir rufen Sie an.",
        messageId: `m${i}`,
        at: closed,
      })),
    });
  });
  await inChunks(LOANS, async (a, b) => {
    await db.loan.createMany({
      data: range(a, b).map((i) => ({
        id: `l${i}`,
        reference: `L${i}`,
        deviceId: `d${i % DEVICES}`,
        personId: `p${i % PEOPLE}`,
        locationId: place.id,
        status: "returned",
        checkedOutAt: long,
        dueAt: closed,
        returnedAt: closed,
        agreementMode: "paper",
        agreementAcceptedAt: long,
      })),
    });
    await db.mentoringSession.createMany({
      data: range(a, b).flatMap((i) =>
        [0, 1].map((k) => ({
          loanId: `l${i}`,
          startsAt: new Date(long.getTime() + k * 7 * 86_400_000),
          attendance: "attended",
          topics: '["t1"]',
        }))
      ),
    });
  });
  console.log(
    `retention: seeded ${TICKETS} closed tickets, ${LOANS} ended loans, ${PEOPLE} people in ${Math.round(
      performance.now() - seeded
    )} ms`
  );
}

async function run() {
  const services = {
    db,
    clock,
    messenger: createMessenger(clock, { publicUrl: "http://localhost", programmePhone: "+494211234560" }),
    config: {} as never,
  };
  const ctx = withActor(services, { kind: "system", name: "bench" });
  let peak = process.memoryUsage().rss;
  let peakHeap = process.memoryUsage().heapUsed;
  const before = peak;
  const sampler = setInterval(() => {
    const m = process.memoryUsage();
    peak = Math.max(peak, m.rss);
    peakHeap = Math.max(peakHeap, m.heapUsed);
  }, 20);
  const started = performance.now();
  const counts = await applyRetentionSchedule(ctx, {
    ticketDays: 365,
    loanDays: 365,
    appointmentDays: 90,
    callbackDays: 90,
    waitlistDays: 0,
    messageDays: 90,
  });
  const ms = performance.now() - started;
  clearInterval(sampler);
  peak = Math.max(peak, process.memoryUsage().rss);
  console.log(
    `retention: run took ${(ms / 1000).toFixed(1)} s — ${Math.round(
      (counts.tickets + counts.loans) / (ms / 1000)
    )} tickets+loans/s`
  );
  console.log(`retention: removed ${JSON.stringify(counts)}`);
  console.log(
    `retention: RSS before ${mb(before)}, peak during the run ${mb(peak)} (+${mb(
      peak - before
    )}); peak JS heap in use ${mb(peakHeap)}`
  );
  const figures = await db.monthlyFigure.count();
  console.log(
    `retention: ${figures} monthly figures kept; tickets left ${await db.ticket.count()}, loans left ${await db.loan.count()}, people left ${await db.person.count()}`
  );
}

try {
  if (seeding) await seed();
  else await run();
} finally {
  await db.$disconnect();
  if (!seeding) fs.rmSync(dir, { recursive: true, force: true });
}
