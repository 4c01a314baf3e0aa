// A person's appointments and callbacks for their record page: only at places the staff member may see.
// The caller logs the look: the person page writes ONE audit entry per view (personPage in app/web/tickets.server.ts),
// with these counts in its details.
import type { Ctx } from "~/context";
import { audit } from "~/capabilities/privacy/audit.server";
import { can, locationScope, type StaffActor } from "~/capabilities/people/permissions";

export async function personScheduling(ctx: Ctx & { actor: StaffActor }, personId: string) {
  const scope = locationScope(ctx.actor);
  const atMyPlaces = scope === "all" ? {} : { locationId: { in: [...scope] } };
  const [appointments, callbacks] = await Promise.all([
    can(ctx.actor, "schedule:view")
      ? ctx.db.appointment.findMany({
          where: { personId, ...atMyPlaces },
          orderBy: { startsAt: "desc" },
          take: 50,
          select: { id: true, reference: true, status: true, startsAt: true, location: { select: { name: true, timeZone: true } } },
        })
      : [],
    can(ctx.actor, "callback:manage")
      ? ctx.db.callback.findMany({
          // Callbacks without a place are the programme-wide pool, which every caller works from.
          where: { personId, ...(scope === "all" ? {} : { OR: [atMyPlaces, { locationId: null }] }) },
          orderBy: { createdAt: "desc" },
          take: 50,
          select: { id: true, reference: true, status: true, scheduledAt: true, attemptCount: true, createdAt: true },
        })
      : [],
  ]);
  return { appointments, callbacks };
}

/**
 * A caller's appointments still to come (booked, at places the staff member may see), for the desk when they call
 * to move or cancel one. The look is audit-logged.
 */
export async function upcomingAppointments(ctx: Ctx & { actor: StaffActor }, personId: string) {
  if (!can(ctx.actor, "schedule:view")) return [];
  const scope = locationScope(ctx.actor);
  const appointments = await ctx.db.appointment.findMany({
    where: { personId, status: "booked", startsAt: { gt: ctx.clock.now() }, ...(scope === "all" ? {} : { locationId: { in: [...scope] } }) },
    orderBy: { startsAt: "asc" },
    take: 5,
    select: { id: true, reference: true, startsAt: true, location: { select: { name: true, timeZone: true } } },
  });
  if (appointments.length) {
    await audit(ctx.db, ctx, {
      action: "appointment.viewed",
      subjectType: "Person",
      subjectId: personId,
      details: { appointments: appointments.length, via: "desk" },
    });
  }
  return appointments;
}
