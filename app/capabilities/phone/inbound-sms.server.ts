// An SMS from a citizen: ONE function for Twilio's webhook and the phone simulator. The first word decides:
// HILFE/HELP → a callback request; STATUS <code> → the status of the sender's own request of any kind; STOP (and Twilio's
// other opt-out words) → opt-out, START → opt-in again; JA/YES with an open device offer → noted on the reservation
// for staff to confirm; LÖSCHEN/DELETE → an erasure request for staff (privacy/erasure-requests.server.ts), answered
// alike whether the number is known or not; anything else joins the sender's open ticket or opens one.
// The inbound message is stored and acted on in one transaction, keyed on the provider's MessageSid: a replayed
// webhook finds the message and does nothing again. Replies go through the outbox at once (they answer someone who
// has just written), in the person's language — German for a number we do not know — and within the number's reply
// budget, which the messenger applies (decision 025): over it the SMS is still stored and acted on, just not answered.
import { CalendarDateTime, parseDate, toZoned } from "@internationalized/date";
import { z } from "zod";
import type { Ctx, Tx } from "~/context";
import { parsePhone, formatPhone, type ParsedPhone } from "~/lib/phone.server";
import { readReferenceCode, spelledOut } from "~/lib/reference-code";
import { isUniqueViolation } from "~/lib/db-errors";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { getT } from "~/i18n/i18n.server";
import { audit } from "~/capabilities/privacy/audit.server";
import { fileErasureRequest } from "~/capabilities/privacy/erasure-requests.server";
import { contactConsentBySms } from "~/capabilities/privacy/consent.server";
import { fileCitizenMessage, inboundKey, personForNumber, storeInboundMessage } from "~/capabilities/helpdesk/inbound.server";
import { givenWith } from "~/capabilities/people/persons.server";
import { CONCERN_MAX, createCallback, openCallbackOf } from "~/capabilities/scheduling/callbacks.server";
import { type Window, workingDays } from "~/capabilities/scheduling/callback-windows.server";
import { formatSlot } from "~/capabilities/scheduling/appointments.server";
import { requestStatusIn, type RequestStatus } from "~/capabilities/helpdesk/status-check.server";
import type { Recipient } from "~/capabilities/messaging/messenger.server";
import type { OptOutVia } from "~/capabilities/messaging/values";
import type { ReservationEventKind, ReservationStatus } from "~/capabilities/lending/values";

export const SMS_BODY_MAX = 1600;

export const ReceiveSmsInput = z.object({
  from: z.string().trim().min(3).max(40),
  body: z.string().max(10_000).transform((v) => v.trim().slice(0, SMS_BODY_MAX)),
  /** Twilio's MessageSid (SM… or MM…); the simulator makes up one of the same shape. */
  messageSid: z.string().trim().regex(/^[A-Za-z0-9]{2,64}$/),
});
export type ReceiveSmsValues = z.input<typeof ReceiveSmsInput>;

// First word, case-insensitive. Twilio's own opt-out and opt-in words are honoured as Twilio does.
const KEYWORDS = {
  help: ["HILFE", "HELP", "مساعدة"],
  status: ["STATUS", "STAND", "حالة"],
  stop: ["STOP", "STOPP", "ABMELDEN", "STOPALL", "UNSUBSCRIBE", "CANCEL", "END", "QUIT", "توقف"],
  start: ["START", "ANMELDEN", "UNSTOP", "ابدأ"],
  /** Only with an open device offer; otherwise an ordinary text. */
  yes: ["JA", "YES", "نعم"],
  /** Art. 17: a task for staff, never an automatic deletion. */
  erase: ["LÖSCHEN", "LOESCHEN", "DELETE", "احذف"],
} as const;
export type SmsKeyword = keyof typeof KEYWORDS;

/** The keyword an SMS starts with (and the rest of it), or null for a free text. */
export function parseKeyword(body: string): { keyword: SmsKeyword; rest: string } | null {
  const [first = "", ...others] = body.trim().split(/\s+/);
  // "Hilfe!" and "STOP." are the keyword too; Arabic has no case, toUpperCase leaves it alone.
  const word = first.replace(/[.,!?;:،؟]+$/u, "").toUpperCase();
  for (const keyword of Object.keys(KEYWORDS) as SmsKeyword[]) {
    if ((KEYWORDS[keyword] as readonly string[]).includes(word)) return { keyword, rest: others.join(" ") };
  }
  return null;
}

