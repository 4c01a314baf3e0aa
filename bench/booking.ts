// Citizen booking under a rush: 50 clients book consultation slots at the Stadtbibliothek through the HTTP
// surface of the built app (choose → details → the check page's "Book now"), many aiming at the same few slots.
// Only the "Book now" POST is timed: one booking attempt each. Prints bookings/s, p50/p95 latency and the double
// bookings found in the database afterwards (a slot/pool with more booked appointments than its capacity: must be 0).
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { openDatabase } from "~/db.server";
import { capacityByPool } from "~/capabilities/scheduling/slots";
import { prepareDatabase } from "~/setup.server";
import { startApp } from "../tests/helpers/app-server";

const CLIENTS = 50;
const ATTEMPTS_PER_CLIENT = 8;
/** Everyone picks among the first few free slots: the contention of a popular morning. */
const HOT_SLOTS = 40;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-bench-booking-"));
const url = `file:${path.join(dir, "bench.db")}`;
await prepareDatabase(url, { seedWhenEmpty: true });
const setup = await openDatabase(url);
const library = await setup.location.findUniqueOrThrow({ where: { slug: "stadtbibliothek" } });
// A busy week: weekday mornings with 4 online places per 20-minute slot (besides the demo hours).
for (const weekday of [1, 3, 5]) {
  await setup.consultationHour.create({
    data: {
      locationId: library.id,
      weekday,
      startTime: "08:00",
      endTime: "10:00",
      slotMinutes: 20,
      capacity: 5,
      onlineCapacity: 4,
      phoneCapacity: 1,
    },
  });
}
await setup.$disconnect();

const app = await startApp({ DATABASE_URL: url, RUN_JOBS: "false" });
const at = (p: string) => new URL(p, app.baseUrl).toString();
const headers = (cookie: string) => ({
  Origin: app.baseUrl,
  Cookie: cookie,
  "Content-Type": "application/x-www-form-urlencoded",
});
const cookieOf = (res: Response) =>
  res.headers
    .getSetCookie()
    .map((c) => c.split(";")[0])
    .filter((c) => !c.endsWith("="))
    .join("; ");

async function freeSlotValues(): Promise<string[]> {
  const values = new Set<string>();
  for (let week = 0; week < 4; week++) {
    const html = await (await fetch(at(`/book/stadtbibliothek?week=${week}`))).text();
    for (const m of html.matchAll(/name="slot" value="([^"]+)"/g))
      values.add(m[1].replace(/&#x27;|&amp;/g, (e) => (e === "&amp;" ? "&" : "'")));
  }
  return [...values];
}

let phoneCounter = 0;
/** Choose a slot and answer the questions; returns the cookie the check page needs. */
async function prepare(slot: string): Promise<string> {
  const chosen = await fetch(at("/book/stadtbibliothek"), {
    method: "POST",
    redirect: "manual",
    headers: headers(""),
    body: new URLSearchParams({ slot }),
  });
  const cookie = cookieOf(chosen);
  const phone = `0151 7${String(1_000_000 + ++phoneCounter).padStart(7, "0")}`;
  const details = await fetch(at("/book/stadtbibliothek/details"), {
    method: "POST",
    redirect: "manual",
    headers: headers(cookie),
    body: new URLSearchParams({ firstName: "Bench", phone, language: "de", contactPreference: "sms" }),
  });
  if (details.status !== 302) throw new Error(`details answered ${details.status}`);
  return cookieOf(details);
}

const latencies: number[] = [];
const outcomes = { booked: 0, taken: 0, refused: 0, failed: 0 };
try {
  const slots = (await freeSlotValues()).slice(0, HOT_SLOTS);
  console.log(
    `\nBooking rush: ${CLIENTS} clients × ${ATTEMPTS_PER_CLIENT} attempts on the ${
      slots.length
    } next free online slots (${slots.length ? "Stadtbibliothek" : "none!"})`
  );
  const started = performance.now();
  let measured = 0;
  await Promise.all(
    Array.from({ length: CLIENTS }, async (_, client) => {
      for (let i = 0; i < ATTEMPTS_PER_CLIENT; i++) {
        const cookie = await prepare(slots[(client + i * 7) % slots.length]);
        const start = performance.now();
        const res = await fetch(at("/book/stadtbibliothek/check"), {
          method: "POST",
          redirect: "manual",
          headers: headers(cookie),
          body: "",
        });
        await res.arrayBuffer();
        const took = performance.now() - start;
        latencies.push(took);
        measured += took;
        const location = res.headers.get("Location") ?? "";
        if (res.status === 302 && location.endsWith("/book/done")) outcomes.booked++;
        else if (res.status === 302 && location.endsWith("/book/stadtbibliothek")) outcomes.taken++;
        else if (res.status === 400 || res.status === 409) outcomes.refused++;
        else outcomes.failed++;
      }
    })
  );
  const wall = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const pct = (p: number) => latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))];
  const attempts = latencies.length;
  console.log(
    `  attempts: ${attempts}; booked ${outcomes.booked}, "just taken" ${outcomes.taken}, other refusals ${outcomes.refused}, errors ${outcomes.failed}`
  );
  console.log(
    `  "Book now" latency: p50 ${pct(50).toFixed(1)} ms, p95 ${pct(95).toFixed(1)} ms (max ${pct(100).toFixed(1)} ms)`
  );
  console.log(
    `  throughput: ${(attempts / wall).toFixed(1)} booking attempts/s, ${(outcomes.booked / wall).toFixed(
      1
    )} bookings/s over ${wall.toFixed(1)} s wall time (incl. the untimed choose/details steps; ${(
      measured /
      1000 /
      CLIENTS
    ).toFixed(1)} s per client in "Book now")`
  );
} finally {
  await app.stop().catch(() => undefined);
}

// Double bookings: any slot and pool holding more booked appointments than its share of the capacity.
const db = await openDatabase(url);
try {
  const hours = new Map((await db.consultationHour.findMany()).map((h) => [h.id, capacityByPool(h)]));
  const groups = await db.appointment.groupBy({
    by: ["consultationHourId", "startsAt", "pool"],
    where: { status: "booked" },
    _count: { _all: true },
  });
  const over = groups.filter(
    (g) => g._count._all > (hours.get(g.consultationHourId ?? "")?.[g.pool as "web" | "phone" | "internal"] ?? 0)
  );
  const total = groups.reduce((sum, g) => sum + g._count._all, 0);
  console.log(
    `  double bookings in the database: ${over.length} (${total} booked appointments in ${groups.length} slot/pool groups)`
  );
  if (outcomes.failed || over.length) process.exitCode = 1;
} finally {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
