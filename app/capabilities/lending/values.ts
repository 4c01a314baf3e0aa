// The lending programme's closed value sets and rules (no database, no React: safe to import anywhere).
// Labels live in locales/<lng>/lending.json under the same keys.
import type { LocationKind } from "~/capabilities/people/values";

export const DEVICE_STATUSES = ["available", "reserved", "on_loan", "needs_reset", "in_repair", "retired"] as const;
export type DeviceStatus = (typeof DEVICE_STATUSES)[number];

/** A device's history (labels in locales/<lng>/devices.json history.kind). */
export const DEVICE_EVENT_KINDS = [
  "created",
  "imported",
  "edited",
  "status",
  "checked_out",
  "checked_in",
  "reset_confirmed",
  "transferred",
  "lost",
  "stolen",
  "follow_up_resolved",
] as const;
export type DeviceEventKind = (typeof DEVICE_EVENT_KINDS)[number];

/** Statuses staff may set by hand; the others follow from loans, offers and check-ins. */
export const MANUAL_DEVICE_STATUSES: readonly DeviceStatus[] = ["available", "in_repair", "retired"];

/** What may go out with a device as its kit. */
export const ACCESSORIES = ["charger", "cable", "case", "stylus", "keyboard", "headphones", "sim_card", "manual"] as const;
export type Accessory = (typeof ACCESSORIES)[number];

export const LOAN_STATUSES = ["active", "returned", "lost", "stolen"] as const;
export type LoanStatus = (typeof LOAN_STATUSES)[number];

/** Every box must be ticked before a device goes out. */
export const CHECKLIST_OUT = ["charged", "accessoriesPresent", "accountExplained", "simActive"] as const;

export const RETURN_CONDITIONS = ["good", "worn", "damaged"] as const;
export const SIM_AT_RETURN = ["deactivated", "kept", "none"] as const;

export const LOAN_OUTCOMES = ["returned", "bought_own", "extended", "referred_consultation"] as const;
export type LoanOutcome = (typeof LOAN_OUTCOMES)[number];

export const AGREEMENT_MODES = ["on_screen", "paper"] as const;
export type AgreementMode = (typeof AGREEMENT_MODES)[number];

export const SESSION_ATTENDANCE = ["planned", "attended", "no_show"] as const;
export type SessionAttendance = (typeof SESSION_ATTENDANCE)[number];

export const RESERVATION_STATUSES = ["waiting", "offered", "accepted", "fulfilled", "expired", "declined", "cancelled"] as const;
export type ReservationStatus = (typeof RESERVATION_STATUSES)[number];
/** Still on the list: waiting for a device or holding an offer. */
export const OPEN_RESERVATION_STATUSES: readonly ReservationStatus[] = ["waiting", "offered", "accepted"];

/** Only these kinds of place lend devices (a library helps, but has no pool). */
export const LENDING_LOCATION_KINDS = ["meeting_centre", "care_home"] as const satisfies readonly LocationKind[];

export const RESERVATION_CHANNELS = ["web", "phone", "walk_in"] as const;
export type ReservationChannel = (typeof RESERVATION_CHANNELS)[number];

/** A waiting-list place's history (labels in locales/<lng>/waitlist.json reservation.events). */
export const RESERVATION_EVENT_KINDS = ["joined", "moved", "offered", "offer_expired", "accepted", "declined", "fulfilled", "cancelled", "sms_yes"] as const;
export type ReservationEventKind = (typeof RESERVATION_EVENT_KINDS)[number];

export const MAX_LOAN_WEEKS = 26;

/** Reminders: this many days before the due date, then on these days after it. */
export const REMIND_DAYS_BEFORE = 3;
export const OVERDUE_REMINDER_DAYS = [1, 7] as const;

export const WISHES_MAX = 500;
export const NOTES_MAX = 2000;

/** Parses a JSON list column; a broken value reads as empty rather than breaking a page. */
export function jsonList<T = string>(json: string | null | undefined): T[] {
  try {
    const value = JSON.parse(json ?? "[]");
    return Array.isArray(value) ? (value as T[]) : [];
  } catch {
    return [];
  }
}

export function jsonObject<T extends object = Record<string, unknown>>(json: string | null | undefined): Partial<T> {
  try {
    const value = JSON.parse(json ?? "{}");
    return value && typeof value === "object" && !Array.isArray(value) ? (value as T) : {};
  } catch {
    return {};
  }
}
