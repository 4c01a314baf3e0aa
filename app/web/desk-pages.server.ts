// Glue between the desk pages and the scheduling capability: the plain shapes the pages render and the forms
// of the appointment and walk-in pages.
import { data, redirect } from "@remix-run/node";
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { AppError } from "~/lib/errors";
import { givenView, personName } from "~/lib/person-name";
import { formatPhone } from "~/lib/phone.server";
import type { ParsedPhone } from "~/lib/phone.server";
import { languages } from "~/i18n/locales.server";
import { listCategories } from "~/capabilities/helpdesk/categories.server";
import { openTicketsOf } from "~/capabilities/helpdesk/queries.server";
import { nextFreeSlots } from "~/capabilities/scheduling/appointments.server";
import { localDay } from "~/capabilities/scheduling/availability.server";
import { upcomingAppointments } from "~/capabilities/scheduling/person-scheduling.server";
import { addCallerToDayWait, JoinDayWaitInput, waitingListDay } from "~/capabilities/scheduling/day-waits.server";
import {
  cancelByStaff,
  dayView,
  deskPlaces,
  getAppointment,
  MoveInput,
  moveByStaff,
  OutcomeInput,
  recordOutcome,
} from "~/capabilities/scheduling/desk.server";
import { AddWalkInInput, addWalkIn, callNext, FinishWalkInInput, finishWalkIn, walkInQueue } from "~/capabilities/scheduling/walk-ins.server";
import { lookUpCaller } from "./caller-lookup.server";
import { errorResponse } from "./errors.server";
import { formIntent, newFormKey, parseForm, readForm } from "./forms.server";
import { attempt, refusalReply } from "./refusals.server";
import { isCalendarDay } from "~/lib/calendar-input";

/** The chosen place if the actor works there, else their first place offering hours. */
export function pickLocation<T extends { id: string }>(places: T[], wanted: string | null | undefined): T | undefined {
  return places.find((p) => p.id === wanted) ?? places[0];
}

export const LookupInput = z.object({
  phone: z.string().optional(),
  locationId: z.string({ error: "desk:errors.locationRequired" }).trim().min(1, { error: "desk:errors.locationRequired" }),
});

/** Second step of booking for a caller: who calls, and the next free phone and internal places at the place. */
export async function bookingStep(ctx: StaffCtx, phone: ParsedPhone, locationId: string, idempotencyKey?: string) {
  const [caller, slots, places] = await Promise.all([lookUpCaller(ctx, phone, "appointment"), deskChoices(ctx, locationId), deskPlaces(ctx)]);
  const location = places.find((p) => p.id === locationId);
  if (!location) throw errorResponse(new AppError(403, "errors.forbidden"));
  // A known caller may be calling about a booking: theirs still to come, one step from moving or cancelling it.
  const upcoming = caller.person ? await upcomingAppointments(ctx, caller.person.id) : [];
  return {
    caller,
    location,
    slots,
    upcoming: upcoming.map((a) => ({ id: a.id, reference: a.reference, startsAt: a.startsAt.toISOString(), timeZone: a.location.timeZone, place: a.location.name })),
    idempotencyKey: idempotencyKey ?? newFormKey(),
    languages: languages().map(({ code, name }) => ({ code, name })),
  };
}

const iso = (d: Date | null) => (d ? d.toISOString() : null);

