// Lending at a busy place: 2,000 devices and 20,000 past loans at one meeting centre (plus active loans, sessions
// and a waiting list). Prints p50/p95 server time of the pages volunteers open all day, measured over HTTP against
// the built server (loader + rendering). Target: p95 ≤ 50 ms on a two-core machine.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "~/db.server";
import { newReferenceCode } from "~/lib/reference-code";
import { prepareDatabase } from "~/setup.server";
import { startApp } from "../tests/helpers/app-server";
import { DEMO_PASSWORD } from "../prisma/seed-data";

const DEVICES = 2_000;
const PAST_LOANS = 20_000;
const ACTIVE_LOANS = 400;
const PEOPLE = 5_000;
const RUNS = 300;
const DAY = 86_400_000;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-bench-lending-"));
const url = `file:${path.join(dir, "bench.db")}`;
await prepareDatabase(url, { seedWhenEmpty: true });

const started = performance.now();
const db = await openDatabase(url);
const centre = await db.location.findUniqueOrThrow({ where: { slug: "bz-vahr" } });
const volunteer = await db.staff.findUniqueOrThrow({ where: { email: "ehrenamt@ambulanz.example" } });
try {
  const now = Date.now();
  const references = new Set((await db.loan.findMany({ select: { reference: true } })).map((l) => l.reference));
  const reference = () => {
    let code = newReferenceCode();
    while (references.has(code)) code = newReferenceCode();
    references.add(code);
    return code;
  };

  const people = Array.from({ length: PEOPLE }, (_, i) => ({
    id: `lp${i}`,
    firstName: ["Gisela", "Heinz", "Ayşe", "Yusuf", "Margaret", "Erika", "Jürgen", "Olga"][i % 8],
    phone: `+49160${String(20_000_000 + i)}`,
    phoneType: "mobile",
  }));
  for (let i = 0; i < people.length; i += 2_000) await db.person.createMany({ data: people.slice(i, i + 2_000) });

  const statusOf = (i: number) => (i < ACTIVE_LOANS ? "on_loan" : i % 50 === 0 ? "needs_reset" : i % 70 === 0 ? "in_repair" : "available");
  const devices = Array.from({ length: DEVICES }, (_, i) => ({
    id: `ld${i}`,
    assetTag: `LOAD-${String(i).padStart(5, "0")}`,
    locationId: centre.id,
    model: ["Samsung Galaxy Tab A9+", "Apple iPad (9. Generation)", "Lenovo Tab M10"][i % 3],
    accessories: '["charger","case"]',
    status: statusOf(i),
  }));
  for (let i = 0; i < devices.length; i += 1_000) await db.device.createMany({ data: devices.slice(i, i + 1_000) });

  const loan = (i: number, active: boolean) => {
    const checkedOutAt = new Date(now - (active ? (i % 50) + 3 : 60 + (i % 1500)) * DAY);
    // Active loans: a few due today, a few overdue, most later.
    const dueAt = active ? new Date(now + ((i % 60) - 5) * DAY) : new Date(checkedOutAt.getTime() + 56 * DAY);
    const deviceId = devices[active ? i : i % DEVICES].id;
    return {
      reference: reference(),
      deviceId,
      activeDeviceId: active ? deviceId : null,
      personId: people[(i * 7) % PEOPLE].id,
      locationId: centre.id,
      mentorId: volunteer.id,
      handedOutById: volunteer.id,
      status: active ? "active" : "returned",
      checkedOutAt,
      dueAt,
      returnedAt: active ? null : dueAt,
      agreementMode: "paper",
      agreementAcceptedAt: checkedOutAt,
      learningGoals: '[{"topicId":"topic_wifi","achieved":true}]',
      followUp: !active && i % 400 === 0 ? "charger" : null,
      outcome: active ? null : "returned",
    };
  };
  for (let i = 0; i < PAST_LOANS; i += 2_000) {
    await db.loan.createMany({ data: Array.from({ length: Math.min(2_000, PAST_LOANS - i) }, (_, j) => loan(i + j, false)) });
  }
  await db.loan.createMany({ data: Array.from({ length: ACTIVE_LOANS }, (_, i) => loan(i, true)) });
  const activeLoans = await db.loan.findMany({ where: { locationId: centre.id, status: "active" }, select: { id: true } });
  await db.mentoringSession.createMany({
    data: activeLoans.flatMap((l, i) => [
      { loanId: l.id, mentorId: volunteer.id, startsAt: new Date(now - 7 * DAY), attendance: "attended", topics: '["topic_wifi"]' },
      // The next session of each loan, spread over the coming eight weeks (about seven a day at this place).
      { loanId: l.id, mentorId: volunteer.id, startsAt: new Date(now + (i % 56) * DAY + ((i % 8) - 2) * 3_600_000), topics: '["topic_photos"]' },
    ]),
  });
  await db.reservation.createMany({
    data: Array.from({ length: 60 }, (_, i) => ({
      reference: reference(),
      personId: people[PEOPLE - 1 - i].id,
      locationId: centre.id,
      channel: "phone",
      position: i + 1,
      status: i < 50 ? "waiting" : "declined",
    })),
  });
  await db.$queryRawUnsafe("PRAGMA optimize=0x10002");
} finally {
  await db.$disconnect();
}
console.log(
  `\nLending at one place: ${DEVICES.toLocaleString("en")} devices, ${PAST_LOANS.toLocaleString("en")} past and ${ACTIVE_LOANS} active loans, loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`,
);

