// Small builders for test data; each returns the created row.
import type { Db } from "~/db.server";
import { type Services, type StaffCtx, withActor } from "~/context";
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

/**
 * A person. With `knownAt`, one the staff of that place may see (people/visibility.server.ts): they came to its
 * desk once, an earlier day (a finished walk-in), which no list of tickets, loans or appointments counts.
 */
export async function makePerson(
  db: Db,
  overrides: Partial<{ phone: string; phoneType: string; language: string; contactPreference: string; firstName: string; knownAt: string }> = {},
) {
  const i = next();
  return db.person.create({
    data: {
      firstName: overrides.firstName ?? "Gisela",
      phone: overrides.phone ?? `+4915112${String(i).padStart(6, "0")}`,
      phoneType: overrides.phoneType ?? "mobile",
      language: overrides.language ?? "de",
      contactPreference: overrides.contactPreference ?? "sms",
      ...(overrides.knownAt && {
        walkIns: {
          create: {
            locationId: overrides.knownAt,
            displayName: overrides.firstName ?? "Gisela",
            number: i,
            day: "2026-01-05",
            arrivedAt: new Date("2026-01-05T09:00:00Z"),
            finishedAt: new Date("2026-01-05T09:30:00Z"),
            status: "done",
          },
        },
      }),
    },
  });
}

/** A capability context acting as this staff member (a row from makeStaff, with its memberships). */
export function staffContext(
  services: Services,
  row: { id: string; name: string; role: string; memberships: { locationId: string }[] },
): StaffCtx {
  return withActor(services, {
    kind: "staff",
    staffId: row.id,
    name: row.name,
    role: row.role as StaffActor["role"],
    locationIds: row.memberships.map((m) => m.locationId),
  }) as StaffCtx;
}

/** The n-th reference of a made-up series ("PL3344"…): unique per prefix, valid reference characters. */
export function seriesReference(prefix: string, i: number): string {
  const alphabet = "34679ACDEFGHJKMNPQRTUVWXY";
  return `${prefix}${alphabet[Math.floor(i / alphabet.length)]}${alphabet[i % alphabet.length]}44`;
}

/**
 * A long-time borrower's past: `count` returned loans of one device and `count` done callbacks, one every 20 days
 * from 2024 on (i = 0 the oldest). References from seriesReference("PL"/"PC", i).
 */
export async function makeLongHistory(
  db: Db,
  { personId, locationId, deviceId, staffId, count }: { personId: string; locationId: string; deviceId: string; staffId: string; count: number },
) {
  const day = (i: number) => new Date(Date.UTC(2024, 0, 1 + i * 20));
  await db.loan.createMany({
    data: Array.from({ length: count }, (_, i) => ({
      reference: seriesReference("PL", i),
      deviceId,
      personId,
      locationId,
      mentorId: staffId,
      handedOutById: staffId,
      status: "returned",
      checkedOutAt: day(i),
      dueAt: day(i + 3),
      returnedAt: day(i + 3),
      agreementMode: "paper",
      agreementAcceptedAt: day(i),
      outcome: "returned",
    })),
  });
  await db.callback.createMany({
    data: Array.from({ length: count }, (_, i) => ({ reference: seriesReference("PC", i), personId, channel: "phone", status: "done", createdAt: day(i) })),
  });
}
