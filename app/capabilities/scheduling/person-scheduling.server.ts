// A person's appointments and callbacks for their record page: only at places the staff member may see.
// The caller logs the look: the person page writes ONE audit entry per view (personPage in app/web/person-page.server.ts),
// with these counts in its details.
import type { StaffCtx } from "~/context";
import { audit } from "~/capabilities/privacy/audit.server";
import { can, locationScope, type StaffActor } from "~/capabilities/people/permissions";
import { pageWindow } from "~/lib/pages";
import type { AppointmentStatus } from "./values";

/** Which page of each list to show (1 = newest), and how many rows a page holds. */
export interface PersonSchedulingPages {
  appointments: number;
  callbacks: number;
  pageSize: number;
}

/** Callbacks at the staff member's places, and those without a place: the programme-wide pool every caller works from. */
function callbackScope(actor: StaffActor) {
  const scope = locationScope(actor);
  return scope === "all" ? {} : { OR: [{ locationId: { in: [...scope] } }, { locationId: null }] };
}

export async function personScheduling(ctx: StaffCtx, personId: string, pages: PersonSchedulingPages) {
  const scope = locationScope(ctx.actor);
  const atMyPlaces = scope === "all" ? {} : { locationId: { in: [...scope] } };
  const appointmentWhere = { personId, ...atMyPlaces };
  const callbackWhere = { personId, ...callbackScope(ctx.actor) };
  const { pageSize } = pages;
  const seesAppointments = can(ctx.actor, "schedule:view");
  const seesCallbacks = can(ctx.actor, "callback:manage");
  const [appointments, appointmentCount, callbacks, callbackCount] = await Promise.all([
    seesAppointments
      ? ctx.db.appointment.findMany({
          where: appointmentWhere,
          orderBy: [{ startsAt: "desc" }, { id: "asc" }],
          ...pageWindow(pages.appointments, pageSize),
          select: { id: true, reference: true, status: true, startsAt: true, location: { select: { name: true, timeZone: true } } },
        })
      : [],
    seesAppointments ? ctx.db.appointment.count({ where: appointmentWhere }) : 0,
    seesCallbacks
      ? ctx.db.callback.findMany({
          where: callbackWhere,
          orderBy: [{ createdAt: "desc" }, { id: "asc" }],
          ...pageWindow(pages.callbacks, pageSize),
          select: { id: true, reference: true, status: true, scheduledAt: true, attemptCount: true, createdAt: true },
        })
      : [],
    seesCallbacks ? ctx.db.callback.count({ where: callbackWhere }) : 0,
  ]);
  /** `shown`: whether this staff member works with appointments or callbacks at all (else the page leaves them out). */
  return { appointments, appointmentCount, callbacks, callbackCount, shown: seesAppointments || seesCallbacks };
}

/** A caller's callbacks still to come (the ten latest, where this staff member works or in the pool), for the callback intake. */
export async function openCallbacksOf(ctx: StaffCtx, personId: string) {
  if (!can(ctx.actor, "callback:manage")) return [];
  return ctx.db.callback.findMany({
    where: { personId, status: { in: ["scheduled", "unscheduled"] }, ...callbackScope(ctx.actor) },
    select: { id: true, reference: true, scheduledAt: true },
    orderBy: { createdAt: "desc" },
    take: 10,
  });
}

/**
 * A caller's appointments still to come (booked, at places the staff member may see), for the desk when they call
 * to move or cancel one. The look is audit-logged.
 */
export async function upcomingAppointments(ctx: StaffCtx, personId: string) {
  if (!can(ctx.actor, "schedule:view")) return [];
  const scope = locationScope(ctx.actor);
  const appointments = await ctx.db.appointment.findMany({
    where: { personId, status: "booked" satisfies AppointmentStatus, startsAt: { gt: ctx.clock.now() }, ...(scope === "all" ? {} : { locationId: { in: [...scope] } }) },
    orderBy: { startsAt: "asc" },
    take: 5,
    select: { id: true, reference: true, startsAt: true, location: { select: { name: true, timeZone: true } } },
  });
  if (appointments.length) {
    await audit(ctx, ctx.db, {
      action: "appointment.viewed",
      subjectType: "Person",
      subjectId: personId,
      details: { appointments: appointments.length, via: "desk" },
    });
  }
  return appointments;
}
