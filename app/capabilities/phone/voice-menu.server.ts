// The inbound voice menu: one function turns a step of a call (our callback URL's query + what Twilio posted) into
// TwiML. The Twilio webhook and the staff's simulated call screen both use it. State travels only in our own
// callback URLs (step, lng, try — never a phone number) and in the params Twilio posts (From, CallSid, Digits, …).
// Menu digits are stable so printed flyers stay valid: 1 Deutsch, 2 English, 3 Türkçe, 4 العربية.
import { CalendarDateTime, parseDate, toZoned } from "@internationalized/date";
import twilio from "twilio";
import type { Ctx } from "~/context";
import { requestRetentionMonths } from "~/capabilities/privacy/notice-periods";
import { getT } from "~/i18n/i18n.server";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";
import { isSupportedLanguage } from "~/i18n/locales.server";
import { parsePhone, type ParsedPhone } from "~/lib/phone.server";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { freeSlots, loadSchedule, localDay } from "~/capabilities/scheduling/availability.server";
import { ownReferences, requestStatus, type RequestStatus } from "~/capabilities/helpdesk/status-check.server";
import { formatSlot } from "~/capabilities/scheduling/appointments.server";
import { requestCallback } from "~/capabilities/scheduling/callbacks.server";
import { workingDays } from "~/capabilities/scheduling/callback-windows.server";
import { sayLanguage } from "~/capabilities/messaging/voice-language";
import { keypadDigits, typedCode } from "./voice-keypad";
import { MAX_MESSAGE_SECONDS, recordedStep, storeRecordingAudio } from "./voice-message.server";
import { callerPhone, GATHER_TIMEOUT, gatherLanguage, Prompt, STEPS, voiceUrl, type Step, type VoiceStepInput } from "./voice-prompt.server";

/**
 * Language choice digits, fixed forever (they are printed on flyers), for every language the programme plans
 * (BRIEF.md). Only languages that exist in locales/ are offered, so adding one of these is only adding its files.
 */
export const LANGUAGE_DIGITS: Record<string, string> = { "1": "de", "2": "en", "3": "tr", "4": "ar", "5": "ru", "6": "uk", "7": "pl" };

export function offeredLanguages(): { digit: string; lng: string }[] {
  return Object.entries(LANGUAGE_DIGITS)
    .filter(([, lng]) => isSupportedLanguage(lng))
    .map(([digit, lng]) => ({ digit, lng }));
}

function languageFrom(query: URLSearchParams): string {
  const lng = query.get("lng") ?? "";
  return isSupportedLanguage(lng) ? lng : DEFAULT_LANGUAGE;
}

/** The answer to one step of a call, as TwiML. */
export async function voiceStep(ctx: Ctx, input: VoiceStepInput): Promise<string> {
  const step = (STEPS as readonly string[]).includes(input.query.get("step") ?? "") ? (input.query.get("step") as Step) : null;
  const lng = languageFrom(input.query);
  const attempt = input.query.get("try") === "2" ? 2 : 1;
  const digits = (input.params.Digits ?? "").trim();
  const speech = (input.params.SpeechResult ?? "").trim();

  switch (step) {
    case null:
      return languageMenu(1);
    case "language":
      return chooseLanguage(digits, speech, attempt);
    case "menu":
      return mainMenuChoice(ctx, input, lng, digits, speech, attempt);
    case "callback":
      return callbackStep(ctx, input, lng);
    case "number":
      return numberStep(ctx, input, lng, digits || speech.replace(/\D/g, ""), attempt);
    case "status":
      return statusStep(ctx, input, lng, digits, speech, attempt);
    case "recorded":
      return recordedStep(ctx, input, lng);
    case "recording":
      await storeRecordingAudio(ctx, input);
      return new twilio.twiml.VoiceResponse().toString();
  }
}

// ---------------------------------------------------------------------------------------------------------
// Language

function languageMenu(attempt: 1 | 2): string {
  const prompt = new Prompt(DEFAULT_LANGUAGE);
  const gather = prompt.response.gather({
    input: ["dtmf", "speech"],
    numDigits: 1,
    timeout: GATHER_TIMEOUT,
    action: voiceUrl("language", DEFAULT_LANGUAGE, attempt),
    method: "POST",
    actionOnEmptyResult: true,
    language: gatherLanguage(DEFAULT_LANGUAGE),
    hints: offeredLanguages()
      .map(({ lng }) => getT(lng, "voice")("language.names"))
      .join(", "),
  });
  gather.say({ language: sayLanguage(DEFAULT_LANGUAGE) }, getT(DEFAULT_LANGUAGE, "voice")("language.welcome"));
  // Each option in its own language.
  for (const { digit, lng } of offeredLanguages()) gather.say({ language: sayLanguage(lng) }, getT(lng, "voice")("language.option", { digit }));
  return prompt.toString();
}

