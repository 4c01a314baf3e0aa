// Erasure on request (Art. 17): one of every record a person can have goes, in one transaction; what must stay
// (a tablet on loan) stays until it is back; the provider is asked to delete its copies; and afterwards the
// database file itself holds no trace of the person's number, name or words.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { erasePerson, planErasure } from "~/capabilities/privacy/erasure.server";
import { completePendingErasures } from "~/capabilities/privacy/erasure.server";
import { purgeAtProvider } from "~/capabilities/messaging/purge.server";
import { audit } from "~/capabilities/privacy/audit.server";
import { withActor } from "~/context";
import { sqliteFilePath } from "~/lib/database-url";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";

// Unencrypted: the file search below must see what the key would hide (decision 035).
const services = await createTestServices(undefined, { encrypted: false });
const { db, clock } = services;
const place = await makeLocation(db);
const coordinator = staffContext(services, await makeStaff(db, { role: "coordinator" }));
const librarian = staffContext(services, await makeStaff(db, { role: "librarian", locationIds: [place.id] }));
const mentor = await makeStaff(db, { role: "volunteer", locationIds: [place.id] });
let serial = 0;
const ref = (prefix: string) => `${prefix}${"ACDEFGHJKMNPQRTUVWXY"[serial % 20]}${"34679"[Math.floor(serial++ / 20) % 5]}K9`;

async function makeDevice(status = "available") {
  return db.device.create({ data: { assetTag: `TAB-E${++serial}`, locationId: place.id, model: "Tab A9", status } });
}

/** One of everything a person can have, with distinctive words to look for in the file afterwards. */
async function makeEverything(person: { id: string; phone: string }, { activeLoan = false } = {}) {
  const at = new Date("2026-11-20T10:00:00Z");
  const ticket = await db.ticket.create({
    data: { reference: ref("T"), personId: person.id, channel: "web", description: "Mein Quastenflosser-Tablet startet nicht", givenName: "Wilhelmina", locationId: place.id },
  });
  await db.ticketEvent.createMany({
    data: [
      { ticketId: ticket.id, kind: "created", data: "{}" },
      { ticketId: ticket.id, kind: "note", body: "Rückruf bei Wilhelmina wegen Quastenflosser" },
    ],
  });
  const inbound = await db.message.create({
    data: { direction: "inbound", channel: "sms", personId: person.id, toPhone: person.phone, template: "inbound", language: "de", body: "Quastenflosser geht nicht", status: "received", idempotencyKey: `inbound:SM${serial++}`, providerId: `SM${serial}`, provider: "outbox" },
  });
  await db.message.create({
    data: { channel: "sms", personId: person.id, toPhone: person.phone, template: "ticketCreated", language: "de", body: "Hallo Wilhelmina, Ihre Vorgangsnummer …", status: "queued", idempotencyKey: `ticket-created:${ticket.id}` },
  });
  await db.message.create({
    data: { channel: "sms", personId: person.id, toPhone: person.phone, template: "ticketCreated", language: "de", body: "Hallo Wilhelmina, gelöst", status: "delivered", idempotencyKey: `sent:${serial++}`, providerId: `SM-out-${serial}`, provider: "outbox", finalAt: at },
  });
  const voice = await db.message.create({
    data: { direction: "inbound", channel: "voice", toPhone: person.phone, template: "inbound", language: "de", body: "", status: "received", idempotencyKey: `inbound:CA${serial++}`, providerId: `CA${serial}`, recordingSid: `RE${serial}`, provider: "outbox" },
  });
  await db.voiceRecording.create({ data: { messageId: voice.id, contentType: "audio/wav", seconds: 3, data: Buffer.from("Quastenflosser-Aufnahme") } });
  await db.optOut.create({ data: { phone: person.phone, at, via: "sms" } });
  const device = await makeDevice();
  const ended = await db.loan.create({
    data: {
      reference: ref("L"), deviceId: device.id, personId: person.id, locationId: place.id, mentorId: mentor.id, status: "returned", checkedOutAt: at, dueAt: at, returnedAt: at,
      agreementMode: "paper", agreementAcceptedAt: at, damageNote: "Quastenflosser-Aufkleber", followUp: "Ladekabel",
    },
  });
  await db.mentoringSession.create({ data: { loanId: ended.id, mentorId: mentor.id, startsAt: at, notes: "Wilhelmina übt Videoanrufe" } });
  await db.loanPhoto.create({ data: { loanId: ended.id, contentType: "image/png", data: Buffer.from("photo") } });
  let running: { id: string } | null = null;
  if (activeLoan) {
    const lent = await makeDevice("on_loan");
    running = await db.loan.create({
      data: { reference: ref("L"), deviceId: lent.id, activeDeviceId: lent.id, personId: person.id, locationId: place.id, status: "active", checkedOutAt: at, dueAt: new Date("2027-01-15T10:00:00Z"), agreementMode: "paper", agreementAcceptedAt: at },
    });
    await db.mentoringSession.create({ data: { loanId: running.id, startsAt: at, notes: "läuft noch" } });
  }
  const held = await makeDevice("reserved");
  const reservation = await db.reservation.create({
    data: { reference: ref("R"), personId: person.id, locationId: place.id, channel: "web", wishes: "Quastenflosser-Fotos", status: "offered", position: 1, offeredDeviceId: held.id, offeredAt: at, offerExpiresAt: new Date("2026-11-26T10:00:00Z") },
  });
  await db.reservationEvent.create({ data: { reservationId: reservation.id, kind: "joined", reason: "Quastenflosser" } });
  await db.appointment.create({
    data: { reference: ref("A"), personId: person.id, locationId: place.id, startsAt: new Date("2026-11-30T10:00:00Z"), endsAt: new Date("2026-11-30T10:30:00Z"), pool: "web", channel: "web", concern: "Quastenflosser", seatKey: `seat-${serial++}`, onlineHoldKey: `${person.id}:1` },
  });
  await db.walkIn.create({ data: { locationId: place.id, personId: person.id, displayName: "Wilhelmina", number: serial++, day: "2026-11-20", arrivedAt: at, concern: "Quastenflosser" } });
  await db.dayWait.create({ data: { reference: ref("W"), personId: person.id, locationId: place.id, day: "2026-11-30", holdKey: `${person.id}:1` } });
  const callback = await db.callback.create({ data: { reference: ref("C"), personId: person.id, channel: "phone", concern: "Quastenflosser", ticketId: ticket.id } });
  await db.callbackAttempt.create({ data: { callbackId: callback.id, at, outcome: "no_answer", note: "Wilhelmina nicht erreicht" } });
  await db.call.create({ data: { staffId: mentor.id, personId: person.id, ticketId: ticket.id } });
  const staffCtx = coordinator;
  await audit(staffCtx, db, { action: "person.viewed", subjectType: "Person", subjectId: person.id, details: { tickets: 1 } });
  await audit(staffCtx, db, { action: "ticket.viewed", subjectType: "Ticket", subjectId: ticket.id });
  await audit(staffCtx, db, { action: "message.viewed", subjectType: "Message", subjectId: inbound.id });
  return { ticket, reservation, held, running };
}

