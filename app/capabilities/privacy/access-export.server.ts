// The access export (GDPR Art. 15): everything stored about one person, one section per table, read for a
// coordinator or admin who hands it to that person — as a printed document or as a JSON file. Decision 032.
import type { StaffCtx } from "~/context";
import { can } from "~/capabilities/people/permissions";
import { requirePersonVisible } from "~/capabilities/people/visibility.server";
import { forbidden } from "~/lib/errors";
import { audit } from "./audit.server";
import { personSubjects } from "./audit-subjects.server";

/**
 * The tables the export answers from, each with its section's name, in the order the document shows them. A table
 * that can hold a person's data and is missing here fails tests/unit/data-classes.test.ts.
 */
export const EXPORT_SECTIONS = {
  Person: "person",
  Ticket: "tickets",
  TicketEvent: "ticketEvents",
  Loan: "loans",
  MentoringSession: "mentoringSessions",
  LoanPhoto: "loanPhotos",
  DeviceEvent: "deviceEvents",
  Reservation: "reservations",
  ReservationEvent: "reservationEvents",
  Appointment: "appointments",
  WalkIn: "walkIns",
  DayWait: "dayWaits",
  Callback: "callbacks",
  CallbackAttempt: "callbackAttempts",
  Call: "calls",
  Message: "messages",
  VoiceRecording: "voiceRecordings",
  OptOut: "optOuts",
  Consent: "consents",
  AuditEntry: "accessLog",
} as const;

export type ExportedModel = keyof typeof EXPORT_SECTIONS;
export type SectionName = (typeof EXPORT_SECTIONS)[ExportedModel];
export const EXPORTED_MODELS = Object.keys(EXPORT_SECTIONS) as ExportedModel[];

/** Damage photos up to this size travel inside the JSON file (base64); larger ones are listed and handed over apart. */
export const PHOTO_INLINE_MAX_BYTES = 1024 * 1024;

export type ExportValue = string | number | boolean | null | ExportValue[] | { [key: string]: ExportValue };
export type ExportRow = Record<string, ExportValue>;

export interface PersonData {
  format: "digitale-ambulanz/access-export@1";
  /** When the export was made (ISO, UTC). */
  createdAt: string;
  personId: string;
  /** The person's language: the document is written in it. */
  language: string;
  sections: Record<SectionName, ExportRow[]> & {
    /** What the person agreed to (Art. 13): the consent records are added here when the consent table exists. */
    consents: ExportRow[];
  };
}

/** Links to a staff member: shown by name only, never their id, phone or email. */
const STAFF_LINKS: Record<string, string> = {
  actorId: "actor",
  assigneeId: "assignee",
  mentorId: "mentor",
  handedOutById: "handedOutBy",
  receivedById: "receivedBy",
  bookedById: "bookedBy",
  helperId: "helper",
  assignedId: "assigned",
  staffId: "staff",
  recordedById: "recordedBy",
  withdrawnById: "withdrawnBy",
};

/** Fields holding JSON text: parsed, so the file is readable by machines without a second decoding step. */
const JSON_TEXT = new Set(["data", "details", "checklistOut", "checklistIn", "learningGoals", "topics", "outcomeTopics", "windows"]);

/**
 * Keys that only stop a form from acting twice or hold a slot (idempotencyKey, seatKey, holdKey …), and a loan's
 * copy of its device id while it runs: they say nothing about the person that the row does not say already.
 */
const TECHNICAL = (field: string) => /Key$/.test(field) || field === "activeDeviceId" || field === "claimedUntil";

interface Names {
  staff: Map<string, string>;
  locations: Map<string, string>;
}

function jsonOrText(value: string): ExportValue {
  try {
    return JSON.parse(value) as ExportValue;
  } catch {
    return value;
  }
}

/** One stored row as the export shows it: dates as ISO, staff and places by name, JSON text parsed, bytes left out. */
function exportRow(row: Record<string, unknown>, names: Names): ExportRow {
  const out: ExportRow = {};
  for (const [field, value] of Object.entries(row)) {
    if (TECHNICAL(field) || value instanceof Uint8Array) continue;
    if (field in STAFF_LINKS) out[STAFF_LINKS[field]] = typeof value === "string" ? (names.staff.get(value) ?? null) : null;
    else if (field === "locationId") out.location = typeof value === "string" ? (names.locations.get(value) ?? null) : null;
    else if (value instanceof Date) out[field] = value.toISOString();
    else if (typeof value === "string" && JSON_TEXT.has(field)) out[field] = jsonOrText(value);
    else out[field] = value as ExportValue;
  }
  return out;
}

const byTime = { createdAt: "asc" } as const;

/** Whether this staff member makes access reports (coordinators and admins): the person page offers it only then. */
export const makesAccessReports = (ctx: StaffCtx): boolean => can(ctx.actor, "person:export");

/**
 * Everything stored about this person (person:export — coordinators and admins — and only someone they may see; an
 * unknown or erased person is a 404). `format` is what the copy was made as; the export is audit-logged first, so
 * its own entry is part of the copy, as with the access log's CSV.
 */
