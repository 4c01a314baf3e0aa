// A person's record shows their tickets, loans, waiting-list places, appointments and callbacks — only at places
// the staff member works, and every look is logged: ONE audit entry per view of the page, never one per section.
import { describe, expect, it } from "vitest";
import { bookAppointment, BookingInput } from "~/capabilities/scheduling/appointments.server";
import type { StaffActor } from "~/capabilities/people/permissions";
import { type StaffCtx, withActor } from "~/context";
import { seedDemoData } from "../../prisma/seed-data";
import { createTestServices } from "../helpers/db";
import { makeLongHistory, seriesReference } from "../helpers/factories";
import { personPage } from "~/web/person-page.server";

const services = await createTestServices();
const { db } = services;
await seedDemoData(db);

async function staffCtx(email: string): Promise<StaffCtx> {
  const row = await db.staff.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  return withActor(services, {
    kind: "staff",
    staffId: row.id,
    name: row.name,
    role: row.role as StaffActor["role"],
    locationIds: row.memberships.map((m) => m.locationId),
  }) as StaffCtx;
}

/** Every audit entry about this person (any action), so a second entry per view cannot hide under another name. */
const entriesAbout = (personId: string) => db.auditEntry.findMany({ where: { subjectId: personId }, orderBy: { at: "asc" } });

describe("a person's loans on their record", () => {
  it("shows the volunteer the loans at their places and logs the view once, without personal data", async () => {
    const volunteer = await staffCtx("ehrenamt@ambulanz.example");
    const gisela = await db.person.findUniqueOrThrow({ where: { phone: "+4915112345678" } });
    const before = (await entriesAbout(gisela.id)).length;
    const page = await personPage(volunteer, gisela.id);
    expect(page.lending?.loans.map((l) => l.device)).toEqual(["TAB-0001"]);
    const after = await entriesAbout(gisela.id);
    expect(after).toHaveLength(before + 1);
    const entry = after.at(-1)!;
    expect(entry.action).toBe("person.viewed");
    expect(entry.actorId).toBe(volunteer.actor.staffId);
    expect(JSON.parse(entry.details)).toMatchObject({ loans: 1, via: "person" });
    expect(entry.details).not.toContain("Gisela");
    expect(entry.details).not.toContain("+49");

    // A second look is a second entry: one per view, not one per visit.
    await personPage(volunteer, gisela.id);
    expect(await entriesAbout(gisela.id)).toHaveLength(before + 2);
  });

  it("shows the waiting-list place of someone waiting", async () => {
    const coordinator = await staffCtx("koordination@ambulanz.example");
    const ayse = await db.person.findUniqueOrThrow({ where: { phone: "+4917612345678" } });
    const page = await personPage(coordinator, ayse.id);
    expect(page.lending?.reservations.map((r) => r.status)).toEqual(["waiting"]);
  });

  it("shows a librarian, who works only at the library, nothing of a care-home resident: not found, and nothing logged", async () => {
    const librarian = await staffCtx("bibliothek@ambulanz.example");
    const erika = await db.person.findUniqueOrThrow({ where: { phone: "+4915112345679" } });
    const before = (await entriesAbout(erika.id)).length;
    await expect(personPage(librarian, erika.id)).rejects.toMatchObject({ status: 404 });
    expect(await entriesAbout(erika.id)).toHaveLength(before);
    // The coordinator works programme-wide: the same page shows her loan at the care home.
    const coordinator = await staffCtx("koordination@ambulanz.example");
    const page = await personPage(coordinator, erika.id);
    expect(page.lending?.loans.map((l) => l.device)).toEqual(["TAB-0102"]);
  });
});

