// A person's record shows their loans and waiting-list places — only at places the staff member works, and logged.
import { describe, expect, it } from "vitest";
import { personLending } from "~/capabilities/lending/person-lending.server";
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