export async function collectPersonData(ctx: StaffCtx, personId: string, format: "document" | "json" = "json"): Promise<PersonData> {
  if (!can(ctx.actor, "person:export")) throw forbidden("person:export");
  const person = await requirePersonVisible(ctx, personId);
  await audit(ctx, ctx.db, { action: "person.exported", subjectType: "Person", subjectId: person.id, details: { format } });
  const { db } = ctx;

  const [tickets, loans, reservations, appointments, walkIns, dayWaits, callbacks, calls, consents] = await Promise.all([
    db.ticket.findMany({ where: { personId }, orderBy: byTime, include: { category: { select: { key: true } } } }),
    db.loan.findMany({ where: { personId }, orderBy: byTime, include: { device: { select: { assetTag: true, model: true } } } }),
    db.reservation.findMany({ where: { personId }, orderBy: byTime }),
    db.appointment.findMany({ where: { personId }, orderBy: byTime }),
    db.walkIn.findMany({ where: { personId }, orderBy: { arrivedAt: "asc" } }),
    db.dayWait.findMany({ where: { personId }, orderBy: byTime }),
    db.callback.findMany({ where: { personId }, orderBy: byTime }),
    db.call.findMany({ where: { personId }, orderBy: byTime }),
    db.consent.findMany({ where: { personId }, orderBy: [{ givenAt: "asc" }, { id: "asc" }] }),
  ]);
  const ids = <T extends { id: string }>(rows: T[]) => rows.map((r) => r.id);
  const loanIds = ids(loans);
  // Messages: those filed under the person, and those to or from their number that no person was linked to.
  const messages = await db.message.findMany({
    where: { OR: [{ personId }, { personId: null, toPhone: person.phone }] },
    orderBy: byTime,
    include: { recording: { select: { id: true } } },
  });
  const [ticketEvents, sessions, photos, deviceEvents, reservationEvents, attempts, recordings, optOuts, subjects] = await Promise.all([
    db.ticketEvent.findMany({ where: { ticketId: { in: ids(tickets) } }, orderBy: { at: "asc" } }),
    db.mentoringSession.findMany({ where: { loanId: { in: loanIds } }, orderBy: { startsAt: "asc" } }),
    db.loanPhoto.findMany({ where: { loanId: { in: loanIds } }, orderBy: byTime }),
    db.deviceEvent.findMany({ where: { loanId: { in: loanIds } }, orderBy: { at: "asc" } }),
    db.reservationEvent.findMany({ where: { reservationId: { in: ids(reservations) } }, orderBy: { at: "asc" } }),
    db.callbackAttempt.findMany({ where: { callbackId: { in: ids(callbacks) } }, orderBy: { at: "asc" } }),
    db.voiceRecording.findMany({ where: { messageId: { in: ids(messages) } }, orderBy: byTime }),
    db.optOut.findMany({ where: { phone: person.phone } }),
    personSubjects(ctx, personId),
  ]);
  const accessLog = await db.auditEntry.findMany({
    where: { OR: subjects.map(({ subjectType, ids: subjectIds }) => ({ subjectType, subjectId: { in: subjectIds } })) },
    orderBy: [{ at: "asc" }, { id: "asc" }],
  });

  const [staff, locations] = await Promise.all([
    db.staff.findMany({ select: { id: true, name: true } }),
    db.location.findMany({ select: { id: true, name: true } }),
  ]);
  const names: Names = { staff: new Map(staff.map((s) => [s.id, s.name])), locations: new Map(locations.map((l) => [l.id, l.name])) };
  const rows = <T extends object>(list: T[], extra: (row: T) => ExportRow = () => ({})) =>
    list.map((row) => ({ ...exportRow(row as Record<string, unknown>, names), ...extra(row) }));

  return {
    format: "digitale-ambulanz/access-export@1",
    createdAt: ctx.clock.now().toISOString(),
    personId: person.id,
    language: person.language,
    sections: {
      person: rows([person]),
      tickets: tickets.map(({ category, ...t }) => ({ ...exportRow(t, names), category: category?.key ?? null })),
      ticketEvents: rows(ticketEvents),
      loans: loans.map(({ device, ...l }) => ({ ...exportRow(l, names), device: `${device.assetTag} (${device.model})` })),
      mentoringSessions: rows(sessions),
      loanPhotos: rows(photos, (p) => ({
        bytes: p.data.byteLength,
        image: p.data.byteLength <= PHOTO_INLINE_MAX_BYTES ? `data:${p.contentType};base64,${Buffer.from(p.data).toString("base64")}` : null,
      })),
      deviceEvents: rows(deviceEvents),
      reservations: rows(reservations),
      reservationEvents: rows(reservationEvents),
      appointments: rows(appointments),
      walkIns: rows(walkIns),
      dayWaits: rows(dayWaits),
      callbacks: rows(callbacks),
      callbackAttempts: rows(attempts),
      calls: rows(calls),
      messages: messages.map(({ recording, ...m }) => ({ ...exportRow(m, names), recordingId: recording?.id ?? null })),
      voiceRecordings: rows(recordings, (r) => ({ bytes: r.data.byteLength })),
      optOuts: rows(optOuts),
      accessLog: rows(accessLog),
      consents: rows(consents),
    },
  };
}
