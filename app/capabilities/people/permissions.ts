// The one permission check: role × location. Every staff loader and action goes through `can`.
import type { Role } from "./values";

export type Permission =
  | "team:view" // staff home and own work
  | "location:view"
  | "location:manage"
  | "person:view"
  | "person:manage"
  | "person:export" // the access export (Art. 15): everything stored about a person, to hand to them
  | "person:erase" // erasure on request (Art. 17): coordinators and admins only
  | "message:view"
  | "audit:view"
  | "staff:manage"
  | "ticket:view"
  | "ticket:manage"
  | "category:manage"
  | "article:manage"
  | "device:view"
  | "device:manage" // add, edit, import, change status, transfer (needs the right at both places)
  | "loan:view" // a person's loans; every view is audit-logged
  | "loan:manage" // check out, check in, extend, mentoring sessions
  | "waitlist:view"
  | "waitlist:manage" // add people, record answers to offers
  | "waitlist:reorder" // move someone on the list (with a reason): coordinators only
  | "topic:manage" // the list of mentoring topics
  | "schedule:view" // consultation hours, appointments, walk-ins, callbacks at a place
  | "schedule:manage" // consultation hours, closures, channel shares
  | "appointment:manage" // book for callers, walk-ins, outcomes, cancel
  | "callback:manage"; // take callback requests, call, record attempts, own callback hours

/** Day-to-day lending work, at the locations where someone works. */
const LENDING: readonly Permission[] = ["device:view", "device:manage", "loan:view", "loan:manage", "waitlist:view", "waitlist:manage"];
/** Running consultation hours and calling people back, at the locations where someone works. */
const HELP_DESK: readonly Permission[] = ["schedule:view", "appointment:manage", "callback:manage"];

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    "team:view", "location:view", "location:manage", "person:view", "person:manage", "person:export", "person:erase", "message:view", "audit:view",
    "staff:manage", "ticket:view", "ticket:manage", "category:manage", "article:manage",
    ...LENDING, "waitlist:reorder", "topic:manage", ...HELP_DESK, "schedule:manage",
  ],
  coordinator: [
    "team:view", "location:view", "location:manage", "person:view", "person:manage", "person:export", "person:erase", "message:view", "audit:view",
    "ticket:view", "ticket:manage", "category:manage", "article:manage",
    ...LENDING, "waitlist:reorder", "topic:manage", ...HELP_DESK, "schedule:manage",
  ],
  librarian: [
    "team:view", "location:view", "person:view", "person:manage", "message:view", "ticket:view", "ticket:manage", "article:manage",
    ...LENDING, ...HELP_DESK, "schedule:manage",
  ],
  volunteer: ["team:view", "location:view", "person:view", "person:manage", "ticket:view", "ticket:manage", ...LENDING, ...HELP_DESK],
};

/** Coordinators and admins work across the whole programme; others only where they are members. */
const PROGRAMME_WIDE: readonly Role[] = ["admin", "coordinator"];

export interface StaffActor {
  kind: "staff";
  staffId: string;
  name: string;
  role: Role;
  locationIds: readonly string[];
}

export function can(actor: StaffActor, permission: Permission, locationId?: string | null): boolean {
  if (!GRANTS[actor.role].includes(permission)) return false;
  if (locationId == null || PROGRAMME_WIDE.includes(actor.role)) return true;
  return actor.locationIds.includes(locationId);
}

/** The locations an actor may act on, or "all". Lists filter with it. */
export function locationScope(actor: StaffActor): "all" | readonly string[] {
  return PROGRAMME_WIDE.includes(actor.role) ? "all" : actor.locationIds;
}