describe("a person's appointments and callbacks on their record", () => {
  it("shows library staff the appointment at the library and the callback, and logs the look", async () => {
    const librarian = await staffCtx("bibliothek@ambulanz.example");
    const library = await db.location.findUniqueOrThrow({ where: { slug: "stadtbibliothek" } });
    const hour = await db.consultationHour.findFirstOrThrow({ where: { locationId: library.id, weekday: 2 } });
    const heinz = await db.person.findUniqueOrThrow({ where: { phone: "+494219876543" } });
    const input = BookingInput.parse({
      locationId: library.id,
      slot: `${hour.id}|2026-11-24T13:00:00.000Z`,
      person: { firstName: "Heinz", phone: "0421 9876543", language: "de", contactPreference: "voice" },
    });
    const { reference } = await bookAppointment(librarian, { ...input, pool: "phone", channel: "phone" });
    await db.callback.create({ data: { reference: "CB7KQM", personId: heinz.id, channel: "phone", status: "unscheduled" } });

    const before = (await entriesAbout(heinz.id)).length;
    const record = await personPage(librarian, heinz.id);
    expect(record.appointments.map((a) => a.reference)).toEqual([reference]);
    expect(record.callbacks.map((c) => c.reference)).toEqual(["CB7KQM"]);
    // Tickets, appointments and callbacks on one page: one entry, with the counts of each.
    const after = await entriesAbout(heinz.id);
    expect(after).toHaveLength(before + 1);
    expect(after.at(-1)).toMatchObject({ action: "person.viewed", actorId: librarian.actor.staffId });
    expect(JSON.parse(after.at(-1)!.details)).toMatchObject({ appointments: 1, callbacks: 1 });
  });

  it("shows a volunteer of the meeting centre nothing of the library's appointments", async () => {
    const volunteer = await staffCtx("ehrenamt@ambulanz.example");
    const heinz = await db.person.findUniqueOrThrow({ where: { phone: "+494219876543" } });
    const record = await personPage(volunteer, heinz.id);
    expect(record.appointments).toEqual([]);
  });
});

describe("a person's tickets on their record", () => {
  it("come in pages of 25, newest first, with the total in the caption's count", async () => {
    const coordinator = await staffCtx("koordination@ambulanz.example");
    const person = await db.person.create({ data: { firstName: "Viele", phone: "+4915199990001", phoneType: "mobile" } });
    const alphabet = "34679ACDEFGHJKMNPQRTUVWXY";
    await db.ticket.createMany({
      data: Array.from({ length: 27 }, (_, i) => ({
        reference: `PP${alphabet[Math.floor(i / alphabet.length)]}${alphabet[i % alphabet.length]}33`,
        personId: person.id,
        channel: "phone",
        description: `Anliegen ${i}`,
        createdAt: new Date(Date.UTC(2026, 10, 1, 0, i)),
      })),
    });
    const first = await personPage(coordinator, person.id);
    expect(first.ticketPages).toEqual({ page: 1, pageCount: 2, total: 27 });
    expect(first.tickets).toHaveLength(25);
    expect(first.tickets[0]!.createdAt).toBe(new Date(Date.UTC(2026, 10, 1, 0, 26)).toISOString());
    const second = await personPage(coordinator, person.id, { tickets: 2 });
    expect(second.tickets.map((t) => t.createdAt)).toEqual([1, 0].map((m) => new Date(Date.UTC(2026, 10, 1, 0, m)).toISOString()));
    // Every page is a look at the person: one entry each.
    expect(await db.auditEntry.count({ where: { subjectId: person.id, action: "person.viewed" } })).toBe(2);
  });
});

describe("every list on a person's record is paged on its own", () => {
  it("shows a long-time borrower's 27 loans and 27 callbacks 25 at a time, each list at its own page", async () => {
    const coordinator = await staffCtx("koordination@ambulanz.example");
    const person = await db.person.create({ data: { firstName: "Stamm", phone: "+4915199990002", phoneType: "mobile" } });
    const centre = await db.location.findUniqueOrThrow({ where: { slug: "bz-vahr" } });
    const device = await db.device.findFirstOrThrow({ where: { locationId: centre.id } });
    const code = seriesReference;
    await makeLongHistory(db, { personId: person.id, locationId: centre.id, deviceId: device.id, staffId: coordinator.actor.staffId, count: 27 });

    const first = await personPage(coordinator, person.id);
    expect(first.lending?.loanPages).toEqual({ page: 1, pageCount: 2, total: 27 });
    expect(first.lending?.loans).toHaveLength(25);
    expect(first.callbackPages).toEqual({ page: 1, pageCount: 2, total: 27 });
    expect(first.callbacks[0]!.reference).toBe(code("PC", 26));

    // The loans' second page leaves the callbacks where they were, and shows the two oldest loans.
    const loansTwo = await personPage(coordinator, person.id, { loans: 2 });
    expect(loansTwo.lending?.loans.map((l) => l.reference)).toEqual([code("PL", 1), code("PL", 0)]);
    expect(loansTwo.callbacks).toHaveLength(25);
    expect(loansTwo.callbackPages.page).toBe(1);
    const both = await personPage(coordinator, person.id, { loans: 2, callbacks: 2 });
    expect(both.callbacks.map((c) => c.reference)).toEqual([code("PC", 1), code("PC", 0)]);
    // Still one entry per look, with what it showed.
    const entry = await db.auditEntry.findFirstOrThrow({ where: { subjectId: person.id, action: "person.viewed" }, orderBy: { at: "desc" } });
    expect(JSON.parse(entry.details)).toMatchObject({ loans: 2, callbacks: 2 });
  });
});