// The worker stays off: the offer job would start pairing the waiting list with the free devices mid-measurement.
const app = await startApp({ DATABASE_URL: url, RUN_JOBS: "false" });
const page = (p: string) => new URL(p, app.baseUrl).toString();
try {
  const cookie = await signIn("ehrenamt@ambulanz.example");
  console.log(`  p50 / p95 in ms over ${RUNS} sequential requests each, signed in as the volunteer:`);
  const devicePage = `/team/devices/${(await firstDeviceId())!}`;
  for (const [label, p] of [
    ["staff home (baseline)", "/team"],
    ["today at the centre", `/team/today?location=${centre.id}`],
    ["device list", `/team/devices?location=${centre.id}`],
    ["device list, page 30", `/team/devices?location=${centre.id}&page=30`],
    ["device list, status", `/team/devices?location=${centre.id}&status=available`],
    ["find by tag", `/team/devices?location=${centre.id}&q=LOAD-01234`],
    ["loans, overdue", `/team/loans?view=overdue&location=${centre.id}`],
    ["one device + history", devicePage],
  ] as const) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const start = performance.now();
      const res = await fetch(page(p), { headers: { Cookie: cookie }, redirect: "manual" });
      await res.arrayBuffer();
      if (res.status !== 200) throw new Error(`${p} answered ${res.status}`);
      times.push(performance.now() - start);
    }
    times.sort((a, b) => a - b);
    const pct = (q: number) => times[Math.floor(q * (times.length - 1))].toFixed(1);
    console.log(`  ${label.padEnd(26)} ${pct(0.5).padStart(6)} / ${pct(0.95).padStart(6)}`);
  }
} finally {
  await app.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}

async function firstDeviceId() {
  const db2 = await openDatabase(url);
  try {
    return (await db2.device.findFirst({ where: { assetTag: "LOAD-00007" }, select: { id: true } }))?.id;
  } finally {
    await db2.$disconnect();
  }
}

async function signIn(email: string): Promise<string> {
  const res = await fetch(page("/team/sign-in"), {
    method: "POST",
    headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  const cookie = res.headers.get("set-cookie")?.split(";")[0];
  if (!cookie) throw new Error(`sign-in failed: ${res.status}`);
  return cookie;
}
