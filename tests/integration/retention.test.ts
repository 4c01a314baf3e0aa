// The retention schedule (Löschkonzept) with a pinned clock: each kind of record is kept until its boundary and gone
// at it (also across the clocks changing in March and October), open records are never touched, a person goes only
// when nothing is left, anonymous monthly figures are kept and counted exactly once, and afterwards the database file
// itself no longer holds a deleted person's name or number.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { withActor, type Ctx } from "~/context";
import type { Db } from "~/db.server";
import { readConfig } from "~/config.server";
import { deleteTickets } from "~/capabilities/privacy/retention/delete.server";
import { retentionOverview, retentionSettings } from "~/capabilities/privacy/retention/overview.server";
import { applyRetentionSchedule, previewRetention } from "~/capabilities/privacy/retention/run.server";
import { mentoringReport } from "~/capabilities/lending/mentoring-report.server";
import { handlers, schedule } from "../../jobs/registry";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

let n = 0;
const next = () => ++n;
const LONG_AGO = new Date("2020-01-01T00:00:00Z");

/** A fresh database and the schedule's defaults: tickets and loans 365 days, appointments and callbacks 90, places 0. */
async function setUp(now: string, { encrypted = true } = {}) {
  const services = await createTestServices(now, { encrypted });
  const place = await makeLocation(services.db);
  const ctx: Ctx = withActor(services, { kind: "system", name: "test" });
  const settings = retentionSettings(services.config);
  const run = () => applyRetentionSchedule(ctx, settings);
  return { services, db: services.db, place, ctx, settings, run };
}

async function person(db: Db, over: { firstName?: string; phone?: string; createdAt?: Date } = {}) {
  const i = next();
  return db.person.create({
    data: {
      firstName: over.firstName ?? `Gisela${i}`,
      phone: over.phone ?? `+4915177${String(i).padStart(6, "0")}`,
      phoneType: "mobile",
      createdAt: over.createdAt ?? LONG_AGO,
    },
  });
}

async function ticket(
  db: Db,
  personId: string,
  locationId: string,
  over: { status?: string; closedAt?: Date | null; createdAt?: Date; channel?: string; description?: string } = {}
) {
  const createdAt = over.createdAt ?? new Date("2025-06-10T10:00:00Z");
  return db.ticket.create({
    data: {
      reference: `T${String(next()).padStart(5, "0")}`,
      personId,
      locationId,
      channel: over.channel ?? "web",
      status: over.status ?? "closed",
      closedAt: over.closedAt === undefined ? new Date("2025-11-23T10:00:00Z") : over.closedAt,
      description: over.description ?? "Das Tablet geht nicht an",
      createdAt,
      lastActivityAt: createdAt,
    },
  });
}

async function message(db: Db, personId: string | null, toPhone: string, at: Date, body = "Hallo, Ihr Termin") {
  return db.message.create({
    data: {
      personId,
      toPhone,
      channel: "sms",
      template: "welcome",
      language: "de",
      body,
      status: "delivered",
      idempotencyKey: `k${next()}`,
      createdAt: at,
      finalAt: at,
    },
  });
}

async function device(db: Db, locationId: string) {
  return db.device.create({ data: { assetTag: `TAB-${next()}`, locationId, model: "Tablet" } });
}

async function loan(
  db: Db,
  personId: string,
  locationId: string,
  over: { status?: string; checkedOutAt: Date; returnedAt: Date | null }
) {
  const d = await device(db, locationId);
  return db.loan.create({
    data: {
      reference: `L${String(next()).padStart(5, "0")}`,
      deviceId: d.id,
      personId,
      locationId,
      status: over.status ?? "returned",
      checkedOutAt: over.checkedOutAt,
      dueAt: over.returnedAt ?? over.checkedOutAt,
      returnedAt: over.returnedAt,
      activeDeviceId: over.returnedAt ? null : d.id,
      agreementMode: "paper",
      agreementAcceptedAt: over.checkedOutAt,
    },
  });
}