export type SmsOutcome =
  | { outcome: "ignored" }
  | { outcome: "duplicate" }
  | { outcome: "callback"; messageId: string; personId: string; callbackId: string; reference: string }
  | { outcome: "status"; messageId: string; personId: string | null; found: boolean }
  | { outcome: "optedOut" | "optedIn"; messageId: string; personId: string | null }
  | { outcome: "erasureRequested"; messageId: string; personId: string | null; ticketId: string | null }
  | { outcome: "offerAnswered"; messageId: string; personId: string; reservationId: string }
  | { outcome: "created" | "added" | "reopened"; messageId: string; personId: string; ticketId: string };

const atLocal = (day: string, hour: number, timeZone: string) => {
  const d = parseDate(day);
  return toZoned(new CalendarDateTime(d.year, d.month, d.day, hour, 0), timeZone).toDate();
};

/** HILFE: the coming 2 working days, 09:00–17:00 local time (today counts while its window is still open). */
export function helpWindows(now: Date, timeZone = PROGRAMME_TIME_ZONE): Window[] {
  const days = workingDays(now, timeZone, 3).filter((day) => atLocal(day, 17, timeZone) > now);
  return days.slice(0, 2).map((day) => ({ from: atLocal(day, 9, timeZone), to: atLocal(day, 17, timeZone) }));
}

export async function receiveSms(ctx: Ctx, input: ReceiveSmsValues, options: { programmePhone?: string } = {}): Promise<SmsOutcome> {
  // Not an SMS we can answer (no usable sender, no message id): nothing is stored.
  const parsedInput = ReceiveSmsInput.safeParse(input);
  if (!parsedInput.success) return { outcome: "ignored" };
  const values = parsedInput.data;
  const phone = parsePhone(values.from);
  if (!phone) return { outcome: "ignored" };
  // Two deliveries of the same webhook at once, or two callbacks racing for a slot: the loser runs again and
  // then finds the stored message (or a free slot).
  for (let attempt = 0; ; attempt++) {
    try {
      return await ctx.db.$transaction((tx) => handle(ctx, tx, phone, values, options));
    } catch (error) {
      if (isUniqueViolation(error) && attempt < 10) continue;
      throw error;
    }
  }
}

