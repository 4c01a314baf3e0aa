// Glue between the waiting-list pages and the capability: plain shapes for the pages, the phone intake's caller
// lookup, and the reservation page's forms (each with its `intent`), refusals shown in the form that caused them.
import { data } from "@remix-run/node";
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { AppError } from "~/lib/errors";
import { phoneLink, type ParsedPhone } from "~/lib/phone.server";
import { languages } from "~/i18n/locales.server";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";
import { findPersonByPhone } from "~/capabilities/people/persons.server";
import { jsonObject, OPEN_RESERVATION_STATUSES, WISHES_MAX } from "~/capabilities/lending/values";
import {
  AnswerInput,
  CancelInput,
  cancelReservation,
  MoveInput,
  moveOnWaitingList,
} from "~/capabilities/lending/waiting-list.server";
import { answerOffer } from "~/capabilities/lending/waiting-list-offers.server";
import {
  getReservation,
  listWaitingList,
  staffLendingLocations,
} from "~/capabilities/lending/waiting-list-queries.server";
import { errorResponse } from "./errors.server";
import { parseForm, formIntent } from "./forms.server";
import { attempt, personName, refusalReply } from "./tickets.server";

const iso = (date: Date | null | undefined) => (date ? date.toISOString() : null);
const short = (text: string | null, max = 60) => (text && text.length > max ? `${text.slice(0, max - 1)}…` : text);

/** The list page: the actor's lending places, the chosen one, and its open places in order. */
export async function waitingListPage(ctx: StaffCtx, input: { locationId: string | null; page: number }) {
  const locations = await staffLendingLocations(ctx);
  const location = locations.find((l) => l.id === input.locationId) ?? locations[0] ?? null;
  if (!location) return { locations, location: null, total: 0, pageCount: 1, entries: [] };
  const list = await listWaitingList(ctx, { locationId: location.id, page: input.page });
  return {
    locations,
    location,
    total: list.total,
    pageCount: list.pageCount,
    entries: list.entries.map((e) => ({
      id: e.id,
      place: e.place,
      name: personName(e),
      createdAt: e.createdAt.toISOString(),
      channel: e.channel,
      wishes: short(e.wishes),
      status: e.status,
      offerExpiresAt: iso(e.offerExpiresAt),
    })),
  };
}

// ---------------------------------------------------------------------------------------------------------
// Phone intake

/** Who is calling: the person with this number and where they already wait, or nobody yet. */
export async function lookUpBorrower(ctx: StaffCtx, phone: ParsedPhone) {
  const found = await findPersonByPhone(ctx, phone.e164);
  let open: { id: string; location: string; status: string }[] = [];
  if (found) {
    await audit(ctx, ctx.db, { action: "person.lookedUp", subjectType: "Person", subjectId: found.id });
    const rows = await ctx.db.reservation.findMany({
      where: { personId: found.id, status: { in: [...OPEN_RESERVATION_STATUSES] } },
      include: { location: { select: { name: true } } },
    });
    open = rows
      .filter((r) => can(ctx.actor, "waitlist:view", r.locationId))
      .map((r) => ({ id: r.id, location: r.location.name, status: r.status }));
  }
  return {
    phone: { ...phoneLink(phone.e164), type: phone.type },
    person: found
      ? { id: found.id, name: personName(found), language: found.language, contactPreference: found.contactPreference, open }
      : null,
  };
}

export async function intakeOptions(ctx: StaffCtx) {
  const locations = await staffLendingLocations(ctx);
  return { locations, languages: languages(), wishesMax: WISHES_MAX };
}

// ---------------------------------------------------------------------------------------------------------
// One reservation

export async function reservationPage(ctx: StaffCtx, reservationId: string) {
  const { reservation, place, others } = await getReservation(ctx, reservationId);
  const events = reservation.events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    kind: e.kind,
    actor: e.actor?.name ?? null,
    reason: e.reason,
    data: jsonObject<Record<string, string | number | null>>(e.data),
  }));
  const deviceIds = [...new Set(events.map((e) => e.data.deviceId).filter((id): id is string => typeof id === "string"))];
  const devices = await ctx.db.device.findMany({ where: { id: { in: deviceIds } }, select: { id: true, assetTag: true } });
  const status = reservation.status;
  const manage = can(ctx.actor, "waitlist:manage", reservation.locationId);
  return {
    reservation: {
      id: reservation.id,
      reference: reservation.reference,
      status,
      channel: reservation.channel,
      wishes: reservation.wishes,
      createdAt: reservation.createdAt.toISOString(),
      offeredAt: iso(reservation.offeredAt),
      offerExpiresAt: iso(reservation.offerExpiresAt),
      person: { name: personName(reservation.person), language: reservation.person.language },
      location: reservation.location,
      device: reservation.offeredDevice,
      place,
    },
    events,
    deviceTags: Object.fromEntries(devices.map((d) => [d.id, d.assetTag])),
    others: others.map((o) => ({ id: o.id, place: o.place, name: personName(o) })),
    can: {
      move: can(ctx.actor, "waitlist:reorder", reservation.locationId) && OPEN_RESERVATION_STATUSES.includes(status as never),
      answer: manage && (status === "offered" || status === "accepted"),
      cancel: manage && OPEN_RESERVATION_STATUSES.includes(status as never),
      checkOut: manage && (status === "offered" || status === "accepted"),
    },
  };
}

interface ReservationAction<S extends z.ZodType> {
  schema: S;
  run: (ctx: StaffCtx, id: string, input: z.output<S>) => Promise<unknown>;
}
const act = <S extends z.ZodType>(schema: S, run: ReservationAction<S>["run"]): ReservationAction<S> => ({ schema, run });

const RESERVATION_ACTIONS = {
  move: act(MoveInput, moveOnWaitingList),
  answer: act(AnswerInput, answerOffer),
  cancel: act(CancelInput, cancelReservation),
};
export type ReservationIntent = keyof typeof RESERVATION_ACTIONS;

const FIELD_OF: Record<string, string> = { "waitlist:errors.placeUnknown": "placeAfterId" };

/** One form of the reservation page, chosen by its hidden `intent`; errors come back to that form only. */
export async function performReservationAction(ctx: StaffCtx, reservationId: string, request: Request) {
  const intent = await formIntent(request);
  if (typeof intent !== "string" || !Object.hasOwn(RESERVATION_ACTIONS, intent)) {
    throw errorResponse(new AppError(400, "errors.page.400.body", { intent: String(intent) }));
  }
  const name = intent as ReservationIntent;
  const { schema, run } = RESERVATION_ACTIONS[name] as unknown as ReservationAction<z.ZodType>;
  const { submission } = await parseForm(request, schema);
  if (submission.status !== "success") {
    return data({ intent: name, saved: false, result: submission.reply() }, { status: 400 });
  }
  const outcome = await attempt(() => run(ctx, reservationId, submission.value));
  if (!outcome.ok) {
    const field = FIELD_OF[outcome.refusal.messageKey];
    const result = field
      ? submission.reply({ fieldErrors: { [field]: [outcome.refusal.messageKey] } })
      : refusalReply(submission, outcome.refusal);
    return data({ intent: name, saved: false, result }, { status: outcome.refusal.status });
  }
  return data({ intent: name, saved: true, result: submission.reply({ resetForm: true }) }, { status: 200 });
}
