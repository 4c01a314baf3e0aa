// The one permission check: role × location. Every staff loader and action goes through `can`.
import type { Role } from "./values";

export type Permission =
  | "team:view" // staff home and own work
  | "location:view"
  | "location:manage"
  | "person:view"
  | "person:manage"
  | "message:view"
  | "audit:view"
  | "staff:manage"
  | "ticket:view"
  | "ticket:manage"
  | "category:manage"
  | "article:manage";

const GRANTS: Record<Role, readonly Permission[]> = {
  admin: [
    "team:view", "location:view", "location:manage", "person:view", "person:manage", "message:view", "audit:view",
    "staff:manage", "ticket:view", "ticket:manage", "category:manage", "article:manage",
  ],
  coordinator: [
    "team:view", "location:view", "location:manage", "person:view", "person:manage", "message:view", "audit:view",
    "ticket:view", "ticket:manage", "category:manage", "article:manage",
  ],
  librarian: ["team:view", "location:view", "person:view", "person:manage", "message:view", "ticket:view", "ticket:manage", "article:manage"],
  volunteer: ["team:view", "location:view", "person:view", "person:manage", "ticket:view", "ticket:manage"],
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
