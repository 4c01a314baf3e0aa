// Reading the waiting list: the lending places, a place's list in order, and one request with its history.
import type { Ctx, StaffCtx } from "~/context";
import { forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can, locationScope } from "~/capabilities/people/permissions";
import { pageCount, pageWindow } from "~/lib/pages";
import { LENDING_LOCATION_KINDS } from "./values";
import { isOpen, openWhere } from "./reservations.server";

export const WAITING_LIST_PAGE_SIZE = 50;

/** Where lending happens, as citizens may see it (the form's choice of place). */
export async function lendingLocations(ctx: Pick<Ctx, "db">) {
  return ctx.db.location.findMany({
    where: { kind: { in: [...LENDING_LOCATION_KINDS] } },
    select: { id: true, name: true, kind: true, street: true, postalCode: true, city: true, phone: true },
    orderBy: { name: "asc" },
  });
}

/** The lending places the actor works at. */
export async function staffLendingLocations(ctx: StaffCtx) {
  const scope = locationScope(ctx.actor);
  return ctx.db.location.findMany({
    where: { kind: { in: [...LENDING_LOCATION_KINDS] }, ...(scope === "all" ? {} : { id: { in: [...scope] } }) },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** The open places at a location in list order, with their place numbers; people by first name and initial only. */
export async function listWaitingList(ctx: StaffCtx, input: { locationId: string; page: number }) {
  if (!can(ctx.actor, "waitlist:view", input.locationId)) throw forbidden("waitlist:view");
  const where = { locationId: input.locationId, ...openWhere };
  const [rows, total] = await Promise.all([
    ctx.db.reservation.findMany({
      where,
      orderBy: [{ position: "asc" }, { createdAt: "asc" }],
      ...pageWindow(input.page, WAITING_LIST_PAGE_SIZE),
      include: { person: { select: { firstName: true, lastNameInitial: true } } },
    }),
    ctx.db.reservation.count({ where }),
  ]);
  return {
    total,
    pageCount: pageCount(total, WAITING_LIST_PAGE_SIZE),
    entries: rows.map((r, i) => ({
      id: r.id,
      place: (input.page - 1) * WAITING_LIST_PAGE_SIZE + i + 1,
      firstName: r.person.firstName,
      lastNameInitial: r.person.lastNameInitial,
      createdAt: r.createdAt,
      channel: r.channel,
      wishes: r.wishes,
      status: r.status,
      offerExpiresAt: r.offerExpiresAt,
    })),
  };
}

/** One place on the list with its history; the view is audit-logged. */
export async function getReservation(ctx: StaffCtx, reservationId: string) {
  const reservation = await ctx.db.reservation.findUnique({
    where: { id: reservationId },
    include: {
      person: { select: { id: true, firstName: true, lastNameInitial: true, language: true, contactPreference: true, phoneType: true } },
      location: { select: { id: true, name: true, timeZone: true } },
      offeredDevice: { select: { id: true, assetTag: true, model: true } },
      events: { orderBy: { at: "asc" }, include: { actor: { select: { name: true } } } },
    },
  });
  if (!reservation) throw notFound("reservation");
  if (!can(ctx.actor, "waitlist:view", reservation.locationId)) throw forbidden("waitlist:view");
  await audit(ctx, ctx.db, {
    action: "reservation.viewed",
    subjectType: "Reservation",
    subjectId: reservation.id,
    locationId: reservation.locationId,
  });
  const list = isOpen(reservation.status)
    ? await ctx.db.reservation.findMany({
        where: { locationId: reservation.locationId, ...openWhere },
        orderBy: [{ position: "asc" }, { createdAt: "asc" }],
        include: { person: { select: { firstName: true, lastNameInitial: true } } },
      })
    : [];
  return {
    reservation,
    /** What this staff member may do with it: move it on the list (coordinators), answer an offer, cancel, lend. */
    allowed: {
      reorder: can(ctx.actor, "waitlist:reorder", reservation.locationId),
      manage: can(ctx.actor, "waitlist:manage", reservation.locationId),
    },
    place: list.findIndex((r) => r.id === reservation.id) + 1 || null,
    /** The others on the list, for "place after …". */
    others: list
      .map((r, i) => ({ id: r.id, place: i + 1, firstName: r.person.firstName, lastNameInitial: r.person.lastNameInitial }))
      .filter((r) => r.id !== reservation.id),
  };
}
