// Small builders for test data; each returns the created row.
import type { Db } from "~/db.server";
import { withActor, type Ctx, type Services } from "~/context";
import type { StaffActor } from "~/capabilities/people/permissions";
import { hashPassword } from "~/capabilities/people/auth.server";

let n = 0;
const next = () => ++n;

export async function makeLocation(db: Db, overrides: Partial<{ name: string; kind: string; slug: string }> = {}) {
  const i = next();
  return db.location.create({
    data: {
      slug: overrides.slug ?? `ort-${i}`,
      name: overrides.name ?? `Begegnungszentrum ${i}`,
      kind: overrides.kind ?? "meeting_centre",
      street: "Musterstraße 1",
      postalCode: "28195",
      city: "Bremen",
      phone: "+494211234570",
    },
  });
}

export async function makeStaff(
  db: Db,
  { role = "volunteer", locationIds = [] as string[], password = "richtig-geheim", email }: { role?: string; locationIds?: string[]; password?: string; email?: string } = {},
) {
  const i = next();
  return db.staff.create({
    data: {
      name: `Mitarbeiterin ${i}`,
      email: email ?? `staff${i}@example.org`,
      role,
      passwordHash: await hashPassword(password),
      memberships: { create: locationIds.map((locationId) => ({ locationId })) },
    },
    include: { memberships: true },
  });
}

export async function makePerson(db: Db, overrides: Partial<{ phone: string; phoneType: string; language: string; contactPreference: string; firstName: string }> = {}) {
  const i = next();
  return db.person.create({
    data: {
      firstName: overrides.firstName ?? "Gisela",
      phone: overrides.phone ?? `+4915112${String(i).padStart(6, "0")}`,
      phoneType: overrides.phoneType ?? "mobile",
      language: overrides.language ?? "de",
      contactPreference: overrides.contactPreference ?? "sms",
    },
  });
}

/** A capability context acting as this staff member (a row from makeStaff, with its memberships). */
export function staffContext(
  services: Services,
  row: { id: string; name: string; role: string; memberships: { locationId: string }[] },
): Ctx & { actor: StaffActor } {
  return withActor(services, {
    kind: "staff",
    staffId: row.id,
    name: row.name,
    role: row.role as StaffActor["role"],
    locationIds: row.memberships.map((m) => m.locationId),
  }) as Ctx & { actor: StaffActor };
}
