// A person's record shows their loans, waiting-list places, appointments and callbacks — only at places the staff
// member works, and every look is logged.
import { describe, expect, it } from "vitest";
import { personLending } from "~/capabilities/lending/person-lending.server";
import { bookAppointment, BookingInput } from "~/capabilities/scheduling/appointments.server";
import { personScheduling } from "~/capabilities/scheduling/person-scheduling.server";
import type { StaffActor } from "~/capabilities/people/permissions";
import { withActor, type Ctx } from "~/context";
import { seedDemoData } from "../../prisma/seed-data";
import { createTestServices } from "../helpers/db";

const services = await createTestServices();
const { db } = services;
await seedDemoData(db);

async function staffCtx(email: string): Promise<Ctx & { actor: StaffActor }> {
  const row = await db.staff.findUniqueOrThrow({ where: { email }, include: { memberships: true } });
  return withActor(services, {
    kind: "staff",
    staffId: row.id,
    name: row.name,
    role: row.role as StaffActor["role"],
    locationIds: row.memberships.map((m) => m.locationId),
  }) as Ctx & { actor: StaffActor };
}

describe("a person's loans on their record", () => {
  it("shows the volunteer the loans at their places and logs the look", async () => {
    const volunteer = await staffCtx("ehrenamt@ambulanz.example");
    const gisela = await db.person.findUniqueOrThrow({ where: { phone: "+4915112345678" } });
    const lending = await personLending(volunteer, gisela.id);
    expect(lending?.loans.map((l) => l.device.assetTag)).toEqual(["TAB-0001"]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "loan.viewed", subjectId: gisela.id } });
    expect(entry.actorId).toBe(volunteer.actor.staffId);
    expect(entry.details).not.toContain("Gisela");
  });

  it("shows the waiting-list place of someone waiting", async () => {
    const coordinator = await staffCtx("koordination@ambulanz.example");
    const ayse = await db.person.findUniqueOrThrow({ where: { phone: "+4917612345678" } });
    const lending = await personLending(coordinator, ayse.id);
    expect(lending?.reservations.map((r) => r.status)).toEqual(["waiting"]);
  });

  it("shows a librarian, who works only at the library, none of the care home's loans", async () => {
    const librarian = await staffCtx("bibliothek@ambulanz.example");
    const erika = await db.person.findUniqueOrThrow({ where: { phone: "+4915112345679" } });
    const before = await db.auditEntry.count({ where: { action: "loan.viewed", subjectId: erika.id } });
    const lending = await personLending(librarian, erika.id);
    expect(lending).toEqual({ loans: [], reservations: [] });
    expect(await db.auditEntry.count({ where: { action: "loan.viewed", subjectId: erika.id } })).toBe(before);
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

    const record = await personScheduling(librarian, heinz.id);
    expect(record.appointments.map((a) => a.reference)).toEqual([reference]);
    expect(record.callbacks.map((c) => c.reference)).toEqual(["CB7KQM"]);
    expect(await db.auditEntry.count({ where: { action: "appointment.viewed", subjectId: heinz.id, actorId: librarian.actor.staffId } })).toBe(1);
  });

  it("shows a volunteer of the meeting centre nothing of the library's appointments", async () => {
    const volunteer = await staffCtx("ehrenamt@ambulanz.example");
    const heinz = await db.person.findUniqueOrThrow({ where: { phone: "+494219876543" } });
    const record = await personScheduling(volunteer, heinz.id);
    expect(record.appointments).toEqual([]);
  });
});
