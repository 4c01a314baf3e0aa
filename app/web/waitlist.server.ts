// Glue between the waiting-list pages and the capability: plain shapes for the pages, the intake's options, and the
// reservation page's forms (each with its `intent`), refusals shown in the form that caused them.
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { givenView, personName } from "~/lib/person-name";
import { languages } from "~/i18n/locales.server";
import { jsonObject, OPEN_RESERVATION_STATUSES, WISHES_MAX } from "~/capabilities/lending/values";
import { deviceTags } from "~/capabilities/lending/devices.server";
import {
  AnswerInput,
  CancelInput,
  cancelReservation,
  MoveInput,
  moveOnWaitingList,
  requireReorder,
} from "~/capabilities/lending/waiting-list.server";
import { answerOffer } from "~/capabilities/lending/waiting-list-offers.server";
import { getReservation, listWaitingList, staffLendingLocations } from "~/capabilities/lending/waiting-list-queries.server";
import { intentForm, performIntent } from "./forms.server";

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
// Phone intake (the caller look-up is lookUpBorrower in caller-lookup.server.ts)

export async function intakeOptions(ctx: StaffCtx) {
  const locations = await staffLendingLocations(ctx);
  return { locations, languages: languages(), wishesMax: WISHES_MAX };
}

// ---------------------------------------------------------------------------------------------------------
// One reservation

export async function reservationPage(ctx: StaffCtx, reservationId: string) {
  const { reservation, allowed, place, others } = await getReservation(ctx, reservationId);
  const events = reservation.events.map((e) => ({
    id: e.id,
    at: e.at.toISOString(),
    kind: e.kind,
    actor: e.actor?.name ?? null,
    reason: e.reason,
    data: jsonObject<Record<string, string | number | null>>(e.data),
  }));
  const deviceIds = [...new Set(events.map((e) => e.data.deviceId).filter((id): id is string => typeof id === "string"))];
  const tags = await deviceTags(ctx, deviceIds);
  const status = reservation.status;
  const manage = allowed.manage;
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
      person: { id: reservation.person.id, name: personName(reservation.person), language: reservation.person.language, given: givenView(reservation) },
      location: reservation.location,
      device: reservation.offeredDevice,
      place,
    },
    events,
    deviceTags: tags,
    others: others.map((o) => ({ id: o.id, place: o.place, name: personName(o) })),
    can: {
      move: allowed.reorder && OPEN_RESERVATION_STATUSES.includes(status as never),
      answer: manage && (status === "offered" || status === "accepted"),
      cancel: manage && OPEN_RESERVATION_STATUSES.includes(status as never),
      checkOut: manage && (status === "offered" || status === "accepted"),
    },
  };
}

/** One form of the reservation page, chosen by its hidden `intent`; errors come back to that form only. */
export async function performReservationAction(ctx: StaffCtx, reservationId: string, request: Request) {
  const on = <S extends z.ZodType>(schema: S, run: (ctx: StaffCtx, id: string, input: z.output<S>) => Promise<unknown>, guard?: () => void) =>
    intentForm(schema, (input) => run(ctx, reservationId, input), guard);
  return performIntent(request, {
    move: on(MoveInput, moveOnWaitingList, () => requireReorder(ctx)),
    answer: on(AnswerInput, answerOffer),
    cancel: on(CancelInput, cancelReservation),
  });
}
