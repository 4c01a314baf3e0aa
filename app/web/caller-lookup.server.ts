// The first step of every phone intake (ticket, desk booking, waiting list, callback): who is calling. One look-up
// for all of them (lookUpCaller in capabilities/people/visibility.server.ts, with its one visibility rule): a caller
// who is not visible to this staff member comes back as nobody — the intake then takes them as a new caller, and the
// capability files the request under their existing record without showing it. Each intake adds its own open items.
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { personName, type NamedPerson } from "~/lib/person-name";
import { phoneLink, type ParsedPhone } from "~/lib/phone.server";
import { PhoneInput } from "~/capabilities/people/persons.server";
import { lookUpCaller as findCaller } from "~/capabilities/people/visibility.server";
import { openTicketsOf } from "~/capabilities/helpdesk/queries.server";
import { openReservationsOf } from "~/capabilities/lending/person-lending.server";
import { openCallbacksOf } from "~/capabilities/scheduling/person-scheduling.server";
import { formatWhen } from "./callback-pages.server";

/** The first step of phone intake: the number as the caller says it, in any German format. */
export const LookupInput = z.object({ phone: PhoneInput });

const phoneOf = (phone: ParsedPhone) => ({ ...phoneLink(phone.e164), type: phone.type });

/** What every intake shows of a known caller: how to name and address them, nothing more. */
const known = (person: NamedPerson & { id: string; language: string; contactPreference: string }) => ({
  id: person.id,
  firstName: person.firstName,
  name: personName(person),
  language: person.language,
  contactPreference: person.contactPreference,
});

/** Who is calling about a ticket (or an appointment at the desk): the person and their open tickets, or nobody yet. */
export async function lookUpCaller(ctx: StaffCtx, phone: ParsedPhone, purpose: "ticket" | "appointment" = "ticket") {
  const found = await findCaller(ctx, phone.e164, purpose);
  const tickets = found ? await openTicketsOf(ctx, [found.id]) : [];
  const openTickets = tickets.map((t) => ({ id: t.id, reference: t.reference, status: t.status, createdAt: t.createdAt.toISOString() }));
  return { phone: phoneOf(phone), person: found ? { ...known(found), openTickets } : null };
}

/** Who wants to borrow a tablet: the person and where they already wait, or nobody yet. */
export async function lookUpBorrower(ctx: StaffCtx, phone: ParsedPhone) {
  const found = await findCaller(ctx, phone.e164, "reservation");
  const reservations = found ? await openReservationsOf(ctx, found.id) : [];
  const open = reservations.map((r) => ({ id: r.id, location: r.location.name, status: r.status }));
  return { phone: phoneOf(phone), person: found ? { ...known(found), open } : null };
}

/** Who asks to be called back: a known person (not renamed by the intake) and their open callbacks, or nobody yet. */
export async function lookUpCallbackCaller(ctx: StaffCtx, phone: ParsedPhone, lng: string) {
  const found = await findCaller(ctx, phone.e164, "callback");
  const open = found ? await openCallbacksOf(ctx, found.id) : [];
  const openCallbacks = open.map((c) => ({ id: c.id, reference: c.reference, when: c.scheduledAt ? formatWhen(c.scheduledAt, lng) : null }));
  return { phone: phoneOf(phone), person: found ? { ...known(found), openCallbacks } : null };
}
