// "Today at my location" at scale: one location with 2,000 devices and 20,000 past loans (plus their mentoring
// sessions). Prints p50/p95 of the capability the page calls. Target: p95 ≤ 50 ms on this machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { withActor, type Ctx } from "~/context";
import { createMessenger } from "~/capabilities/messaging/messenger.server";
import type { StaffActor } from "~/capabilities/people/permissions";
import { todayAtLocation } from "~/capabilities/lending/today.server";
import { systemClock } from "~/lib/clock";
import { openDatabase } from "~/db.server";
import { prepareDatabase } from "~/setup.server";

const DEVICES = 2_000;
const PAST_LOANS = Number(process.env.BENCH_LOANS ?? 20_000);
const RUNS = 200;
const DAY = 86_400_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-bench-today-"));
const url = `file:${path.join(dir, "bench.db")}`;
await prepareDatabase(url, { seedWhenEmpty: true });
const db = await openDatabase(url);

try {
  const started = performance.now();
  const location = await db.location.findUniqueOrThrow({ where: { slug: "bz-vahr" } });
  const volunteer = await db.staff.findUniqueOrThrow({ where: { email: "ehrenamt@ambulanz.example" }, include: { memberships: true } });
  const now = Date.now();

  const deviceIds: string[] = [];
  for (let i = 0; i < DEVICES; i += 1_000) {
    const batch = Array.from({ length: 1_000 }, (_, j) => ({
      id: `bd${i + j}`,
      assetTag: `BENCH-${String(i + j).padStart(5, "0")}`,
      locationId: location.id,
      model: "Bench Tab",
      status: (i + j) % 10 === 0 ? "on_loan" : (i + j) % 97 === 0 ? "needs_reset" : "available",
    }));
    await db.device.createMany({ data: batch });
    deviceIds.push(...batch.map((b) => b.id));
  }
  const people = Array.from({ length: 5_000 }, (_, i) => ({ id: `bp${i}`, firstName: `Person${i}`, phone: `+49151${String(20_000_000 + i)}`, phoneType: "mobile" }));
  await db.person.createMany({ data: people });

  for (let i = 0; i < PAST_LOANS; i += 2_000) {
    const loans = Array.from({ length: 2_000 }, (_, j) => {
      const n = i + j;
      const out = now - (30 + (n % 700)) * DAY;
      return {
        id: `bl${n}`,
        reference: `B${String(n).padStart(5, "0")}`,
        deviceId: deviceIds[n % DEVICES],
        personId: people[n % people.length].id,
        locationId: location.id,
        mentorId: volunteer.id,
        status: "returned",
        checkedOutAt: new Date(out),
        dueAt: new Date(out + 56 * DAY),
        returnedAt: new Date(out + 50 * DAY),
        agreementMode: "paper",
        agreementAcceptedAt: new Date(out),
        followUp: n % 500 === 0 ? "Ladekabel" : null,
      };
    });
    await db.loan.createMany({ data: loans });
    await db.mentoringSession.createMany({
      data: loans.flatMap((l) => [7, 14, 21].map((d) => ({ loanId: l.id, mentorId: volunteer.id, startsAt: new Date(l.checkedOutAt.getTime() + d * DAY), attendance: "attended", topics: '["topic_wifi"]' }))),
    });
  }
  // 200 active loans (every tenth device), a few due today and overdue, with a session today each.
  const active = deviceIds.filter((_, i) => i % 10 === 0);
  await db.loan.createMany({
    data: active.map((deviceId, k) => ({
      id: `ba${k}`,
      reference: `A${String(k).padStart(5, "0")}`,
      deviceId,
      activeDeviceId: deviceId,
      personId: people[k].id,
      locationId: location.id,
      mentorId: volunteer.id,
      checkedOutAt: new Date(now - 30 * DAY),
      dueAt: new Date(now + ((k % 60) - 10) * DAY),
      agreementMode: "paper",
      agreementAcceptedAt: new Date(now - 30 * DAY),
    })),
  });
  await db.mentoringSession.createMany({
    data: active.slice(0, 20).map((_, k) => ({ loanId: `ba${k}`, mentorId: volunteer.id, startsAt: new Date(now + (k - 10) * 600_000) })),
  });
  await db.$queryRawUnsafe("PRAGMA optimize=0x10002");
  console.log(`\nToday at a location: ${DEVICES.toLocaleString("en")} devices, ${PAST_LOANS.toLocaleString("en")} past loans, loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const ctx = withActor({ db, clock: systemClock, messenger: createMessenger(systemClock) } as never, {
    kind: "staff",
    staffId: volunteer.id,
    name: volunteer.name,
    role: "volunteer",
    locationIds: volunteer.memberships.map((m) => m.locationId),
  }) as Ctx & { actor: StaffActor };
  const times: number[] = [];
  for (let i = 0; i < RUNS; i++) {
    const t = performance.now();
    await todayAtLocation(ctx, location.id);
    times.push(performance.now() - t);
  }
  times.sort((a, b) => a - b);
  const p = (q: number) => times[Math.floor(q * (times.length - 1))].toFixed(1);
  console.log(`  p50 / p95 in ms over ${RUNS} runs: ${p(0.5)} / ${p(0.95)}`);
} finally {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
