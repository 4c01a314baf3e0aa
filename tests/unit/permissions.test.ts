import { describe, expect, it } from "vitest";
import { can, locationScope, type StaffActor } from "~/capabilities/people/permissions";

const actor = (role: StaffActor["role"], locationIds: string[] = []): StaffActor => ({
  kind: "staff",
  staffId: "s1",
  name: "Test",
  role,
  locationIds,
});

describe("one permission check: role × location", () => {
  it("lets volunteers work only at their own locations", () => {
    const volunteer = actor("volunteer", ["bz"]);
    expect(can(volunteer, "person:view", "bz")).toBe(true);
    expect(can(volunteer, "person:view", "library")).toBe(false);
    expect(locationScope(volunteer)).toEqual(["bz"]);
  });

  it("keeps the outbox and audit log from volunteers", () => {
    expect(can(actor("volunteer", ["bz"]), "message:view")).toBe(false);
    expect(can(actor("volunteer", ["bz"]), "audit:view")).toBe(false);
    expect(can(actor("librarian", ["lib"]), "audit:view")).toBe(false);
  });

  it("gives coordinators every location but not staff management", () => {
    const coordinator = actor("coordinator");
    expect(can(coordinator, "location:manage", "anywhere")).toBe(true);
    expect(can(coordinator, "audit:view")).toBe(true);
    expect(can(coordinator, "staff:manage")).toBe(false);
    expect(locationScope(coordinator)).toBe("all");
  });

  it("lets only coordinators and admins make access reports (Art. 15: everything about a person, from every place)", () => {
    expect(can(actor("volunteer", ["bz"]), "person:export", "bz")).toBe(false);
    expect(can(actor("librarian", ["lib"]), "person:export", "lib")).toBe(false);
    expect(can(actor("coordinator"), "person:export")).toBe(true);
    expect(can(actor("admin"), "person:export")).toBe(true);
  });

  it("gives admins everything", () => {
    expect(can(actor("admin"), "staff:manage", "x")).toBe(true);
  });
});
