// Helpdesk at city scale: 100,000 tickets. Prints p50/p95 of the staff queue views and searches, measured on the
// capability functions the pages call (the page adds rendering, see bench/pages.ts). Target: p95 ≤ 50 ms.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { withActor, type Ctx } from "~/context";
import { createMessenger } from "~/capabilities/messaging/messenger.server";
import type { StaffActor } from "~/capabilities/people/permissions";
import { listTickets, type TicketListInput } from "~/capabilities/helpdesk/queries.server";
import { systemClock } from "~/lib/clock";
import { newReferenceCode } from "~/lib/reference-code";
import { openDatabase } from "~/db.server";
import { prepareDatabase } from "~/setup.server";

const TICKETS = Number(process.env.BENCH_TICKETS ?? 100_000);
const PEOPLE = 20_000;
const RUNS = 200;

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-bench-"));
const url = `file:${path.join(dir, "bench.db")}`;
await prepareDatabase(url, { seedWhenEmpty: true });
const db = await openDatabase(url);

try {
  const started = performance.now();
  const locations = await db.location.findMany();
  const categories = await db.ticketCategory.findMany();
  const staff = await db.staff.findMany({ include: { memberships: true } });
  const now = Date.now();
  const pick = <T>(list: T[], i: number) => list[i % list.length];

  const personIds: string[] = [];
  for (let i = 0; i < PEOPLE; i += 2_000) {
    const batch = Array.from({ length: Math.min(2_000, PEOPLE - i) }, (_, j) => ({
      id: `bp${i + j}`,
      firstName: ["Gisela", "Heinz", "Ayşe", "Yusuf", "Margaret", "Erika", "Jürgen", "Olga"][(i + j) % 8] + (i + j),
      phone: `+49151${String(10_000_000 + i + j)}`,
      phoneType: "mobile",
    }));
    await db.person.createMany({ data: batch });
    personIds.push(...batch.map((b) => b.id));
  }
  const references = new Set<string>();
  const statuses = ["new", "open", "waiting", "scheduled", "resolved", "closed", "closed", "closed"];
  for (let i = 0; i < TICKETS; i += 5_000) {
    const batch = Array.from({ length: Math.min(5_000, TICKETS - i) }, (_, j) => {
      const n = i + j;
      let reference = newReferenceCode();
      while (references.has(reference)) reference = newReferenceCode();
      references.add(reference);
      const assignee = n % 3 === 0 ? pick(staff, n).id : null;
      return {
        reference,
        personId: pick(personIds, n * 7),
        locationId: n % 10 === 0 ? null : pick(locations, n).id,
        assigneeId: assignee,
        categoryId: pick(categories, n).id,
        status: pick(statuses, n),
        priority: pick(["low", "normal", "normal", "high", "urgent"], n),
        channel: pick(["web", "phone", "sms", "walk_in"], n),
        description: "Benchmark-Anliegen",
        lastActivityAt: new Date(now - (n % 90) * 86_400_000 - n * 1000),
        createdAt: new Date(now - (n % 90) * 86_400_000 - n * 1000),
      };
    });
    await db.ticket.createMany({ data: batch });
  }
  // What the nightly maintenance job does: fresh statistics for SQLite's query planner.
  await db.$queryRawUnsafe("PRAGMA optimize=0x10002");
  console.log(`\nHelpdesk: ${TICKETS.toLocaleString("en")} tickets, ${PEOPLE.toLocaleString("en")} people, loaded in ${((performance.now() - started) / 1000).toFixed(1)} s`);

  const services = { db, clock: systemClock, messenger: createMessenger(systemClock, { publicUrl: "https://ambulanz.example", programmePhone: "+494211234560" }) };
  const asStaff = (role: string): Ctx & { actor: StaffActor } => {
    const row = staff.find((s) => s.role === role)!;
    return withActor(services as never, {
      kind: "staff",
      staffId: row.id,
      name: row.name,
      role: row.role as StaffActor["role"],
      locationIds: row.memberships.map((m) => m.locationId),
    }) as Ctx & { actor: StaffActor };
  };
  const librarian = asStaff("librarian");
  const coordinator = asStaff("coordinator");
  const someReference = [...references][4242];
  const cases: [string, Ctx & { actor: StaffActor }, TicketListInput][] = [
    ["queue (librarian)", librarian, { view: "queue", page: 1 }],
    ["queue, page 40", librarian, { view: "queue", page: 40 }],
    ["mine (librarian)", librarian, { view: "mine", page: 1 }],
    ["unassigned (coordinator)", coordinator, { view: "unassigned", page: 1 }],
    ["overdue (coordinator)", coordinator, { view: "overdue", page: 1 }],
    ["search reference", coordinator, { view: "all", q: someReference, page: 1 }],
    ["search phone", coordinator, { view: "all", q: "0151 10004242", page: 1 }],
    ["search first name", coordinator, { view: "all", q: "Erika4", page: 1 }],
    ["search + category", coordinator, { view: "all", q: "Gisela", categoryId: categories[0].id, page: 1 }],
  ];
  console.log("  p50 / p95 in ms over", RUNS, "runs each:");
  for (const [label, ctx, input] of cases) {
    const times: number[] = [];
    for (let i = 0; i < RUNS; i++) {
      const t = performance.now();
      await listTickets(ctx, input);
      times.push(performance.now() - t);
    }
    times.sort((a, b) => a - b);
    const p = (q: number) => times[Math.floor(q * (times.length - 1))].toFixed(1);
    console.log(`  ${label.padEnd(26)} ${p(0.5).padStart(6)} / ${p(0.95).padStart(6)}`);
  }
} finally {
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
