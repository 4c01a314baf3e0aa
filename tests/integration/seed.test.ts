import { describe, expect, it } from "vitest";
import { seedDemoData } from "../../prisma/seed-data";
import { createTestServices } from "../helpers/db";

const { db } = await createTestServices();

describe("demo data", () => {
  it("has the three kinds of places, staff of every role, people with E.164 phones and their welcome messages", async () => {
    await seedDemoData(db);
    expect((await db.location.findMany()).map((l) => l.kind).sort()).toEqual(["care_home", "library", "meeting_centre"]);
    expect((await db.staff.findMany()).map((s) => s.role).sort()).toEqual(["admin", "coordinator", "librarian", "volunteer"]);
    const people = await db.person.findMany();
    expect(people.length).toBeGreaterThanOrEqual(5);
    for (const person of people) expect(person.phone).toMatch(/^\+[1-9]\d{7,14}$/);
    expect(await db.message.count({ where: { template: "welcome", status: "queued" } })).toBe(people.length);
    const volunteer = await db.staff.findFirstOrThrow({ where: { role: "volunteer" }, include: { memberships: true } });
    expect(volunteer.memberships.length).toBe(2);
  });

  it("has a lending pool whose statuses agree with its active loans, and a waiting list", async () => {
    const onLoan = await db.device.findMany({ where: { status: "on_loan" }, select: { id: true } });
    const active = await db.loan.findMany({ where: { status: "active" }, select: { activeDeviceId: true } });
    expect(active.map((l) => l.activeDeviceId).sort()).toEqual(onLoan.map((d) => d.id).sort());
    expect(await db.loan.count({ where: { status: "active", dueAt: { lt: new Date() } } })).toBe(1);
    expect(await db.reservation.count({ where: { status: "waiting" } })).toBe(2);
    expect(await db.mentoringSession.count()).toBe(2);
  });
});