function chooseLanguage(digits: string, speech: string, attempt: 1 | 2): string {
  const offered = offeredLanguages();
  const byDigit = offered.find((o) => o.digit === digits);
  const spoken = speech.toLowerCase();
  const bySpeech = spoken
    ? offered.find(({ lng }) =>
        getT(lng, "voice")("language.names")
          .split(",")
          .some((name) => name.trim() && spoken.includes(name.trim().toLowerCase())),
      )
    : undefined;
  const chosen = byDigit ?? bySpeech;
  if (chosen) return mainMenu(chosen.lng, 1);
  if (attempt === 1) return languageMenu(2);
  // Twice nothing usable: carry on in German.
  return mainMenu(DEFAULT_LANGUAGE, 1);
}

// ---------------------------------------------------------------------------------------------------------
// Main menu

function mainMenu(lng: string, attempt: 1 | 2, before: string[] = []): string {
  const prompt = new Prompt(lng);
  for (const text of before) prompt.response.say(prompt.say, text);
  prompt.gather(voiceUrl("menu", lng, attempt), [prompt.t("menu.prompt")], { hints: prompt.t("menu.hints") });
  return prompt.toString();
}

const CHOICES = ["callback", "status", "hours", "message", "privacy"] as const;
// 9: the privacy notice (decision 033), read in the caller's language, then the menu again.
const CHOICE_DIGITS: Record<string, (typeof CHOICES)[number]> = { "1": "callback", "2": "status", "3": "hours", "0": "message", "9": "privacy" };

function spokenChoice(lng: string, speech: string): (typeof CHOICES)[number] | null {
  const spoken = speech.toLowerCase();
  if (!spoken) return null;
  const t = getT(lng, "voice");
  return CHOICES.find((choice) => t(`menu.speech.${choice}`).split("|").some((word) => word.trim() && spoken.includes(word.trim().toLowerCase()))) ?? null;
}