async function rowsOf(personId: string, phone: string) {
  const mine = { personId };
  return {
    person: await db.person.count({ where: { id: personId } }),
    tickets: await db.ticket.count({ where: mine }),
    messages: await db.message.count({ where: { OR: [mine, { toPhone: phone }] } }),
    recordings: await db.voiceRecording.count({ where: { message: { OR: [mine, { toPhone: phone }] } } }),
    loans: await db.loan.count({ where: mine }),
    reservations: await db.reservation.count({ where: mine }),
    appointments: await db.appointment.count({ where: mine }),
    walkIns: await db.walkIn.count({ where: mine }),
    dayWaits: await db.dayWait.count({ where: mine }),
    callbacks: await db.callback.count({ where: mine }),
    calls: await db.call.count({ where: mine }),
    optOuts: await db.optOut.count({ where: { phone } }),
  };
}

/** The whole database file (after moving the write-ahead log into it), as bytes. */
async function databaseBytes(): Promise<Buffer> {
  await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
  const [{ file }] = await db.$queryRawUnsafe<{ file: string }[]>("SELECT file FROM pragma_database_list WHERE name = 'main'");
  const path = sqliteFilePath(`file:${file}`);
  const wal = fs.existsSync(`${path}-wal`) ? fs.readFileSync(`${path}-wal`) : Buffer.alloc(0);
  return Buffer.concat([fs.readFileSync(path), wal]);
}

