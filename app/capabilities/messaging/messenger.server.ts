// The one messenger: renders a template in the person's language and writes an outbox row in the caller's transaction,
// to leave outside quiet hours (20:00–09:00 in the recipient's place) unless it answers an SMS the citizen just sent.
// Automatic answers to a citizen's own SMS or call are bounded per number (reply-budget.server.ts); over the budget
// nothing is written and `send` answers null. The first SMS a number gets carries the link to the privacy page
// (decision 033); none after it.
import { randomUUID } from "node:crypto";
import type { Tx } from "~/db.server";
import type { Clock } from "~/lib/clock";
import { formatPhone } from "~/lib/phone.server";
import { nextSendableTime } from "~/lib/quiet-hours";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { getT } from "~/i18n/i18n.server";
import { languages } from "~/i18n/locales.server";
import { answerAllowed } from "./reply-budget.server";
import { speakableName } from "./voice-language";
import type { Answers } from "./values";

export interface Recipient {
  id?: string | null; // a Person's id, when the message is to a known person
  phone: string; // E.164
  phoneType: string; // mobile | landline
  language: string;
  contactPreference?: string; // sms | voice
}

export interface SendInput {
  to: Recipient;
  /** Key in locales/<lng>/messages.json, e.g. "welcome". */
  template: string;
  params?: Record<string, string | number>;
  /** Not before this (a reminder at its hour); quiet hours still apply on top. Default: now. */
  sendAfter?: Date;
  /** The time zone of the recipient's place (the ticket's, loan's, appointment's …) for quiet hours; default: the programme's. */
  timeZone?: string;
  /**
   * "reply": the answer to an SMS the citizen has just sent us (a keyword's answer, the reference of what their text
   * started) leaves at once, also at night — they are holding the phone and waiting for it, so it is not unsolicited
   * (decision 018). Everything else, a confirmation of a web form or a phone call included, waits for quiet hours to end.
   */
  urgency?: Urgency;
  /**
   * This message answers the citizen's own SMS or call (not something staff or a web form did), so it spends the
   * number's reply budget. `urgency: "reply"` always answers an SMS and needs no more.
   */
  answers?: Answers;
  /** Give one when the same event could be recorded twice (e.g. an offline replay). */
  idempotencyKey?: string;
}

export type Urgency = "normal" | "reply";

/** A message that answers nothing the citizen sent: never refused by the reply budget. */
export type NotAnAnswer = SendInput & { urgency?: "normal"; answers?: undefined };

export interface Messenger {
  send(tx: Tx, input: NotAnAnswer): Promise<{ id: string }>;
  /** null: an answer over its number's reply budget, not written (what it answers is still stored and acted on). */
  send(tx: Tx, input: SendInput): Promise<{ id: string } | null>;
}

/** Landlines cannot receive SMS; people who prefer voice get a call too. */
export function channelFor(to: Recipient): "sms" | "voice" {
  return to.phoneType === "landline" || to.contactPreference === "voice" ? "voice" : "sms";
}

/** When a message may leave: not before `sendAfter` (or now), and outside quiet hours unless it is a reply. */
export function sendTime(input: Pick<SendInput, "sendAfter" | "timeZone" | "urgency">, now: Date): Date {
  if (input.urgency === "reply") return input.sendAfter ?? now;
  // A time already past (a job catching up) is now: what counts is whether now is quiet.
  const earliest = input.sendAfter && input.sendAfter > now ? input.sendAfter : now;
  return nextSendableTime(earliest, input.timeZone ?? PROGRAMME_TIME_ZONE);
}

/**
 * Phone numbers in a right-to-left SMS, isolated left-to-right (U+2066 … U+2069): otherwise the bidi algorithm shows
 * "0421 1234560" as "1234560 0421" in an Arabic sentence. The texts' own digits and links need no help.
 */
function isolatePhones(params: Record<string, string | number>): Record<string, string | number> {
  const isolated = { ...params };
  for (const key of ["phone", "programmePhone"]) if (isolated[key]) isolated[key] = `\u2066${isolated[key]}\u2069`;
  return isolated;
}

/** Where a name the voice cannot say stood: taken out with the space before it ("Guten Tag –." → "Guten Tag."). */
const NAME_LEFT_OUT = "\u2063";

/**
 * A template's text for its channel in the person's language. A call greets without the first name when the voice
 * cannot say it (an Arabic name for the German voice, an emoji, the voice menu's "–"): every voice text names the
 * person only right after its greeting word, so leaving the name out leaves "Guten Tag." (tests/unit/messages.test.ts).
 */
function render(template: string, channel: "sms" | "voice", language: string, params: Record<string, string | number>): string {
  const t = getT(language, "messages");
  if (channel === "sms" && languages().find((l) => l.code === language)?.dir === "rtl") params = isolatePhones(params);
  const { firstName } = params;
  if (channel !== "voice" || firstName === undefined || speakableName(String(firstName), language)) return t(`${template}.${channel}`, params);
  return t(`${template}.${channel}`, { ...params, firstName: NAME_LEFT_OUT }).replace(/\s*\u2063/gu, "");
}

/**
 * What any message may name about the programme itself, from the settings: `{{web}}`, its public address (a link in
 * an SMS must be absolute: "{{web}}/appointment"), and `{{programmePhone}}`. Callers' own params win.
 */
export interface ProgrammeContacts {
  publicUrl: string;
  programmePhone: string;
}

/** Statuses of an SMS that never reached the phone: the next one still has to carry the privacy link. */
const NEVER_ARRIVED = ["opted_out", "cancelled", "failed", "undelivered"];

/**
 * Whether this would be the first SMS the number ever receives: no earlier outbound SMS to it that left or is still
 * to leave. Once the retention schedule has removed every row of a number, its next SMS carries the link again —
 * right for someone whose data is gone and who starts anew.
 */
async function firstSmsTo(tx: Tx, phone: string): Promise<boolean> {
  const earlier = await tx.message.findFirst({
    where: { toPhone: phone, channel: "sms", direction: "outbound", status: { notIn: NEVER_ARRIVED } },
    select: { id: true },
  });
  return !earlier;
}

export function createMessenger(clock: Clock, programme: ProgrammeContacts): Messenger {
  const programmeParams = { web: programme.publicUrl, programmePhone: formatPhone(programme.programmePhone) };
  async function send(tx: Tx, input: SendInput): Promise<{ id: string } | null> {
    const answers = input.answers ?? (input.urgency === "reply" ? "sms" : null);
    if (answers && !(await answerAllowed(clock, tx, { phone: input.to.phone, template: input.template }))) return null;
    const channel = channelFor(input.to);
    const text = render(input.template, channel, input.to.language, { ...programmeParams, ...input.params });
    const body = channel === "sms" && (await firstSmsTo(tx, input.to.phone)) ? `${text}\n${getT(input.to.language, "privacy")("sms", programmeParams)}` : text;
    return tx.message.create({
      data: {
        channel,
        personId: input.to.id ?? null,
        toPhone: input.to.phone,
        template: input.template,
        language: input.to.language,
        body,
        idempotencyKey: input.idempotencyKey ?? randomUUID(),
        sendAfter: sendTime(input, clock.now()),
        createdAt: clock.now(),
        answers,
      },
      select: { id: true },
    });
  }
  // Messenger's overloads say what `send` does: only an answer (urgency "reply" or `answers`) can come back null.
  return { send: send as Messenger["send"] };
}