async function appointment(
  db: Db,
  personId: string,
  locationId: string,
  startsAt: Date,
  over: { status?: string; channel?: string } = {}
) {
  return db.appointment.create({
    data: {
      reference: `A${String(next()).padStart(5, "0")}`,
      personId,
      locationId,
      startsAt,
      endsAt: new Date(startsAt.getTime() + 30 * 60_000),
      pool: "web",
      channel: over.channel ?? "web",
      status: over.status ?? "done",
      concern: "WhatsApp einrichten",
    },
  });
}

async function callback(db: Db, personId: string, locationId: string, updatedAt: Date, status = "done") {
  return db.callback.create({
    data: {
      reference: `C${String(next()).padStart(5, "0")}`,
      personId,
      locationId,
      channel: "phone",
      status,
      concern: "Bitte zurückrufen",
      createdAt: updatedAt,
      updatedAt,
      attempts: { create: { at: updatedAt, outcome: "reached", note: "erreicht" } },
    },
  });
}

const figures = (db: Db) =>
  db.monthlyFigure.findMany({
    orderBy: [{ month: "asc" }, { locationId: "asc" }, { measure: "asc" }],
    select: { month: true, locationId: true, measure: true, value: true },
  });

describe("closed tickets: 365 days after closing", () => {
  it("are kept the day before and go at the boundary, with their timeline, messages and calls; open tickets never", async () => {
    const { db, place, services, run } = await setUp("2026-11-22T10:00:00Z");
    const staff = await makeStaff(db, { role: "volunteer", locationIds: [place.id] });
    const someone = await person(db);
    const closed = await ticket(db, someone.id, place.id);
    const sms = await message(
      db,
      someone.id,
      someone.phone,
      new Date("2025-11-01T10:00:00Z"),
      "Ihr Anliegen ist erledigt"
    );
    await db.ticketEvent.create({
      data: { ticketId: closed.id, kind: "message_out", body: "Ihr Anliegen ist erledigt", messageId: sms.id },
    });
    await db.call.create({
      data: {
        staffId: staff.id,
        personId: someone.id,
        ticketId: closed.id,
        status: "completed",
        createdAt: new Date("2025-11-01T10:00:00Z"),
      },
    });
    const open = await ticket(db, someone.id, place.id, {
      status: "open",
      closedAt: null,
      createdAt: new Date("2021-01-01T10:00:00Z"),
    });

    expect((await run()).tickets).toBe(0);
    expect(await db.ticket.count()).toBe(2);

    services.clock.set("2026-11-23T10:00:00Z");
    expect((await run()).tickets).toBe(1);
    expect(await db.ticket.findUnique({ where: { id: closed.id } })).toBeNull();
    expect(await db.ticketEvent.count({ where: { ticketId: closed.id } })).toBe(0);
    expect(await db.message.findUnique({ where: { id: sms.id } })).toBeNull();
    expect(await db.call.count({ where: { ticketId: closed.id } })).toBe(0);
    expect(await db.ticket.findUnique({ where: { id: open.id } })).not.toBeNull();
    expect(await db.person.findUnique({ where: { id: someone.id } })).not.toBeNull(); // the open ticket is still theirs
  });
});