async function handle(
  ctx: Ctx,
  tx: Tx,
  phone: ParsedPhone,
  values: z.output<typeof ReceiveSmsInput>,
  options: { programmePhone?: string },
): Promise<SmsOutcome> {
  if (await tx.message.findUnique({ where: { idempotencyKey: inboundKey(values.messageSid) }, select: { id: true } })) {
    return { outcome: "duplicate" };
  }
  const now = ctx.clock.now();
  const parsed = parseKeyword(values.body);
  const known = await tx.person.findUnique({ where: { phone: phone.e164 } });
  // A person is created only where one is needed (a callback, a ticket); STATUS, STOP and LÖSCHEN work without.
  const withoutPerson: (SmsKeyword | undefined)[] = ["status", "stop", "start", "erase"];
  const person = withoutPerson.includes(parsed?.keyword) ? known : (known ?? (await personForNumber(ctx, tx, phone)));
  const stored = await storeInboundMessage(ctx, tx, {
    phone: phone.e164,
    personId: person?.id ?? null,
    language: person?.language ?? "de",
    channel: "sms",
    body: values.body,
    providerId: values.messageSid,
  });
  if (ctx.actor.kind === "staff") {
    // The phone simulator: staff wrote as the citizen. Ids only.
    await audit(ctx, tx, { action: "phone.simulatedSms", subjectType: "Message", subjectId: stored.id, details: { keyword: parsed?.keyword ?? null } });
  }
  const to: Recipient = person ?? { id: null, phone: phone.e164, phoneType: phone.type, language: "de" };
  // `language`: an answer about one request speaks that request's language (the one given with it, decision 027).
  const reply = (template: string, params: Record<string, string> = {}, key = "reply", language = to.language) =>
    ctx.messenger.send(tx, { to: { ...to, language }, template, params, urgency: "reply", idempotencyKey: `sms-${key}:${values.messageSid}` });
  const base = { messageId: stored.id };

  switch (parsed?.keyword) {
    case "help": {
      // After STOP: the callback is planned (or kept) all the same, and the answer says so — and that messages stay
      // off until START. Our usual confirmation would be held back by the opt-out, leaving them with no answer at all.
      if (await tx.optOut.findUnique({ where: { phone: phone.e164 }, select: { phone: true } })) {
        return helpWhileOptedOut(ctx, tx, person!, values, parsed.rest, reply, base);
      }
      // Texting HILFE again while a callback is still open: the same callback, its status as the answer.
      const open = await openCallbackOf(ctx, tx, person!.id);
      if (open) {
        const answer = (await statusOf(ctx, tx, open.reference, phone.e164))!;
        await reply(answer.template, { ...answer.params, spelled: spelledOut(open.reference) }, undefined, answer.language);
        return { outcome: "callback", ...base, personId: person!.id, callbackId: open.id, reference: open.reference };
      }
      const callback = await createCallback(ctx, tx, {
        personId: person!.id,
        locationId: null,
        windows: helpWindows(now),
        channel: "sms",
        concern: parsed.rest ? parsed.rest.slice(0, CONCERN_MAX) : undefined,
        // "مساعدة" from a number we know as a German speaker: the call's messages are in Arabic (decision 027).
        given: givenWith(person!, { language: /\p{Script=Arabic}/u.test(values.body.trim().split(/\s/)[0] ?? "") ? "ar" : null }),
        idempotencyKey: `sms:${values.messageSid}`,
        urgency: "reply",
      });
      return { outcome: "callback", ...base, personId: person!.id, callbackId: callback.id, reference: callback.reference };
    }
    case "status": {
      const reading = readReferenceCode(parsed.rest);
      const programmePhone = options.programmePhone ? formatPhone(options.programmePhone) : "";
      // A text that cannot be a code is told how a code looks, not that nothing was found.
      if (!("code" in reading)) {
        await reply("smsStatusCodeInvalid", { phone: programmePhone });
        return { outcome: "status", ...base, personId: person?.id ?? null, found: false };
      }
      const answer = await statusOf(ctx, tx, reading.code, phone.e164, programmePhone);
      if (answer) await reply(answer.template, { ...answer.params, spelled: spelledOut(answer.params.reference) }, undefined, answer.language);
      else await reply("smsStatusNotFound", { phone: programmePhone });
      return { outcome: "status", ...base, personId: person?.id ?? null, found: Boolean(answer) };
    }
    case "stop": {
      await tx.optOut.upsert({ where: { phone: phone.e164 }, create: { phone: phone.e164, at: now, via: "sms" satisfies OptOutVia }, update: { at: now, via: "sms" satisfies OptOutVia } });
      // STOP is also the withdrawal of the person's consent to be contacted (decision 033), shown on their page.
      await contactConsentBySms(ctx, tx, phone.e164, false);
      await reply("optOutConfirmed");
      return { outcome: "optedOut", ...base, personId: person?.id ?? null };
    }
    case "start": {
      await tx.optOut.deleteMany({ where: { phone: phone.e164 } });
      await contactConsentBySms(ctx, tx, phone.e164, true);
      await reply("optInConfirmed");
      return { outcome: "optedIn", ...base, personId: person?.id ?? null };
    }
    case "erase": {
      const filed = await fileErasureRequest(ctx, tx, { phone: phone.e164, channel: "sms" });
      await reply("erasureRequestReceived", { phone: options.programmePhone ? formatPhone(options.programmePhone) : "" });
      return { outcome: "erasureRequested", ...base, personId: person?.id ?? null, ticketId: filed?.ticketId ?? null };
    }
    case "yes": {
      // "JA" to a device offer: staff are told on the reservation's history and confirm with the person; nothing
      // is accepted automatically (a stray "ja" must not take a device).
      const offer = await tx.reservation.findFirst({
        where: { personId: person!.id, status: "offered" satisfies ReservationStatus },
        orderBy: { offeredAt: "desc" },
        include: { location: { select: { name: true } } },
      });
      if (offer) {
        await tx.reservationEvent.create({
          data: { reservationId: offer.id, at: now, kind: "sms_yes" satisfies ReservationEventKind, data: JSON.stringify({ deviceId: offer.offeredDeviceId, messageId: stored.id }) },
        });
        await reply("offerAnswerNoted", { location: offer.location.name });
        return { outcome: "offerAnswered", ...base, personId: person!.id, reservationId: offer.id };
      }
      const filed = await fileCitizenMessage(ctx, tx, { personId: person!.id, messageId: stored.id, body: values.body, channel: "sms" });
      return { ...filed, ...base, personId: person!.id };
    }
    default: {
      const filed = await fileCitizenMessage(ctx, tx, { personId: person!.id, messageId: stored.id, body: values.body, channel: "sms" });
      return { ...filed, ...base, personId: person!.id };
    }
  }
}

