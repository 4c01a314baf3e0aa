// Locations: what citizens may see of them, and the staff view scoped by membership.
import { z } from "zod";
import type { Ctx, StaffCtx } from "~/context";
import { phoneLink } from "~/lib/phone.server";
import { can, locationScope, type Permission } from "./permissions";

const TimeRange = z.tuple([z.string().regex(/^\d\d:\d\d$/), z.string().regex(/^\d\d:\d\d$/)]);
export const OpeningHours = z.partialRecord(z.enum(["mon", "tue", "wed", "thu", "fri", "sat", "sun"]), z.array(TimeRange));
export type OpeningHours = z.infer<typeof OpeningHours>;

function parseOpeningHours(json: string): OpeningHours {
  const parsed = OpeningHours.safeParse(JSON.parse(json));
  return parsed.success ? parsed.data : {};
}

const publicFields = {
  id: true,
  slug: true,
  name: true,
  kind: true,
  street: true,
  postalCode: true,
  city: true,
  phone: true,
  timeZone: true,
  openingHours: true,
} as const;

/** Everything here is public information about a place; no people. */
export async function listPublicLocations(ctx: Ctx) {
  const rows = await ctx.db.location.findMany({ select: publicFields, orderBy: { name: "asc" } });
  return rows.map((row) => ({ ...row, phone: phoneLink(row.phone), openingHours: parseOpeningHours(row.openingHours) }));
}

export async function listLocationsFor(ctx: StaffCtx) {
  const scope = locationScope(ctx.actor);
  const rows = await ctx.db.location.findMany({
    where: scope === "all" ? {} : { id: { in: [...scope] } },
    select: { ...publicFields, loanWeeks: true, offerDays: true, _count: { select: { memberships: true } } },
    orderBy: { name: "asc" },
  });
  return rows.map((row) => ({ ...row, phone: phoneLink(row.phone), openingHours: parseOpeningHours(row.openingHours) }));
}

/** The actor's places where they have `permission`: what a form may offer (where to add devices, whose hours to change). */
export async function locationsAllowed(ctx: StaffCtx, permission: Permission) {
  const locations = await listLocationsFor(ctx);
  return locations.filter((l) => can(ctx.actor, permission, l.id));
}