describe("ended loans: 365 days after the return", () => {
  it("go with sessions and photos at the boundary and leave their figures; an active loan is never touched", async () => {
    const { db, place, services, run } = await setUp("2026-03-09T10:59:00Z");
    const borrower = await person(db);
    const ended = await loan(db, borrower.id, place.id, {
      checkedOutAt: new Date("2025-01-10T10:00:00Z"),
      returnedAt: new Date("2025-03-10T11:00:00Z"),
    });
    await db.mentoringSession.createMany({
      data: [
        {
          loanId: ended.id,
          startsAt: new Date("2025-01-20T10:00:00Z"),
          durationMinutes: 60,
          attendance: "attended",
          topics: '["topic-mail"]',
          notes: "Mails gelesen",
        },
        {
          loanId: ended.id,
          startsAt: new Date("2025-01-27T10:00:00Z"),
          durationMinutes: 45,
          attendance: "attended",
          topics: '["topic-mail"]',
        },
        { loanId: ended.id, startsAt: new Date("2025-02-03T10:00:00Z"), durationMinutes: 60, attendance: "no_show" },
      ],
    });
    await db.loanPhoto.create({ data: { loanId: ended.id, contentType: "image/png", data: Buffer.from([1, 2, 3]) } });
    const active = await loan(db, borrower.id, place.id, {
      status: "active",
      checkedOutAt: new Date("2023-01-10T10:00:00Z"),
      returnedAt: null,
    });

    expect((await run()).loans).toBe(0);
    services.clock.set("2026-03-10T11:00:00Z");
    expect((await run()).loans).toBe(1);
    expect(await db.loan.findUnique({ where: { id: ended.id } })).toBeNull();
    expect(await db.mentoringSession.count()).toBe(0);
    expect(await db.loanPhoto.count()).toBe(0);
    expect(await db.loan.findUnique({ where: { id: active.id } })).not.toBeNull();

    const kept = await figures(db);
    const at = (month: string, measure: string) =>
      kept.find((f) => f.month === month && f.measure === measure && f.locationId === place.id)?.value;
    expect(at("2025-01", "loans.started")).toBe(1);
    expect(at("2025-03", "loans.ended")).toBe(1);
    expect(at("2025-03", "loans.days")).toBe(59);
    expect(at("2025-01", "mentoring.attended")).toBe(2);
    expect(at("2025-01", "mentoring.attendedMinutes")).toBe(105);
    expect(at("2025-02", "mentoring.noShow")).toBe(1);
    expect(at("2025-01", "mentoring.topic.topic-mail")).toBe(2);
    expect(JSON.stringify(kept)).not.toMatch(new RegExp(`${borrower.id}|${ended.id}|Mails|${borrower.firstName}`));

    // The funder's report still shows January's mentoring after the rows are gone.
    const coordinator = staffContext(services, await makeStaff(db, { role: "coordinator", locationIds: [place.id] }));
    const january = (await mentoringReport(coordinator, "2025-01")).find((r) => r.locationId === place.id);
    expect(january).toMatchObject({
      loansStarted: 1,
      attended: 2,
      minutes: 105,
      topTopics: [{ topicId: "topic-mail", count: 2 }],
    });
  });
});

describe("across a change of the clocks (Europe/Berlin)", () => {
  it("March: an appointment goes 90 calendar days later at the same wall-clock time, not 90 × 24 hours", async () => {
    // Ends 12:00 CET on 15 January; 90 days later is 12:00 CEST on 15 April = 10:00 UTC (90 × 24 h would be 11:00 UTC).
    const { db, place, services, run } = await setUp("2026-04-15T09:59:00Z");
    const someone = await person(db);
    const visit = await appointment(db, someone.id, place.id, new Date("2026-01-15T10:30:00Z"));
    expect((await run()).appointments).toBe(0);
    services.clock.set("2026-04-15T10:00:00Z");
    expect((await run()).appointments).toBe(1);
    expect(await db.appointment.findUnique({ where: { id: visit.id } })).toBeNull();
  });

  it("October: a finished callback goes 90 calendar days later at the same wall-clock time", async () => {
    // Finished 12:00 CEST on 30 August; 90 days later is 12:00 CET on 28 November = 11:00 UTC (90 × 24 h: 10:00 UTC).
    const { db, place, services, run } = await setUp("2026-11-28T10:30:00Z");
    const someone = await person(db);
    const done = await callback(db, someone.id, place.id, new Date("2026-08-30T10:00:00Z"));
    expect((await run()).callbacks).toBe(0);
    services.clock.set("2026-11-28T11:00:00Z");
    expect((await run()).callbacks).toBe(1);
    expect(await db.callback.findUnique({ where: { id: done.id } })).toBeNull();
    expect(await db.callbackAttempt.count()).toBe(0);
  });
});

