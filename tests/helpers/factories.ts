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
  // The next free number of that day's walk-ins: browser test files share one app, each with its own counter.
  const walkInNumber = overrides.knownAt
    ? ((await db.walkIn.aggregate({ where: { locationId: overrides.knownAt, day: "2026-01-05" }, _max: { number: true } }))._max.number ?? 0) + 1
    : 0;
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
            number: walkInNumber,
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

/**
 * One of everything the programme can store about a person, at `locationId`, with `staffId` as the staff member
 * involved: a ticket with its timeline, a loan with a session, a damage photo and its device's history, a waiting-list
 * place with its history, an appointment, a walk-in, a day wait, a callback with an attempt, a call, messages both
 * ways (one with a voice recording, one to their number not filed under them), a STOP and an audit entry. Returns
 * the ids made, by table.
 */
export async function makeOneOfEverything(db: Db, { personId, locationId, staffId }: { personId: string; locationId: string; staffId: string }) {
  const i = next();
  const person = await db.person.findUniqueOrThrow({ where: { id: personId } });
  const at = new Date("2026-10-05T09:00:00Z");
  const ticket = await db.ticket.create({
    data: { reference: seriesReference("ET", i), personId, locationId, assigneeId: staffId, channel: "phone", description: "Das Tablet ist still.", createdAt: at },
  });
  const ticketEvent = await db.ticketEvent.create({ data: { ticketId: ticket.id, kind: "note", actorId: staffId, body: "Angerufen, kommt vorbei.", at } });
  const device = await db.device.create({ data: { assetTag: `EV-${i}`, locationId, model: "Tablet 10", status: "available" } });
  const loan = await db.loan.create({
    data: {
      reference: seriesReference("EL", i),
      deviceId: device.id,
      personId,
      locationId,
      mentorId: staffId,
      handedOutById: staffId,
      receivedById: staffId,
      status: "returned",
      checkedOutAt: at,
      dueAt: new Date("2026-11-30T09:00:00Z"),
      returnedAt: new Date("2026-11-02T09:00:00Z"),
      agreementMode: "on_screen",
      agreementAcceptedAt: at,
      damageNote: "Kratzer am Rand",
      learningGoals: JSON.stringify([{ topicId: "t1", achieved: true }]),
    },
  });
  const session = await db.mentoringSession.create({ data: { loanId: loan.id, mentorId: staffId, startsAt: new Date("2026-10-12T09:00:00Z"), notes: "Videoanruf geübt" } });
  const photo = await db.loanPhoto.create({ data: { loanId: loan.id, contentType: "image/jpeg", data: Buffer.from([0xff, 0xd8, 0xff, 0xd9]) } });
  const deviceEvent = await db.deviceEvent.create({ data: { deviceId: device.id, kind: "checked_out", actorId: staffId, loanId: loan.id, at } });
  const reservation = await db.reservation.create({
    data: { reference: seriesReference("ER", i), personId, locationId, channel: "phone", wishes: "Fotos an die Enkel schicken", status: "fulfilled", position: i, loanId: loan.id },
  });
  const reservationEvent = await db.reservationEvent.create({ data: { reservationId: reservation.id, kind: "joined", actorId: staffId, at } });
  const appointment = await db.appointment.create({
    data: {
      reference: seriesReference("EA", i),
      personId,
      locationId,
      startsAt: new Date("2026-10-20T12:00:00Z"),
      endsAt: new Date("2026-10-20T12:30:00Z"),
      pool: "phone",
      channel: "phone",
      status: "done",
      concern: "WhatsApp einrichten",
      bookedById: staffId,
      helperId: staffId,
    },
  });
  const walkIn = await db.walkIn.create({
    data: { locationId, personId, displayName: person.firstName, number: 100 + i, day: "2026-10-21", arrivedAt: new Date("2026-10-21T08:00:00Z"), status: "done", helperId: staffId },
  });
  const dayWait = await db.dayWait.create({ data: { reference: seriesReference("ED", i), personId, locationId, day: "2026-10-22", status: "expired" } });
  const callback = await db.callback.create({
    data: { reference: seriesReference("EC", i), personId, locationId, channel: "phone", status: "done", concern: "Rückruf wegen Passwort", assignedId: staffId, attemptCount: 1 },
  });
  const attempt = await db.callbackAttempt.create({ data: { callbackId: callback.id, at, staffId, outcome: "reached", note: "Passwort zurückgesetzt" } });
  const call = await db.call.create({ data: { staffId, personId, callbackId: callback.id, status: "completed" } });
  const message = (over: { direction: string; personId: string | null; body: string }) =>
    db.message.create({
      data: { channel: "sms", toPhone: person.phone, template: "test", language: person.language, idempotencyKey: `everything-${i}-${over.direction}-${over.personId ?? "none"}`, ...over },
    });
  const outbound = await message({ direction: "outbound", personId, body: "Ihr Termin ist morgen." });
  const inbound = await message({ direction: "inbound", personId, body: "Danke!" });
  const unfiled = await message({ direction: "inbound", personId: null, body: "Wer ist da?" });
  const recording = await db.voiceRecording.create({ data: { messageId: inbound.id, contentType: "audio/mpeg", seconds: 12, data: Buffer.from("ID3") } });
  const optOut = await db.optOut.create({ data: { phone: person.phone, at, via: "sms" } });
  const auditEntry = await db.auditEntry.create({ data: { actorId: staffId, action: "person.viewed", subjectType: "Person", subjectId: personId, at } });
  const consent = await db.consent.create({
    data: { personId, purpose: "reminders", channel: "phone", givenAt: at, recordedById: staffId, withdrawnAt: at, withdrawnVia: "staff", withdrawnById: staffId },
  });
  return {
    Person: [personId],
    Ticket: [ticket.id],
    TicketEvent: [ticketEvent.id],
    Loan: [loan.id],
    MentoringSession: [session.id],
    LoanPhoto: [photo.id],
    DeviceEvent: [deviceEvent.id],
    Reservation: [reservation.id],
    ReservationEvent: [reservationEvent.id],
    Appointment: [appointment.id],
    WalkIn: [walkIn.id],
    DayWait: [dayWait.id],
    Callback: [callback.id],
    CallbackAttempt: [attempt.id],
    Call: [call.id],
    Message: [outbound.id, inbound.id, unfiled.id],
    VoiceRecording: [recording.id],
    OptOut: [optOut.phone],
    Consent: [consent.id],
    AuditEntry: [auditEntry.id],
  };
}