describe("erasing a person", () => {
  it("shows exactly what will go, then removes every record of theirs and nothing of anyone else's", async () => {
    const person = await makePerson(db, { firstName: "Wilhelmina", phone: "+4915199887766" });
    const other = await makePerson(db, { firstName: "Bleibt", knownAt: place.id });
    const { held } = await makeEverything(person);
    const othersBefore = await rowsOf(other.id, other.phone);

    const plan = await planErasure(coordinator, person.id);
    expect(plan.person.name).toBe("Wilhelmina");
    expect(plan.keep.activeLoans).toEqual([]);
    expect(plan.remove).toMatchObject({
      tickets: 1, ticketEvents: 2, messages: 4, recordings: 1, loans: 1, mentoringSessions: 1, loanPhotos: 1, reservations: 1,
      appointments: 1, walkIns: 1, dayWaits: 1, callbacks: 1, callbackAttempts: 1, calls: 1, optOuts: 1, auditEntries: 3,
    });

    expect(await erasePerson(coordinator, person.id)).toMatchObject({ erased: "complete" });
    expect(await rowsOf(person.id, person.phone)).toEqual({
      person: 0, tickets: 0, messages: 0, recordings: 0, loans: 0, reservations: 0, appointments: 0, walkIns: 0, dayWaits: 0, callbacks: 0, calls: 0, optOuts: 0,
    });
    expect(await db.ticketEvent.count({ where: { OR: [{ body: { contains: "Wilhelmina" } }, { ticket: { personId: person.id } }] } })).toBe(0);
    expect(await db.mentoringSession.count({ where: { notes: { contains: "Wilhelmina" } } })).toBe(0);
    expect(await db.callbackAttempt.count({ where: { note: { contains: "Wilhelmina" } } })).toBe(0);
    // The tablet held for the offer is free for the next one on the list.
    expect((await db.device.findUniqueOrThrow({ where: { id: held.id } })).status).toBe("available");
    expect(await rowsOf(other.id, other.phone)).toEqual(othersBefore);
    // The programme's figures keep what was counted from their records (anonymous monthly counts, as retention does).
    const figure = (measure: string) => db.monthlyFigure.aggregate({ where: { measure }, _sum: { value: true } }).then((r) => r._sum.value ?? 0);
    for (const measure of ["tickets.opened", "loans.started", "callbacks.requested"]) expect(await figure(measure), measure).toBeGreaterThan(0);

    // The access log: "erased by X at T", no personal data; the entries about their records no longer lead anywhere.
    const erased = await db.auditEntry.findFirstOrThrow({ where: { action: "person.erased" } });
    expect(erased.actorId).toBe(coordinator.actor.staffId);
    expect(erased.details).not.toMatch(/Wilhelmina|9988776|Quastenflosser/);
    expect(await db.auditEntry.count({ where: { action: { in: ["person.viewed", "ticket.viewed", "message.viewed"] }, subjectId: null } })).toBe(3);
  });

  it("asks the provider to delete its copies: stubs without number or text, purged by the job, then gone", async () => {
    const person = await makePerson(db, { firstName: "Wilhelmina", phone: "+4915199887700" });
    await purgeAtProvider(services, { name: "outbox", purge: async () => undefined } as never); // earlier tests' stubs
    await makeEverything(person);
    await erasePerson(coordinator, person.id);
    const stubs = await db.message.findMany({ where: { template: "erased" } });
    expect(stubs.length).toBe(3); // the inbound SMS, the delivered reply and the voice message; the queued one never leaves
    for (const stub of stubs) expect(stub).toMatchObject({ personId: null, toPhone: "", body: "", purgedAt: null });
    expect(await db.job.count({ where: { type: "messaging.purgeProvider", status: "queued" } })).toBeGreaterThan(0);

    const asked: string[] = [];
    const failing = { name: "outbox", purge: async () => Promise.reject(new Error("provider down")) } as never;
    expect(await purgeAtProvider(services, failing)).toMatchObject({ failed: 3 });
    expect(await db.message.count({ where: { template: "erased" } })).toBe(3); // kept for the next run
    const provider = { name: "outbox", purge: async (item: { providerId: string | null }) => void asked.push(item.providerId ?? "") } as never;
    await purgeAtProvider(services, provider);
    expect(asked.length).toBe(3);
    expect(await db.message.count({ where: { template: "erased" } })).toBe(0);
  });

  it("leaves no trace in the database file: not the number (stored or as typed), the first name or their words", async () => {
    const person = await makePerson(db, { firstName: "Wilhelmina", phone: "+4915177665544" });
    await makeEverything(person);
    const before = await databaseBytes();
    // The search finds them while they are stored (so finding nothing afterwards means something).
    expect(before.includes("+4915177665544")).toBe(true);
    expect(before.includes("Quastenflosser")).toBe(true);
    await erasePerson(coordinator, person.id);
    await purgeAtProvider(services, { name: "outbox", purge: async () => undefined } as never);
    const after = await databaseBytes();
    for (const needle of ["+4915177665544", "4915177665544", "015177665544", "0151 77665544", "Wilhelmina", "Quastenflosser"]) {
      expect(after.includes(Buffer.from(needle, "utf8")), needle).toBe(false);
    }
  });

  it("is one transaction: a failure halfway changes nothing", async () => {
    const person = await makePerson(db, { firstName: "Halbe", phone: "+4915155500011" });
    await makeEverything(person);
    const before = await rowsOf(person.id, person.phone);
    // The callbacks are deleted late in the erasure: refusing that deletion fails it after tickets and messages went.
    await db.$executeRawUnsafe(`CREATE TRIGGER fail_midway BEFORE DELETE ON "Callback" BEGIN SELECT RAISE(ABORT, 'simulated failure'); END`);
    try {
      await expect(erasePerson(coordinator, person.id)).rejects.toThrow();
    } finally {
      await db.$executeRawUnsafe("DROP TRIGGER fail_midway");
    }
    expect(await rowsOf(person.id, person.phone)).toEqual(before);
    expect(await db.auditEntry.count({ where: { action: "person.viewed", subjectId: person.id } })).toBe(1);
  });

  it("twice, or an unknown person: a clear message and nothing done", async () => {
    const person = await makePerson(db, { firstName: "Zweimal", phone: "+4915155500022" });
    await erasePerson(coordinator, person.id);
    const entries = await db.auditEntry.count();
    await expect(erasePerson(coordinator, person.id)).rejects.toMatchObject({ status: 410, messageKey: "tickets:person.erase.errors.alreadyErased" });
    await expect(planErasure(coordinator, person.id)).rejects.toMatchObject({ status: 410 });
    await expect(erasePerson(coordinator, "gibt-es-nicht")).rejects.toMatchObject({ status: 404 });
    expect(await db.auditEntry.count()).toBe(entries);
  });

  it("only coordinators and admins may erase", async () => {
    const person = await makePerson(db, { knownAt: place.id });
    await expect(erasePerson(librarian, person.id)).rejects.toMatchObject({ status: 403 });
    await expect(planErasure(librarian, person.id)).rejects.toMatchObject({ status: 403 });
    expect(await db.person.count({ where: { id: person.id } })).toBe(1);
  });

  it("a tablet still on loan: the loan and the person stay until it is returned, everything else goes at once", async () => {
    const person = await makePerson(db, { firstName: "Wilhelmina", phone: "+4915155500033" });
    const { running } = await makeEverything(person, { activeLoan: true });
    const plan = await planErasure(coordinator, person.id);
    expect(plan.keep.activeLoans).toHaveLength(1);
    expect(plan.keep.activeLoans[0].sessions).toBe(1);
    expect(plan.remove.loans).toBe(1);

    expect(await erasePerson(coordinator, person.id)).toMatchObject({ erased: "pending" });
    expect(await rowsOf(person.id, person.phone)).toMatchObject({ person: 1, loans: 1, tickets: 0, messages: 0, reservations: 0, callbacks: 0, optOuts: 0 });
    expect((await db.person.findUniqueOrThrow({ where: { id: person.id } })).erasurePendingSince).toEqual(clock.now());
    await expect(erasePerson(coordinator, person.id)).rejects.toMatchObject({ status: 409, messageKey: "tickets:person.erase.errors.alreadyPending" });

    const system = withActor(services, { kind: "system", name: "test" });
    expect(await completePendingErasures(system)).toBe(0); // still out
    await db.loan.update({ where: { id: running!.id }, data: { status: "returned", returnedAt: clock.now(), activeDeviceId: null } });
    expect(await completePendingErasures(system)).toBe(1);
    expect(await rowsOf(person.id, person.phone)).toMatchObject({ person: 0, loans: 0 });
    expect(await db.mentoringSession.count({ where: { loanId: running!.id } })).toBe(0);
    expect(await db.auditEntry.count({ where: { action: "person.erased", subjectId: person.id } })).toBe(1);
  });
});