describe("consultation hours, callbacks and the waiting list", () => {
  it("walk-ins and day lists go 90 days after their day; open callbacks and open places stay; ended places go the next night", async () => {
    const { db, place, services, run } = await setUp("2026-04-14T21:00:00Z"); // 23:00 Berlin on 14 April
    const someone = await person(db);
    const walkIn = await db.walkIn.create({
      data: {
        locationId: place.id,
        personId: someone.id,
        displayName: "Gisela",
        number: 1,
        day: "2026-01-14",
        arrivedAt: new Date("2026-01-14T22:30:00Z"),
        status: "done",
      },
    });
    const dayWait = await db.dayWait.create({
      data: { reference: "DW3344", personId: someone.id, locationId: place.id, day: "2026-01-14", status: "expired" },
    });
    const laterDay = await db.dayWait.create({
      data: { reference: "DW3345", personId: someone.id, locationId: place.id, day: "2026-01-15", status: "expired" },
    });
    const promised = await callback(db, someone.id, place.id, new Date("2025-01-01T10:00:00Z"), "scheduled");
    const waiting = await db.reservation.create({
      data: {
        reference: "RW3344",
        personId: someone.id,
        locationId: place.id,
        channel: "web",
        status: "waiting",
        position: 1,
        createdAt: LONG_AGO,
        updatedAt: LONG_AGO,
      },
    });
    const cancelled = await db.reservation.create({
      data: {
        reference: "RC3344",
        personId: someone.id,
        locationId: place.id,
        channel: "phone",
        status: "cancelled",
        position: 2,
        wishes: "Fotos an die Enkel schicken",
        createdAt: new Date("2026-04-14T08:00:00Z"),
        updatedAt: new Date("2026-04-14T09:00:00Z"),
        events: { create: { kind: "cancelled", reason: "hat ein eigenes Tablet" } },
      },
    });

    const first = await run();
    expect(first).toMatchObject({ walkIns: 0, dayWaits: 0, reservations: 1 });
    expect(await db.reservation.findUnique({ where: { id: cancelled.id } })).toBeNull();
    expect(await db.reservationEvent.count()).toBe(0);
    expect(await db.walkIn.findUnique({ where: { id: walkIn.id } })).not.toBeNull(); // arrived 23:30 Berlin on 14 January

    services.clock.set("2026-04-14T22:00:00Z"); // 00:00 Berlin on 15 April: 90 days after 14 January ended
    expect(await run()).toMatchObject({ walkIns: 1, dayWaits: 1 });
    expect(await db.dayWait.findUnique({ where: { id: dayWait.id } })).toBeNull();
    expect(await db.dayWait.findUnique({ where: { id: laterDay.id } })).not.toBeNull();
    expect(await db.callback.findUnique({ where: { id: promised.id } })).not.toBeNull();
    expect(await db.reservation.findUnique({ where: { id: waiting.id } })).not.toBeNull();
    const kept = await figures(db);
    expect(kept).toEqual(
      expect.arrayContaining([
        { month: "2026-04", locationId: place.id, measure: "waitlist.places", value: 1 },
        { month: "2026-01", locationId: place.id, measure: "walkIns", value: 1 },
        { month: "2026-01", locationId: place.id, measure: "dayWaits", value: 1 },
      ])
    );
  });
});

