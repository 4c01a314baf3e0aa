// Demo data for a first look: three places, staff of every role, a few citizens. Sign-ins are in the README.
import type { Db } from "~/db.server";
import { hashPassword } from "~/capabilities/people/auth.server";
import { createMessenger } from "~/capabilities/messaging/messenger.server";
import { systemClock } from "~/lib/clock";

export const DEMO_PASSWORD = "ambulanz-demo";

export const DEMO_STAFF = [
  { name: "Aylin Demir", email: "admin@ambulanz.example", role: "admin", locations: [] as string[] },
  { name: "Jonas Becker", email: "koordination@ambulanz.example", role: "coordinator", locations: [] },
  { name: "Maria Schulz", email: "bibliothek@ambulanz.example", role: "librarian", locations: ["stadtbibliothek"] },
  { name: "Peter Wagner", email: "ehrenamt@ambulanz.example", role: "volunteer", locations: ["bz-vahr", "haus-am-park"] },
] as const;

const weekdays = (from: string, to: string) =>
  Object.fromEntries(["mon", "tue", "wed", "thu", "fri"].map((d) => [d, [[from, to]]]));

const LOCATIONS = [
  {
    slug: "bz-vahr",
    name: "Begegnungszentrum Vahr",
    kind: "meeting_centre",
    street: "Berliner Freiheit 10",
    postalCode: "28327",
    city: "Bremen",
    phone: "+494211234570",
    openingHours: weekdays("10:00", "16:00"),
  },
  {
    slug: "haus-am-park",
    name: "Seniorenwohnen Haus am Park",
    kind: "care_home",
    street: "Parkallee 5",
    postalCode: "28209",
    city: "Bremen",
    phone: "+494211234580",
    openingHours: { ...weekdays("09:00", "12:00"), sat: [["14:00", "16:00"]] },
  },
  {
    slug: "stadtbibliothek",
    name: "Stadtbibliothek Bremen – Zentralbibliothek",
    kind: "library",
    street: "Am Wall 201",
    postalCode: "28195",
    city: "Bremen",
    phone: "+494211234590",
    openingHours: { ...weekdays("10:00", "19:00"), sat: [["10:00", "16:00"]] },
  },
];

const PEOPLE = [
  { firstName: "Gisela", lastNameInitial: "M", phone: "+4915112345678", phoneType: "mobile", language: "de", contactPreference: "sms" },
  { firstName: "Heinz", lastNameInitial: "K", phone: "+494219876543", phoneType: "landline", language: "de", contactPreference: "voice" },
  { firstName: "Ayşe", lastNameInitial: null, phone: "+4917612345678", phoneType: "mobile", language: "de", contactPreference: "sms" },
  { firstName: "Yusuf", lastNameInitial: "A", phone: "+4916012345678", phoneType: "mobile", language: "ar", contactPreference: "sms" },
  { firstName: "Margaret", lastNameInitial: "W", phone: "+494213456789", phoneType: "landline", language: "en", contactPreference: "voice" },
];

export async function seedDemoData(db: Db): Promise<void> {
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const messenger = createMessenger(systemClock);
  await db.$transaction(async (tx) => {
    const ids = new Map<string, string>();
    for (const { openingHours, ...location } of LOCATIONS) {
      const created = await tx.location.create({ data: { ...location, openingHours: JSON.stringify(openingHours) } });
      ids.set(location.slug, created.id);
    }
    for (const { locations, ...staff } of DEMO_STAFF) {
      await tx.staff.create({
        data: {
          ...staff,
          passwordHash,
          memberships: { create: locations.map((slug) => ({ locationId: ids.get(slug)! })) },
        },
      });
    }
    for (const person of PEOPLE) {
      const created = await tx.person.create({ data: person });
      await messenger.send(tx, {
        to: { ...created },
        template: "welcome",
        params: { firstName: created.firstName, phone: "0421 1234560" },
      });
    }
  });
}