/** The day page: slots with their bookings, free places, walk-ins, the waiting list. */
export async function dayPage(ctx: StaffCtx, url: URL) {
  const places = await deskPlaces(ctx);
  const location = pickLocation(places, url.searchParams.get("location"));
  if (!location) return { places, view: null };
  const wanted = url.searchParams.get("day");
  const day = isCalendarDay(wanted) ? wanted : localDay(ctx.clock.now(), location.timeZone);
  const [view, state] = await Promise.all([dayView(ctx, { locationId: location.id, day }), waitingListDay(ctx, location.id, day)]);
  const booking = (a: (typeof view.slots)[number]["appointments"][number]) => ({
    id: a.id,
    name: personName(a.person),
    channel: a.channel,
    pool: a.pool,
    status: a.status,
    concern: a.concern ? (a.concern.length > 60 ? `${a.concern.slice(0, 57)}…` : a.concern) : null,
    startsAt: a.startsAt.toISOString(),
  });
  return {
    places: places.map(({ id, name }) => ({ id, name })),
    view: {
      location: view.location,
      day: view.day,
      today: view.today,
      slots: view.slots.map((s) => ({ key: `${s.hourId}|${s.startsAt.toISOString()}`, time: s.time, free: s.free, appointments: s.appointments.map(booking) })),
      loose: view.loose.map(booking),
      walkIns: view.walkIns,
      waits: view.waits.map((w) => ({ id: w.id, name: personName(w.person), status: w.status, createdAt: w.createdAt.toISOString() })),
      /** Fully booked online and not over: callers can be put on the day's waiting list. */
      waitOpen: state.state === "full" && view.day >= view.today,
    },
  };
}

/** The next free phone and internal places at a place, as the desk's radio values ("<pool>~<hourId>|<startsAt>"). */
async function deskChoices(ctx: StaffCtx, locationId: string) {
  const [phoneSlots, internalSlots] = await Promise.all([
    nextFreeSlots(ctx, locationId, "phone", { limit: 6 }),
    nextFreeSlots(ctx, locationId, "internal", { limit: 4 }),
  ]);
  const slot = (pool: "phone" | "internal") => (s: (typeof phoneSlots)[number]) => ({
    value: `${pool}~${s.hourId}|${s.startsAt.toISOString()}`,
    startsAt: s.startsAt.toISOString(),
    pool,
  });
  return [...phoneSlots.map(slot("phone")), ...internalSlots.map(slot("internal"))];
}

export async function appointmentPage(ctx: StaffCtx, appointmentId: string) {
  const [{ appointment: a, openTickets, started }, categories] = await Promise.all([getAppointment(ctx, appointmentId), listCategories(ctx)]);
  // Still to come: the caller may ask for another time (the current one is not offered again).
  const movable = a.status === "booked" && !started;
  const moveSlots = movable ? (await deskChoices(ctx, a.locationId)).filter((s) => s.startsAt !== a.startsAt.toISOString()) : [];
  return {
    move: movable ? { slots: moveSlots, idempotencyKey: newFormKey() } : null,
    appointment: {
      id: a.id,
      reference: a.reference,
      status: a.status,
      channel: a.channel,
      pool: a.pool,
      startsAt: a.startsAt.toISOString(),
      endsAt: a.endsAt.toISOString(),
      concern: a.concern,
      wantsEarlyReminder: a.wantsEarlyReminder,
      outcomeTopics: JSON.parse(a.outcomeTopics) as string[],
      outcomeNote: a.outcomeNote,
      ticketId: a.ticketId,
      cancelledAt: iso(a.cancelledAt),
      person: { id: a.person.id, name: personName(a.person), given: givenView(a) },
      location: { id: a.location.id, name: a.location.name, timeZone: a.location.timeZone, phone: a.location.phone ? formatPhone(a.location.phone) : null },
      helper: a.helper?.name ?? null,
      bookedBy: a.bookedBy?.name ?? null,
    },
    started,
    openTickets,
    categories: categories.map(({ key, labels }) => ({ key, labels })),
  };
}