describe("people", () => {
  it("go only when nothing is left — and their messages with them", async () => {
    const { db, place, run, ctx, settings } = await setUp("2026-11-23T10:00:00Z");
    const done = await person(db);
    await ticket(db, done.id, place.id); // closed 365 days ago
    const oldSms = await message(db, done.id, done.phone, new Date("2025-06-01T10:00:00Z"));
    const booked = await person(db);
    await ticket(db, booked.id, place.id);
    await appointment(db, booked.id, place.id, new Date("2026-12-01T10:00:00Z"), { status: "booked" });
    const texted = await person(db);
    await message(db, texted.id, texted.phone, new Date("2026-10-30T10:00:00Z"));
    const nothingYet = await person(db, { createdAt: new Date("2026-11-23T09:00:00Z") });

    const preview = await previewRetention(ctx, settings);
    const counts = await run();
    expect(counts.persons).toBe(1);
    expect(preview.persons).toBe(1);
    expect(await db.person.findUnique({ where: { id: done.id } })).toBeNull();
    expect(await db.message.findUnique({ where: { id: oldSms.id } })).toBeNull();
    for (const kept of [booked, texted, nothingYet])
      expect(await db.person.findUnique({ where: { id: kept.id } })).not.toBeNull();
  });

  it("leave nothing in the database file: neither the first name nor the phone number", async () => {
    // Unencrypted, so the search sees what the key would hide (decision 035).
    const { db, place, services, run } = await setUp("2026-11-23T10:00:00Z", { encrypted: false });
    const name = "Zacharias";
    const phone = "+4915199887766";
    const gone = await person(db, { firstName: name, phone });
    const t = await ticket(db, gone.id, place.id, { description: `${name} erreicht man unter ${phone}` });
    const sms = await message(
      db,
      gone.id,
      phone,
      new Date("2025-06-01T10:00:00Z"),
      `Hallo ${name}, Ihr Anliegen ist erledigt.`
    );
    await db.ticketEvent.create({
      data: { ticketId: t.id, kind: "message_out", body: `Hallo ${name}`, messageId: sms.id },
    });
    await appointment(db, gone.id, place.id, new Date("2025-01-10T10:00:00Z"));
    await message(db, null, phone, new Date("2025-05-01T10:00:00Z"), `Erinnerung für ${name}`);
    // Someone else stays, so the file still has live pages next to the freed ones.
    const other = await person(db, { firstName: "Hannelore" });
    await ticket(db, other.id, place.id, { status: "open", closedAt: null });

    await run();
    expect(await db.person.findUnique({ where: { id: gone.id } })).toBeNull();
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    const [{ file }] = await db.$queryRawUnsafe<{ file: string }[]>(
      "SELECT file FROM pragma_database_list WHERE name = 'main'"
    );
    const stored = Buffer.concat([
      fs.readFileSync(file),
      fs.existsSync(`${file}-wal`) ? fs.readFileSync(`${file}-wal`) : Buffer.alloc(0),
    ]);
    expect(stored.includes(Buffer.from("Hannelore"))).toBe(true); // the search itself works
    expect(stored.includes(Buffer.from(name))).toBe(false);
    expect(stored.includes(Buffer.from(phone.slice(1)))).toBe(false);
    expect(services.clock.now().toISOString()).toBe("2026-11-23T10:00:00.000Z");
  });
});

describe("figures survive deletion, counted exactly once", () => {
  it("a second run counts nothing again; a batch that fails midway counts and deletes nothing", async () => {
    const { db, place, ctx, run } = await setUp("2026-11-23T10:00:00Z");
    const category = await db.ticketCategory.create({ data: { key: "retention-test" } });
    const someone = await person(db);
    const a = await ticket(db, someone.id, place.id, { channel: "phone" });
    await db.ticket.update({ where: { id: a.id }, data: { categoryId: category.id } });
    await ticket(db, someone.id, place.id, { channel: "web" });
    await appointment(db, someone.id, place.id, new Date("2025-06-03T10:00:00Z"), {
      status: "no_show",
      channel: "phone",
    });
    await callback(db, someone.id, place.id, new Date("2025-06-04T10:00:00Z"));

    // A crash inside a batch: its figures roll back with its deletion.
    await expect(
      db.$transaction(async (tx) => {
        await deleteTickets(ctx, tx, [a.id]);
        throw new Error("power cut");
      })
    ).rejects.toThrow("power cut");
    expect(await db.monthlyFigure.count()).toBe(0);
    expect(await db.ticket.count()).toBe(2);

    await run();
    const once = await figures(db);
    expect(once).toEqual(
      expect.arrayContaining([
        { month: "2025-06", locationId: place.id, measure: "tickets.opened", value: 2 },
        { month: "2025-06", locationId: place.id, measure: "tickets.channel.phone", value: 1 },
        { month: "2025-06", locationId: place.id, measure: "tickets.channel.web", value: 1 },
        { month: "2025-06", locationId: place.id, measure: "tickets.category.retention-test", value: 1 },
        { month: "2025-06", locationId: place.id, measure: "tickets.category.none", value: 1 },
        { month: "2025-06", locationId: place.id, measure: "appointments.channel.phone", value: 1 },
        { month: "2025-06", locationId: place.id, measure: "appointments.status.no_show", value: 1 },
        { month: "2025-06", locationId: place.id, measure: "callbacks.requested", value: 1 },
        { month: "2025-06", locationId: place.id, measure: "callbacks.reached", value: 1 },
      ])
    );
    expect(await run()).toMatchObject({ tickets: 0, appointments: 0, callbacks: 0, persons: 0 });
    expect(await figures(db)).toEqual(once);
  });

  it("the dry run counts what the run then removes", async () => {
    const { db, place, ctx, settings, run } = await setUp("2026-11-23T10:00:00Z");
    for (let i = 0; i < 3; i++) {
      const someone = await person(db);
      await ticket(db, someone.id, place.id);
      await appointment(db, someone.id, place.id, new Date("2025-06-03T10:00:00Z"));
      await message(db, null, "+4942100000", new Date("2025-01-01T10:00:00Z"));
    }
    const preview = await previewRetention(ctx, settings);
    expect(preview).toMatchObject({ tickets: 3, appointments: 3, persons: 3, messages: 3 });
    expect(await run()).toEqual(preview);
    expect(await previewRetention(ctx, settings)).toMatchObject({
      tickets: 0,
      appointments: 0,
      persons: 0,
      messages: 0,
    });
  });
});

