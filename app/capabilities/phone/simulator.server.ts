// The phone simulator's reads (/team/phone and its call screen): staff pick a person or a number the programme has
// written to, see the thread as that phone would, and call the voice menu as them. The phone number is resolved
// here, on the server, from a person's or a message's id — it never travels in a URL. Every look is audit-logged.
import type { Ctx, StaffCtx } from "~/context";
import { AppError } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { visiblePersonWhere } from "~/capabilities/people/visibility.server";

/** A phone on the simulator: a person's, or for a number without a person the number of one of its messages. */
export interface PhoneSelection {
  person?: string | null;
  message?: string | null;
}

/** The people to choose from, by first name (at most 500): those this staff member may see (the one visibility rule). */
export async function simulatorPeople(ctx: StaffCtx) {
  return ctx.db.person.findMany({
    where: visiblePersonWhere(ctx.actor),
    orderBy: [{ firstName: "asc" }, { createdAt: "asc" }],
    take: 500,
    select: { id: true, firstName: true, lastNameInitial: true, phone: true, phoneType: true },
  });
}

/**
 * The number (and person, if any) behind a selection; null when nothing is selected, 404 when it is unknown — or
 * is the number of a person this staff member may not see.
 */
export async function selectedPhone(ctx: StaffCtx, selection: PhoneSelection) {
  const visible = (phoneOrId: { id: string } | { phone: string }) => ctx.db.person.findFirst({ where: { AND: [phoneOrId, visiblePersonWhere(ctx.actor)] } });
  if (selection.person) {
    const person = await visible({ id: selection.person });
    if (!person) throw new AppError(404, "phone:errors.unknownPhone");
    return { phone: person.phone, person };
  }
  if (selection.message) {
    const message = await ctx.db.message.findUnique({ where: { id: selection.message }, select: { toPhone: true } });
    if (!message) throw new AppError(404, "phone:errors.unknownPhone");
    const someone = await ctx.db.person.findUnique({ where: { phone: message.toPhone }, select: { id: true } });
    const person = someone ? await visible({ id: someone.id }) : null;
    if (someone && !person) throw new AppError(404, "phone:errors.unknownPhone");
    return { phone: message.toPhone, person };
  }
  return null;
}

/** The latest `limit` messages to and from a selected phone, newest first; viewing them is audit-logged (ids only). */
export async function phoneMessages(ctx: StaffCtx, selection: PhoneSelection, limit: number) {
  const found = await selectedPhone(ctx, selection);
  if (!found) return null;
  const { phone, person } = found;
  const messages = await ctx.db.message.findMany({
    where: person ? { OR: [{ personId: person.id }, { toPhone: phone }] } : { toPhone: phone },
    orderBy: [{ createdAt: "desc" }, { id: "desc" }],
    take: limit,
  });
  await audit(ctx, ctx.db, {
    action: "phone.viewed",
    subjectType: person ? "Person" : "Message",
    subjectId: person?.id ?? selection.message ?? null,
    details: { count: messages.length },
  });
  return { phone, person, messages };
}

/** The person to call the voice menu as (first name and number, for the server only), or null when unknown. */
export async function simulatedCaller(ctx: StaffCtx, personId: string) {
  return ctx.db.person.findFirst({ where: { AND: [{ id: personId }, visiblePersonWhere(ctx.actor)] }, select: { id: true, firstName: true, phone: true } });
}

/** People to call as, most recently active first. Listing them is audit-logged. */
export async function recentCallers(ctx: StaffCtx, take = 50) {
  const people = await ctx.db.person.findMany({ where: visiblePersonWhere(ctx.actor), orderBy: { updatedAt: "desc" }, take, select: { id: true, firstName: true, phone: true } });
  await audit(ctx, ctx.db, { action: "phone.callersListed", subjectType: "Person", details: { count: people.length } });
  return people;
}

/** A simulated call begins: logged with whom it was made as (nobody: a withheld number). */
export async function recordCallSimulated(ctx: Ctx, personId: string | null) {
  await audit(ctx, ctx.db, { action: "phone.callSimulated", subjectType: "Person", subjectId: personId, details: { withheld: !personId } });
}
