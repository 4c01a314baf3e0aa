// The citizen's status check, ONE home for the web page, SMS STATUS and the voice menu: a reference of any kind a
// citizen is given (ticket, callback, appointment, tablet waiting-list place) + the phone it belongs to → what the
// person needs to know next. Never tells whether a code or a number exists: a wrong pair is simply "not found".
import { z } from "zod";
import type { Ctx } from "~/context";
import type { Db, Tx } from "~/db.server";
import { referenceCodeField, spelledOut } from "~/lib/reference-code";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { placeOf } from "~/capabilities/lending/waiting-list.server";
import type { TicketEventKind } from "./values";

export const StatusCheckInput = z.object({
  reference: referenceCodeField(),
  phoneLast4: z
    .string({ error: "helpdesk:errors.last4Required" })
    .trim()
    .regex(/^\d{4}$/, { error: "helpdesk:errors.last4Invalid" }),
});

export type RequestKind = "ticket" | "callback" | "appointment" | "reservation";

interface Common {
  reference: string;
  status: string;
  /** The request's language: the one given with it, else the person's (SMS answers in it). */
  language: string;
  timeZone: string;
  /** Our latest message about this request; `body` is "" once its text was purged (the date still says one went out). */
  lastMessage: { body: string; at: Date } | null;
}

/** A callback's state: when we call (null: not planned yet), in which windows the person can be reached. */
export interface CallbackPlan {
  status: string;
  scheduledAt: Date | null;
  windows: { from: Date; to: Date }[];
}

export type RequestStatus =
  /** `callback`: the call asked for with the problem report, under the ticket's reference (decision 027). */
  | (Common & { kind: "ticket"; callback: CallbackPlan | null })
  | (Common & { kind: "callback" } & CallbackPlan)
  | (Common & { kind: "appointment"; startsAt: Date; place: string; address: string })
  | (Common & { kind: "reservation"; place: string; position: number | null; offerExpiresAt: Date | null });

/** Whose request it must be: the sender's full number (SMS, voice) or the last 4 digits typed on the web. */
export type Owner = { phone: string } | { phoneLast4: string };

const owns = (owner: Owner, phone: string) => ("phone" in owner ? phone === owner.phone : phone.endsWith(owner.phoneLast4));

const person = { select: { id: true, phone: true, language: true } } as const;
const location = { select: { name: true, street: true, postalCode: true, city: true, timeZone: true } } as const;

/**
 * The request with this reference, of whichever kind, if it belongs to `owner`; null otherwise — the same answer
 * for someone else's code and a code that does not exist. New codes are unique across the kinds (a ticket's callback
 * shares its ticket's, and the ticket answers for both); older ones may repeat between tables, so each kind is asked
 * in turn and the first that is the owner's wins.
 */
