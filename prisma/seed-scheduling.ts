// Demo data for consultation hours and callbacks: the library's digital consultation hours (Tuesday afternoons and
// Thursday mornings), a morning at the meeting centre, the Christmas closure, staff's callback hours, and Heinz's
// visit to the library's desk last week (so the library's staff know him: people/visibility.server.ts).
import type { Tx } from "~/context";

export async function seedScheduling(tx: Tx, locationIds: Map<string, string>, now: Date): Promise<void> {
  const library = locationIds.get("stadtbibliothek")!;
  const centre = locationIds.get("bz-vahr")!;
  const topics = JSON.stringify(["smartphone", "tablet", "messenger", "egov", "security"]);
  await tx.consultationHour.createMany({
    data: [
      { locationId: library, weekday: 2, startTime: "14:00", endTime: "17:00", slotMinutes: 30, capacity: 3, onlineCapacity: 1, phoneCapacity: 1, topics },
      { locationId: library, weekday: 4, startTime: "10:00", endTime: "12:00", slotMinutes: 20, capacity: 2, onlineCapacity: 1, phoneCapacity: 1, topics },
      { locationId: centre, weekday: 3, startTime: "10:00", endTime: "12:15", slotMinutes: 45, capacity: 1, onlineCapacity: 1, phoneCapacity: 0, topics },
    ],
  });
  await tx.closure.createMany({
    data: [
      { locationId: library, startsOn: "2026-12-24", endsOn: "2026-12-26", reason: "Weihnachten" },
      { locationId: library, startsOn: "2026-12-31", endsOn: "2027-01-01", reason: "Neujahr" },
    ],
  });
  const librarian = await tx.staff.findUniqueOrThrow({ where: { email: "bibliothek@ambulanz.example" } });
  const volunteer = await tx.staff.findUniqueOrThrow({ where: { email: "ehrenamt@ambulanz.example" } });
  await tx.callbackHour.createMany({
    data: [
      ...[1, 2, 3, 4, 5].map((weekday) => ({ staffId: librarian.id, locationId: library, weekday, startTime: "09:00", endTime: "11:00", slotMinutes: 15 })),
      { staffId: volunteer.id, locationId: centre, weekday: 3, startTime: "14:00", endTime: "16:00", slotMinutes: 15 },
    ],
  });
  const heinz = await tx.person.findUniqueOrThrow({ where: { phone: "+494219876543" } });
  const lastWeek = new Date(now.getTime() - 7 * 86_400_000);
  await tx.walkIn.create({
    data: {
      locationId: library,
      personId: heinz.id,
      displayName: heinz.firstName,
      number: 1,
      day: lastWeek.toISOString().slice(0, 10),
      concern: "Telefon klingelt nicht mehr",
      arrivedAt: lastWeek,
      finishedAt: new Date(lastWeek.getTime() + 30 * 60_000),
      status: "done",
    },
  });
}