/**
 * HILFE from a number that sent STOP: the open callback, or a new one (without its usual confirmation), and one answer
 * the opt-out lets through (messaging/values.ts ANSWERS_DESPITE_OPT_OUT): the call stands, when if we know, and how
 * to get messages again.
 */
async function helpWhileOptedOut(
  ctx: Ctx,
  tx: Tx,
  person: { id: string; language: string },
  values: z.output<typeof ReceiveSmsInput>,
  concern: string,
  reply: (template: string, params?: Record<string, string>) => Promise<unknown>,
  base: { messageId: string },
): Promise<SmsOutcome> {
  const open = await openCallbackOf(ctx, tx, person.id);
  const callback = open
    ? {
        id: open.id,
        reference: open.reference,
        when: open.scheduledAt ? formatSlot(open.scheduledAt, person.language, open.location?.timeZone ?? PROGRAMME_TIME_ZONE) : null,
      }
    : await createCallback(ctx, tx, {
        personId: person.id,
        locationId: null,
        windows: helpWindows(ctx.clock.now()),
        channel: "sms",
        concern: concern ? concern.slice(0, CONCERN_MAX) : undefined,
        idempotencyKey: `sms:${values.messageSid}`,
        confirm: false,
      });
  const { reference, when } = callback;
  await reply(when ? "helpOptedOutScheduled" : "helpOptedOutOpen", { reference, spelled: spelledOut(reference), ...(when ? { when } : {}) });
  return { outcome: "callback", ...base, personId: person.id, callbackId: callback.id, reference };
}

/**
 * What SMS STATUS answers for any kind of request with this reference — only when it belongs to this number
 * (helpdesk/status-check.server.ts decides). Otherwise null, exactly as for a code that does not exist.
 */
async function statusOf(ctx: Ctx, tx: Tx, reference: string, phone: string, programmePhone = "") {
  const found = await requestStatusIn(ctx, tx, { reference, phone });
  if (!found) return null;
  const { language } = found;
  return { ...statusAnswer(found, reference, language, programmePhone), language };
}

function statusAnswer(found: RequestStatus, reference: string, language: string, programmePhone: string): { template: string; params: Record<string, string> } {
  const when = (at: Date) => formatSlot(at, language, found.timeZone);
  switch (found.kind) {
    case "ticket": {
      // The same words as the status page on the web, and the call asked for with the report (same reference).
      const t = getT(language, "citizen");
      const call = found.callback;
      const callState = !call
        ? ""
        : call.status === "scheduled" && call.scheduledAt
          ? t("status.ticketCallbackAt", { when: when(call.scheduledAt) })
          : t(`status.callback.${call.status}`, { defaultValue: "" });
      return { template: "smsStatusTicket", params: { reference, status: [t(`status.explain.${found.status}`), callState].filter(Boolean).join(" ") } };
    }
    case "callback":
      if (found.status === "scheduled" && found.scheduledAt) return { template: "smsStatusCallbackScheduled", params: { reference, when: when(found.scheduledAt) } };
      if (found.status === "unscheduled") return { template: "smsStatusCallbackOpen", params: { reference } };
      if (found.status === "done") return { template: "smsStatusCallbackDone", params: { reference } };
      return { template: "smsStatusCallbackEnded", params: { reference } };
    case "appointment": {
      const params = { reference, when: when(found.startsAt), place: found.place, address: found.address, phone: programmePhone };
      if (found.status === "booked") return { template: "smsStatusAppointmentBooked", params };
      if (found.status === "cancelled") return { template: "smsStatusAppointmentCancelled", params };
      return { template: "smsStatusAppointmentPast", params };
    }
    case "reservation": {
      const params = { reference, location: found.place, phone: programmePhone };
      if (found.status === "waiting" && found.position) return { template: "smsStatusReservationWaiting", params: { ...params, position: String(found.position) } };
      if (found.status === "offered" && found.offerExpiresAt) return { template: "smsStatusReservationOffered", params: { ...params, until: when(found.offerExpiresAt) } };
      if (found.status === "accepted" || found.status === "fulfilled") return { template: "smsStatusReservationDone", params };
      return { template: "smsStatusReservationEnded", params };
    }
  }
}