export async function requestStatusIn(ctx: Ctx, tx: Db | Tx, input: { reference: string } & Owner): Promise<RequestStatus | null> {
  const { reference } = input;
  const [ticket, callback, appointment, reservation] = await Promise.all([
    tx.ticket.findUnique({ where: { reference }, select: { id: true, status: true, givenLanguage: true, person } }),
    tx.callback.findUnique({
      where: { reference },
      select: { id: true, status: true, scheduledAt: true, windows: true, ticketId: true, givenLanguage: true, person, location: { select: { timeZone: true } } },
    }),
    tx.appointment.findUnique({ where: { reference }, select: { id: true, status: true, startsAt: true, givenLanguage: true, person, location } }),
    tx.reservation.findUnique({
      where: { reference },
      select: { id: true, status: true, offerExpiresAt: true, locationId: true, givenLanguage: true, person, location },
    }),
  ]);
  const common = async (
    row: { id: string; status: string; givenLanguage: string | null; person: { id: string; language: string } },
    timeZone: string,
    also?: { id: string; reference: string } | null,
  ) => ({
    reference,
    status: row.status,
    language: row.givenLanguage ?? row.person.language,
    timeZone,
    lastMessage: await lastMessage(ctx, tx, row.person.id, [{ id: row.id, reference }, ...(also ? [also] : [])]),
  });

  if (ticket && owns(input, ticket.person.phone)) {
    // The call asked for with the report: one reference for both, so the look-up tells both.
    const call = await tx.callback.findFirst({
      where: { ticketId: ticket.id },
      orderBy: { createdAt: "desc" },
      select: { id: true, status: true, scheduledAt: true, windows: true, location: { select: { timeZone: true } } },
    });
    const [base, event] = await Promise.all([
      common(ticket, call?.location?.timeZone ?? PROGRAMME_TIME_ZONE, call ? { id: call.id, reference } : null),
      // A staff reply is shown as they wrote it, without the SMS's greeting and reference.
      tx.ticketEvent.findFirst({
        where: { ticketId: ticket.id, kind: "message_out" satisfies TicketEventKind, public: true },
        orderBy: { at: "desc" },
        select: { body: true, at: true },
      }),
    ]);
    // The reply's SMS is written in the same instant as its event (and may leave later): the event wins a tie.
    const reply = event?.body ? { body: event.body, at: event.at } : null;
    const latest = reply && (!base.lastMessage || reply.at >= base.lastMessage.writtenAt) ? reply : base.lastMessage;
    return {
      kind: "ticket",
      ...base,
      lastMessage: latest && { body: latest.body, at: latest.at },
      callback: call ? { status: call.status, scheduledAt: call.scheduledAt, windows: parseWindows(call.windows) } : null,
    };
  }
  if (callback && owns(input, callback.person.phone)) {
    // A callback asked for with a problem report is confirmed in the ticket's message, under the ticket's reference.
    const ticketOf = callback.ticketId ? await tx.ticket.findUnique({ where: { id: callback.ticketId }, select: { id: true, reference: true } }) : null;
    return {
      kind: "callback",
      ...(await common(callback, callback.location?.timeZone ?? PROGRAMME_TIME_ZONE, ticketOf)),
      scheduledAt: callback.scheduledAt,
      windows: parseWindows(callback.windows),
    };
  }
  if (appointment && owns(input, appointment.person.phone)) {
    const { location: at } = appointment;
    return {
      kind: "appointment",
      ...(await common(appointment, at.timeZone)),
      startsAt: appointment.startsAt,
      place: at.name,
      address: `${at.street}, ${at.postalCode} ${at.city}`,
    };
  }
  if (reservation && owns(input, reservation.person.phone)) {
    const place = reservation.status === "waiting" ? await placeOf(ctx, tx, reservation) : null;
    return {
      kind: "reservation",
      ...(await common(reservation, reservation.location.timeZone)),
      place: reservation.location.name,
      position: place,
      offerExpiresAt: reservation.status === "offered" ? reservation.offerExpiresAt : null,
    };
  }
  return null;
}

/** Outside any transaction (the web page, the voice menu). */
export function requestStatus(ctx: Ctx, input: { reference: string } & Owner): Promise<RequestStatus | null> {
  return requestStatusIn(ctx, ctx.db, input);
}

/** The web page: the parsed form (reference + last 4 digits). */
export function checkRequestStatus(ctx: Ctx, input: z.output<typeof StatusCheckInput>): Promise<RequestStatus | null> {
  return requestStatus(ctx, { reference: input.reference, phoneLast4: input.phoneLast4 });
}

/** Every reference of every kind that belongs to this number — what a keypad's digits are compared with. */
export async function ownReferences(ctx: Ctx, phone: string): Promise<string[]> {
  const where = { person: { phone } };
  const select = { reference: true } as const;
  const rows = await Promise.all([
    ctx.db.ticket.findMany({ where, select }),
    ctx.db.callback.findMany({ where, select }),
    ctx.db.appointment.findMany({ where, select }),
    ctx.db.reservation.findMany({ where, select }),
  ]);
  // A ticket's callback shares its reference: each code once.
  return [...new Set(rows.flat().map((r) => r.reference))];
}

// Messages carry no link to their request: every confirmation names the reference (SMS as typed, voice spelled)
// and most are keyed on the request's id. Failed ones never reached the person.
async function lastMessage(_ctx: Ctx, tx: Db | Tx, personId: string, requests: { id: string; reference: string }[]) {
  const message = await tx.message.findFirst({
    where: {
      personId,
      direction: "outbound",
      status: { notIn: ["failed", "undelivered", "no_answer"] },
      OR: requests.flatMap(({ id, reference }) => [
        { body: { contains: reference } },
        { body: { contains: spelledOut(reference) } },
        { idempotencyKey: { contains: id } },
      ]),
    },
    orderBy: { createdAt: "desc" },
    select: { body: true, createdAt: true, sentAt: true },
  });
  return message ? { body: message.body, at: message.sentAt ?? message.createdAt, writtenAt: message.createdAt } : null;
}

function parseWindows(json: string): { from: Date; to: Date }[] {
  try {
    const list = JSON.parse(json) as { from: string; to: string }[];
    return Array.isArray(list) ? list.map((w) => ({ from: new Date(w.from), to: new Date(w.to) })).filter((w) => !Number.isNaN(w.from.getTime())) : [];
  } catch {
    return [];
  }
}
