// Which citizens a staff member may see: the ONE rule behind every caller look-up (ticket, waiting-list, callback
// and desk intake, check-out's borrower), the ticket search and the person page.
//
// A person is visible to staff of a place where that person has or had a ticket, loan, waiting-list place,
// appointment, walk-in, day-wait or callback. Tickets and callbacks without a place are the programme-wide pool
// that every helpdesk member works from, so whoever they belong to is visible too. Coordinators and admins see all.
//
// A caller who is not visible is "a caller we don't know here": look-ups answer as for an unknown number, and
// nothing of theirs (name, language, records elsewhere) is shown or logged as looked at. An intake for them still
// works: staff type the first name as for a new caller, and the capability files the request under the existing
// Person row (the phone number is unique; findOrCreatePerson in persons.server.ts never renames anyone), so the
// person keeps one record. How each intake gets there:
//   ticket (openTicket), check-out (checkOutDevice), waiting list (askToBorrow): intakePerson — a typed-in caller
//     through findOrCreatePerson; a picked id only if visible here (else the intake's "who is it?" refusal).
//     "Already waiting at this place" can only be said of someone waiting here, who is visible here anyway.
//   callback (requestCallback), desk booking (bookForCaller → bookAppointment), a full day's list
//     (joinDayWaitingList): by the typed number, through findOrCreatePerson; "already booked" concerns this
//     place's slot only.
//   walk-in (addWalkIn): by the number, if one is given; without a typed name the queue calls the stored first name.
// From then on the person has a record at this place, so they are visible here: the new ticket's or loan's page
// names them as stored (not as typed), and the audit log says who filed it.
import type { Prisma } from "~/generated/prisma/client";
import type { Ctx, StaffCtx, Tx } from "~/context";
import type { Db } from "~/db.server";
import { forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can, locationScope, type StaffActor } from "./permissions";

/** The Prisma filter for people this actor may see (see above). */
export function visiblePersonWhere(actor: StaffActor): Prisma.PersonWhereInput {
  const scope = locationScope(actor);
  if (scope === "all") return {};
  const here = { locationId: { in: [...scope] } };
  const hereOrPool = { OR: [here, { locationId: null }] };
  return {
    OR: [
      { tickets: { some: hereOrPool } },
      { loans: { some: here } },
      { reservations: { some: here } },
      { appointments: { some: here } },
      { walkIns: { some: here } },
      { dayWaits: { some: here } },
      { callbacks: { some: hereOrPool } },
    ],
  };
}

/**
 * The person if this actor may see them, else null: an unknown id and someone else's person look the same. `db`:
 * the caller's transaction, when it reads inside one (an intake).
 */
export async function findVisiblePerson(ctx: Pick<Ctx, "db"> & { actor: StaffActor }, personId: string, db: Db | Tx = ctx.db) {
  if (!can(ctx.actor, "person:view")) return null;
  return db.person.findFirst({ where: { AND: [{ id: personId }, visiblePersonWhere(ctx.actor)] } });
}

/** The person for a page about them: 404 when they do not exist or are not visible to this actor — never their data. */
export async function requirePersonVisible(ctx: StaffCtx, personId: string) {
  if (!can(ctx.actor, "person:view")) throw forbidden("person:view");
  const person = await findVisiblePerson(ctx, personId);
  if (!person) throw notFound("person");
  return person;
}

/** The visible person with this number (E.164), or null — also when the number belongs to someone not visible here. */
async function findVisiblePersonByPhone(ctx: StaffCtx, e164: string) {
  if (!can(ctx.actor, "person:view")) return null;
  return ctx.db.person.findFirst({ where: { AND: [{ phone: e164 }, visiblePersonWhere(ctx.actor)] } });
}

/** Visible people whose first name starts with `prefix`, oldest record first among equal names. */
export async function findVisiblePeopleByName(ctx: StaffCtx, prefix: string, take = 10) {
  if (!can(ctx.actor, "person:view")) return [];
  return ctx.db.person.findMany({
    where: { AND: [{ firstName: { startsWith: prefix } }, visiblePersonWhere(ctx.actor)] },
    orderBy: [{ firstName: "asc" }, { createdAt: "asc" }],
    take,
  });
}

/**
 * The caller look-up every phone intake starts with: the visible person with this number, or null. A found person
 * is audit-logged as looked up, with what for (`purpose`: "ticket", "reservation", "callback", "appointment",
 * "loan"); a number that finds nobody visible logs nothing, as nothing was shown.
 */
export async function lookUpCaller(ctx: StaffCtx, e164: string, purpose: string) {
  const person = await findVisiblePersonByPhone(ctx, e164);
  if (person) {
    await audit(ctx, ctx.db, { action: "person.lookedUp", subjectType: "Person", subjectId: person.id, details: { for: purpose } });
  }
  return person;
}

/** The person page's one audit entry per view, with how much of each kind it showed (counts, nothing personal). */
export async function recordPersonViewed(ctx: StaffCtx, personId: string, shown: Record<string, number>) {
  const details = { ...shown, via: "person" };
  await audit(ctx, ctx.db, { action: "person.viewed", subjectType: "Person", subjectId: personId, details });
}