/** The appointment page's three forms: the outcome, another time, and cancelling. */
export async function appointmentAction(ctx: StaffCtx, appointmentId: string, request: Request) {
  const intent = await formIntent(request);
  if (intent === "move") {
    const { submission } = await parseForm(request, MoveInput);
    if (submission.status !== "success") return data({ intent: "move" as const, saved: false, result: submission.reply() }, { status: 400 });
    const outcome = await attempt(() => moveByStaff(ctx, appointmentId, submission.value));
    if (!outcome.ok) return data({ intent: "move" as const, saved: false, result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
    // The new booking has its own reference: shown large, to read out to the caller.
    return redirect(`/team/appointments/${outcome.value.id}?booked=1`);
  }
  if (intent === "cancel") {
    const outcome = await attempt(() => cancelByStaff(ctx, appointmentId));
    if (!outcome.ok) return data({ intent: "cancel" as const, saved: false, result: { status: "error" as const, error: { "": [outcome.refusal.messageKey] } } }, { status: outcome.refusal.status });
    return data({ intent: "cancel" as const, saved: true, result: null });
  }
  const { submission } = await parseForm(request, OutcomeInput);
  if (submission.status !== "success") return data({ intent: "outcome" as const, saved: false, result: submission.reply() }, { status: 400 });
  const outcome = await attempt(() => recordOutcome(ctx, appointmentId, submission.value));
  if (!outcome.ok) return data({ intent: "outcome" as const, saved: false, result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  return data({ intent: "outcome" as const, saved: true, result: submission.reply() });
}

export async function walkInPage(ctx: StaffCtx, url: URL) {
  const places = await deskPlaces(ctx);
  const location = pickLocation(places, url.searchParams.get("location"));
  if (!location) return { places, queue: null };
  const queue = await walkInQueue(ctx, location.id);
  // Open tickets of the people we know, to link one when they are done.
  const personIds = [...new Set(queue.entries.filter((e) => e.personId && (e.status === "waiting" || e.status === "called")).map((e) => e.personId!))];
  const tickets = await openTicketsOf(ctx, personIds);
  const entry = (e: (typeof queue.entries)[number]) => ({
    ...e,
    arrivedAt: e.arrivedAt.toISOString(),
    calledAt: iso(e.calledAt),
    openTickets: tickets.filter((t) => t.personId === e.personId).map(({ id, reference }) => ({ id, reference })),
  });
  return {
    places: places.map(({ id, name }) => ({ id, name })),
    queue: { ...queue, entries: queue.entries.map(entry), nowServing: queue.nowServing && entry(queue.nowServing) },
  };
}

/** The walk-in page's forms: add, call next, finish one. */
export async function walkInAction(ctx: StaffCtx, request: Request) {
  const form = await readForm(request.clone());
  const intent = String(form.get("intent") ?? "");
  if (intent === "next") {
    const outcome = await attempt(() => callNext(ctx, String(form.get("locationId") ?? "")));
    if (!outcome.ok) return data({ intent, result: { status: "error" as const, error: { "": [outcome.refusal.messageKey] } } }, { status: outcome.refusal.status });
    return data({ intent, result: null });
  }
  if (intent === "finish") {
    const { submission } = await parseForm(request, FinishWalkInInput);
    if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
    const outcome = await attempt(() => finishWalkIn(ctx, submission.value));
    if (!outcome.ok) return data({ intent, result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
    return data({ intent, result: null });
  }
  const { submission } = await parseForm(request, AddWalkInInput);
  if (submission.status !== "success") return data({ intent: "add", result: submission.reply() }, { status: 400 });
  const outcome = await attempt(() => addWalkIn(ctx, submission.value));
  if (!outcome.ok) return data({ intent: "add", result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  return data({ intent: "add", result: submission.reply({ resetForm: true }), added: outcome.value.number });
}

/** The day page's form: a caller put on a fully booked day's waiting list; the reference is shown to read out. */
export const StaffDayWaitInput = JoinDayWaitInput.extend({ locationId: z.string().trim().min(1) });

export async function dayWaitAction(ctx: StaffCtx, request: Request) {
  const { submission } = await parseForm(request, StaffDayWaitInput);
  if (submission.status !== "success") return data({ result: submission.reply(), added: null }, { status: 400 });
  const { locationId, ...input } = submission.value;
  const outcome = await attempt(() => addCallerToDayWait(ctx, locationId, input));
  if (!outcome.ok) return data({ result: refusalReply(submission, outcome.refusal), added: null }, { status: outcome.refusal.status });
  const added = { name: input.firstName, reference: outcome.value.reference, already: outcome.value.already };
  return data({ result: submission.reply({ resetForm: true }), added });
}
