// Closed value sets are Strings in the schema (prisma/schema.prisma) and `as const` lists in the capabilities, whose
// types the code writes with (`"done" satisfies CallbackStatus`). Every such column has its list, and its default
// is one of the list's values.
import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { CHANNELS, PRIORITIES, TICKET_EVENT_KINDS, TICKET_STATUSES } from "~/capabilities/helpdesk/values";
import {
  AGREEMENT_MODES,
  DEVICE_EVENT_KINDS,
  DEVICE_STATUSES,
  LOAN_OUTCOMES,
  LOAN_STATUSES,
  RESERVATION_CHANNELS,
  RESERVATION_EVENT_KINDS,
  RESERVATION_STATUSES,
  SESSION_ATTENDANCE,
} from "~/capabilities/lending/values";
import { MESSAGE_CHANNELS, MESSAGE_DIRECTIONS, MESSAGE_STATUSES, OPT_OUT_VIA } from "~/capabilities/messaging/values";
import { CONTACT_PREFERENCES, LOCATION_KINDS, PHONE_TYPES, ROLES } from "~/capabilities/people/values";
import { CALL_STATUSES } from "~/capabilities/phone/values";
import { CONSENT_CHANNELS } from "~/capabilities/privacy/consent-values";
import {
  APPOINTMENT_CHANNELS,
  APPOINTMENT_STATUSES,
  CALL_OUTCOMES,
  CALLBACK_CHANNELS,
  CALLBACK_STATUSES,
  DAY_WAIT_STATUSES,
  POOLS,
  WALK_IN_STATUSES,
} from "~/capabilities/scheduling/values";
import { JOB_STATUSES } from "../../jobs/queue";

/** Where the pages find a label for each value the staff see. */
const LABELS: Record<string, [string, readonly string[]]> = {
  "DeviceEvent.kind": ["devices:history.kind", DEVICE_EVENT_KINDS],
  "Loan.status": ["lending:loanStatus", LOAN_STATUSES],
  "Loan.outcome": ["lending:outcome", LOAN_OUTCOMES],
  "Reservation.status": ["lending:reservationStatus", RESERVATION_STATUSES],
  "Reservation.channel": ["lending:reservationChannel", RESERVATION_CHANNELS],
  "ReservationEvent.kind": ["waitlist:reservation.events", RESERVATION_EVENT_KINDS],
  "Appointment.status": ["desk:status", APPOINTMENT_STATUSES],
  "Appointment.channel": ["desk:channel", APPOINTMENT_CHANNELS],
  "DayWait.status": ["desk:waitStatus", DAY_WAIT_STATUSES],
  "Callback.status": ["callbacks:status", CALLBACK_STATUSES],
  "Message.status": ["common:messageStatus", MESSAGE_STATUSES],
  "Ticket.status": ["helpdesk:status", TICKET_STATUSES],
  "Ticket.channel": ["helpdesk:channel", CHANNELS],
  "Consent.channel": ["tickets:person.consent.channels", CONSENT_CHANNELS],
};

function label(language: string, key: string, value: string): unknown {
  const [namespace, keyPath] = key.split(":");
  const json: unknown = JSON.parse(fs.readFileSync(path.resolve(`locales/${language}/${namespace}.json`), "utf8"));
  return [...keyPath.split("."), value].reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], json);
}

const LISTS: Record<string, readonly string[]> = {
  "Location.kind": LOCATION_KINDS,
  "Staff.role": ROLES,
  "Person.phoneType": PHONE_TYPES,
  "Person.contactPreference": CONTACT_PREFERENCES,
  "Message.direction": MESSAGE_DIRECTIONS,
  "Message.channel": MESSAGE_CHANNELS,
  "Message.status": MESSAGE_STATUSES,
  "OptOut.via": OPT_OUT_VIA,
  "Consent.channel": CONSENT_CHANNELS,
  "Call.status": CALL_STATUSES,
  "Job.status": JOB_STATUSES,
  "Ticket.status": TICKET_STATUSES,
  "Ticket.priority": PRIORITIES,
  "Ticket.channel": CHANNELS,
  "TicketEvent.kind": TICKET_EVENT_KINDS,
  "Device.status": DEVICE_STATUSES,
  "DeviceEvent.kind": DEVICE_EVENT_KINDS,
  "Loan.status": LOAN_STATUSES,
  "Loan.agreementMode": AGREEMENT_MODES,
  "Loan.outcome": LOAN_OUTCOMES,
  "MentoringSession.attendance": SESSION_ATTENDANCE,
  "Reservation.channel": RESERVATION_CHANNELS,
  "Reservation.status": RESERVATION_STATUSES,
  "ReservationEvent.kind": RESERVATION_EVENT_KINDS,
  "Appointment.pool": POOLS,
  "Appointment.channel": APPOINTMENT_CHANNELS,
  "Appointment.status": APPOINTMENT_STATUSES,
  "WalkIn.status": WALK_IN_STATUSES,
  "DayWait.status": DAY_WAIT_STATUSES,
  "Callback.channel": CALLBACK_CHANNELS,
  "Callback.status": CALLBACK_STATUSES,
  "CallbackAttempt.outcome": CALL_OUTCOMES,
};

/** Free-text or open columns that happen to have such a name, and why they have no list. */
const OPEN_COLUMNS: Record<string, string> = {
  "Job.type": "the job registry (jobs/registry.ts) names the types",
};

const CLOSED_NAME = /^(status|kind|channel|via|direction|role|priority|pool|outcome|attendance|agreementMode|phoneType|contactPreference|type)$/;

/** "Model.field" → its default value (or null) for every String column with a closed-set name. */
function closedColumns(): Map<string, string | null> {
  const columns = new Map<string, string | null>();
  let model: string | null = null;
  for (const line of fs.readFileSync(path.resolve("prisma/schema.prisma"), "utf8").split("\n")) {
    const start = line.match(/^model (\w+) \{/);
    if (start) model = start[1];
    else if (line.startsWith("}")) model = null;
    const field = model && line.match(/^\s+(\w+)\s+String\??\s*(.*)$/);
    if (field && CLOSED_NAME.test(field[1])) columns.set(`${model}.${field[1]}`, field[2].match(/@default\("([^"]*)"\)/)?.[1] ?? null);
  }
  return columns;
}

describe("closed value sets", () => {
  const columns = closedColumns();

  it("every status, kind and channel column has its list", () => {
    expect([...columns.keys()].filter((c) => !(c in LISTS) && !(c in OPEN_COLUMNS))).toEqual([]);
    expect(Object.keys(LISTS).filter((c) => !columns.has(c))).toEqual([]);
  });

  it("a column's default is one of its values", () => {
    const wrong = [...columns].filter(([c, value]) => value !== null && c in LISTS && !LISTS[c].includes(value));
    expect(wrong).toEqual([]);
  });

  it("every value has a label in every shipped language", () => {
    const languages = fs.readdirSync(path.resolve("locales")).filter((l) => fs.statSync(path.resolve("locales", l)).isDirectory());
    const missing = languages.flatMap((language) =>
      Object.values(LABELS).flatMap(([key, values]) => values.filter((v) => typeof label(language, key, v) !== "string").map((v) => `${language} ${key}.${v}`)),
    );
    expect(missing).toEqual([]);
  });
});