async function mainMenuChoice(ctx: Ctx, input: VoiceStepInput, lng: string, digits: string, speech: string, attempt: 1 | 2): Promise<string> {
  const choice = CHOICE_DIGITS[digits] ?? (digits ? null : spokenChoice(lng, speech));
  const t = getT(lng, "voice");
  const caller = callerPhone(input.params.From);
  switch (choice) {
    case "callback":
      return caller ? callbackFor(ctx, input, lng, caller, []) : askForNumber(lng, 1, []);
    case "status": {
      if (!caller) return mainMenu(lng, 1, [t("status.withheld")]);
      const prompt = new Prompt(lng);
      prompt.gather(voiceUrl("status", lng, 1), [t("status.prompt")], { numDigits: 6, timeout: 10 });
      return prompt.toString();
    }
    case "hours":
      return mainMenu(lng, 1, await hoursTexts(ctx, lng));
    case "privacy":
      return mainMenu(lng, 1, [getT(lng, "privacy")("voice", { months: requestRetentionMonths(input.retention) })]);
    case "message": {
      if (!caller) return askForNumber(lng, 1, [t("message.withheld")]);
      const prompt = new Prompt(lng);
      prompt.response.say(prompt.say, t("message.prompt"));
      prompt.response.record({
        maxLength: MAX_MESSAGE_SECONDS,
        playBeep: true,
        finishOnKey: "#",
        timeout: 5,
        action: voiceUrl("recorded", lng),
        method: "POST",
        recordingStatusCallback: voiceUrl("recording", lng),
        recordingStatusCallbackMethod: "POST",
        recordingStatusCallbackEvent: ["completed"],
      });
      // Nothing recorded: the action is still called; this is only the fallback.
      prompt.goodbye();
      return prompt.toString();
    }
    default:
      if (attempt === 1) return mainMenu(lng, 2, [t("menu.notUnderstood")]);
      // Twice nothing usable: we call them back.
      return caller ? callbackFor(ctx, input, lng, caller, [t("menu.notUnderstood"), t("callback.offer")]) : askForNumber(lng, 1, [t("menu.notUnderstood"), t("callback.offer")]);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Callback

/** The coming 2 working days, 09:00–17:00 in Berlin (those not already over). */
export function voiceCallbackWindows(now: Date, timeZone = PROGRAMME_TIME_ZONE) {
  const at = (day: string, hour: number) => {
    const d = parseDate(day);
    return toZoned(new CalendarDateTime(d.year, d.month, d.day, hour, 0), timeZone).toDate();
  };
  return workingDays(now, timeZone, 3)
    .map((day) => ({ from: at(day, 9), to: at(day, 17) }))
    .filter((w) => w.to > now)
    .slice(0, 2);
}

async function callbackFor(ctx: Ctx, input: VoiceStepInput, lng: string, phone: ParsedPhone, before: string[]): Promise<string> {
  const prompt = new Prompt(lng);
  const t = prompt.t;
  for (const text of before) prompt.response.say(prompt.say, text);
  const callSid = (input.params.CallSid ?? "").trim();
  if (!callSid) {
    prompt.response.say(prompt.say, t("callback.failed"));
    prompt.goodbye();
    return prompt.toString();
  }
  // Calling again while a call is already promised: the same callback and reference (as a second HILFE), no new SMS.
  const { reference, scheduledAt, timeZone, confirmed, reused } = await requestCallback(
    ctx,
    {
      firstName: "–",
      phone,
      language: lng,
      contactPreference: phone.type === "mobile" ? "sms" : "voice",
      windows: voiceCallbackWindows(ctx.clock.now()),
      channel: "voice",
      idempotencyKey: `voice:${callSid}`,
    },
    { reuseOpen: true },
  );
  if (reused) prompt.response.say(prompt.say, t("callback.already"));
  prompt.response.say(prompt.say, scheduledAt ? t("callback.scheduled", { when: formatSlot(new Date(scheduledAt), lng, timeZone) }) : t("callback.received"));
  for (const intro of [t("callback.reference"), t("callback.again")]) {
    prompt.response.say(prompt.say, intro);
    prompt.response.pause({ length: 1 });
    prompt.spell(reference);
    prompt.response.pause({ length: 1 });
  }
  // A number that called again and again has spent its reply budget: the callback stands, but no SMS follows.
  if (phone.type === "mobile" && confirmed) prompt.response.say(prompt.say, t("callback.bySms"));
  prompt.goodbye();
  return prompt.toString();
}

async function callbackStep(ctx: Ctx, input: VoiceStepInput, lng: string): Promise<string> {
  const caller = callerPhone(input.params.From);
  return caller ? callbackFor(ctx, input, lng, caller, []) : askForNumber(lng, 1, []);
}

function askForNumber(lng: string, attempt: 1 | 2, before: string[]): string {
  const prompt = new Prompt(lng);
  for (const text of before) prompt.response.say(prompt.say, text);
  prompt.gather(voiceUrl("number", lng, attempt), [prompt.t("number.prompt")], { numDigits: undefined, finishOnKey: "#", timeout: 10 });
  return prompt.toString();
}

/** A withheld caller typed their number (handled here, in the same request — it never goes into a URL). */
async function numberStep(ctx: Ctx, input: VoiceStepInput, lng: string, typed: string, attempt: 1 | 2): Promise<string> {
  const t = getT(lng, "voice");
  const phone = typed.length >= 6 ? parsePhone(typed) : null;
  if (!phone) {
    if (attempt === 1) return askForNumber(lng, 2, [t("number.invalid")]);
    const prompt = new Prompt(lng);
    prompt.response.say(prompt.say, t("number.invalid"));
    prompt.response.say(prompt.say, t("number.giveUp"));
    prompt.goodbye();
    return prompt.toString();
  }
  const readBack = new Prompt(lng);
  readBack.response.say(readBack.say, t("number.readBack"));
  readBack.spell(typed);
  const rest = await callbackFor(ctx, input, lng, phone, []);
  return mergeResponses(readBack.toString(), rest);
}

/** Two TwiML documents as one (the verbs of both, in order). */
function mergeResponses(first: string, second: string): string {
  const body = (xml: string) => xml.replace(/^<\?xml[^>]*\?>/, "").replace(/^<Response\/>$/, "").replace(/^<Response>/, "").replace(/<\/Response>$/, "");
  return `<?xml version="1.0" encoding="UTF-8"?><Response>${body(first)}${body(second)}</Response>`;
}

// ---------------------------------------------------------------------------------------------------------
// Status by code

async function statusStep(ctx: Ctx, input: VoiceStepInput, lng: string, digits: string, speech: string, attempt: 1 | 2): Promise<string> {
  const t = getT(lng, "voice");
  const caller = callerPhone(input.params.From);
  if (!caller) return mainMenu(lng, 1, [t("status.withheld")]);
  const typed = typedCode({ digits, speech });
  // Only the caller's own requests are ever compared: a foreign code is simply "not found".
  const own = typed.digits ? await ownReferences(ctx, caller.e164) : [];
  const reference = own.find((r) => (typed.code ? r === typed.code : keypadDigits(r) === typed.digits));
  const found = reference ? await requestStatus(ctx, { reference, phone: caller.e164 }) : null;
  if (!found) {
    if (attempt === 1) {
      const prompt = new Prompt(lng);
      prompt.response.say(prompt.say, t("status.notFound"));
      prompt.gather(voiceUrl("status", lng, 2), [t("status.prompt")], { numDigits: 6, timeout: 10 });
      return prompt.toString();
    }
    return mainMenu(lng, 1, [t("status.notFound")]);
  }
  const prompt = new Prompt(lng);
  prompt.response.say(prompt.say, t(`status.kind.${found.kind}`));
  prompt.spell(found.reference);
  prompt.response.pause({ length: 1 });
  prompt.response.say(prompt.say, t(`status.${found.kind}.${found.status}`, { defaultValue: t("status.unknown") }));
  for (const text of statusDetails(found, lng)) prompt.response.say(prompt.say, text);
  prompt.gather(voiceUrl("menu", lng, 1), [t("menu.prompt")], { hints: t("menu.hints") });
  return prompt.toString();
}

/** What the caller needs to know next: when we call, when and where the appointment is and how to cancel it, the place on the list. */
function statusDetails(found: RequestStatus, lng: string): string[] {
  const t = getT(lng, "voice");
  const when = (at: Date) => formatSlot(at, lng, found.timeZone);
  switch (found.kind) {
    case "callback":
      return found.status === "scheduled" && found.scheduledAt ? [t("status.when", { when: when(found.scheduledAt), place: "" })] : [];
    case "appointment":
      return found.status === "booked" ? [t("status.when", { when: when(found.startsAt), place: `${found.place}, ${found.address}.` }), t("status.cancelHow")] : [];
    case "reservation":
      if (found.status === "waiting" && found.position) return [t("status.position", { position: found.position, place: found.place })];
      if (found.status === "offered" && found.offerExpiresAt) return [t("status.offeredUntil", { until: when(found.offerExpiresAt), place: found.place })];
      return [];
    case "ticket": {
      // The call asked for with the report has the same reference: say where it stands too.
      const call = found.callback;
      if (!call) return [];
      const state = `${t("status.kind.callback")} ${t(`status.callback.${call.status}`, { defaultValue: t("status.unknown") })}`;
      return call.status === "scheduled" && call.scheduledAt ? [state, t("status.when", { when: when(call.scheduledAt), place: "" })] : [state];
    }
  }
}

// ---------------------------------------------------------------------------------------------------------
// Consultation hours

/** The next 3 free consultation-hour slots (phone places) across all locations, each in its location's zone. */
export async function nextFreeSlots(ctx: Ctx, count = 3) {
  const now = ctx.clock.now();
  const locations = await ctx.db.location.findMany({ select: { id: true } });
  const slots: { location: string; startsAt: Date; timeZone: string }[] = [];
  for (const { id } of locations) {
    const schedule = await loadSchedule(ctx, ctx.db, id, now);
    if (!schedule) continue;
    const fromDay = localDay(now, schedule.location.timeZone);
    const toDay = parseDate(fromDay).add({ days: 21 }).toString();
    for (const slot of await freeSlots(ctx, ctx.db, schedule, { fromDay, toDay, now })) {
      if (slot.free.phone > 0) slots.push({ location: schedule.location.name, startsAt: slot.startsAt, timeZone: schedule.location.timeZone });
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.location.localeCompare(b.location)).slice(0, count);
}

async function hoursTexts(ctx: Ctx, lng: string): Promise<string[]> {
  const t = getT(lng, "voice");
  const slots = await nextFreeSlots(ctx);
  if (!slots.length) return [t("hours.none")];
  return [t("hours.intro"), ...slots.map((s) => t("hours.slot", { location: s.location, when: formatSlot(s.startsAt, lng, s.timeZone) }))];
}