describe("the nightly job and the page", () => {
  it("runs every night and leaves one audit entry with counts only", async () => {
    const { db, place, services } = await setUp("2026-11-23T10:00:00Z");
    const someone = await person(db);
    await ticket(db, someone.id, place.id);
    expect(schedule.find((s) => s.type === "privacy.applyRetention")?.cron).toBe("0 25 3 * * *");
    await handlers["privacy.applyRetention"]!(services, {}, {} as never);
    const entries = await db.auditEntry.findMany({ where: { action: "retention.applied" } });
    expect(entries).toHaveLength(1);
    expect(JSON.parse(entries[0].details)).toMatchObject({ tickets: 1, persons: 1, actorKind: "system" });
    expect(entries[0].details).not.toContain(someone.id);
  });

  it("shows coordinators each kind with its setting and the next run's counts, is audited, and refuses volunteers", async () => {
    const { db, place, services } = await setUp("2026-11-23T10:00:00Z");
    const someone = await person(db);
    await ticket(db, someone.id, place.id);
    const coordinator = staffContext(services, await makeStaff(db, { role: "coordinator", locationIds: [place.id] }));
    const volunteer = staffContext(services, await makeStaff(db, { role: "volunteer", locationIds: [place.id] }));
    const rows = await retentionOverview(coordinator, services.config);
    expect(rows.find((r) => r.key === "tickets")).toEqual({
      key: "tickets",
      days: 365,
      setting: "RETENTION_TICKET_DAYS",
      due: 1,
    });
    expect(rows.find((r) => r.key === "reservations")).toMatchObject({ days: 0, setting: "RETENTION_WAITLIST_DAYS" });
    expect(rows.find((r) => r.key === "persons")).toMatchObject({ setting: null, due: 1 });
    expect(await db.ticket.count()).toBe(1); // a dry run
    expect(
      await db.auditEntry.count({ where: { action: "retention.viewed", actorId: coordinator.actor.staffId } })
    ).toBe(1);
    await expect(retentionOverview(volunteer, services.config)).rejects.toMatchObject({ status: 403 });
  });
});

describe("settings", () => {
  const base = { NODE_ENV: "test", SESSION_SECRET: "x".repeat(40) } as NodeJS.ProcessEnv;
  it("are whole numbers of days; anything else stops the start naming the setting", () => {
    expect(readConfig({ ...base, RETENTION_TICKET_DAYS: "180", RETENTION_WAITLIST_DAYS: "0" }).retention).toMatchObject(
      { ticketDays: 180, waitlistDays: 0, loanDays: 365 }
    );
    // Left empty (as in a copy of .env.example) it is not set: the default applies.
    expect(readConfig({ ...base, RETENTION_TICKET_DAYS: "" }).retention.ticketDays).toBe(365);
    for (const wrong of ["zwölf Monate", "-1", "1.5", "0", "99999", " "]) {
      expect(() => readConfig({ ...base, RETENTION_TICKET_DAYS: wrong }), wrong).toThrow(
        /RETENTION_TICKET_DAYS: must be a whole number of days from 1 to 3650/
      );
    }
    expect(() => readConfig({ ...base, RETENTION_WAITLIST_DAYS: "sofort" })).toThrow(
      /RETENTION_WAITLIST_DAYS: must be a whole number of days from 0 to 3650/
    );
  });
});
