// What every step of the phone menu speaks with: the caller's language, <Gather> for keypad and speech, codes
// spelled character by character — and the little state a call carries (our callback URL's step, lng, try).
import twilio from "twilio";
import type VoiceResponse from "twilio/lib/twiml/VoiceResponse";
import type { AppConfig, TwilioConfig } from "~/context";
import { getT } from "~/i18n/i18n.server";
import { parsePhone, type ParsedPhone } from "~/lib/phone.server";
import { sayLanguage } from "~/capabilities/messaging/voice-language";
import { WEBHOOK_PATHS } from "~/capabilities/messaging/providers/twilio.server";

export const STEPS = ["language", "menu", "callback", "number", "status", "recorded", "recording"] as const;
export type Step = (typeof STEPS)[number];
/** Numbers Twilio reports for callers who withhold theirs. */
const WITHHELD = new Set(["", "anonymous", "+266696687", "restricted", "unknown", "private", "unavailable"]);
export const GATHER_TIMEOUT = 6;

export interface VoiceStepInput {
  /** The query of our own callback URL: step, lng, try. */
  query: URLSearchParams;
  /** What Twilio posted: From, CallSid, Digits, SpeechResult, RecordingSid, RecordingUrl, RecordingDuration, … */
  params: Record<string, string>;
  /** Set when recordings can be fetched from Twilio. */
  twilio?: TwilioConfig | null;
  /** The retention schedule's settings, for the spoken privacy notice's "at the latest N months" (defaults if absent). */
  retention?: AppConfig["retention"];
}

export const voiceUrl = (step: Step, lng: string, attempt = 1) => `${WEBHOOK_PATHS.voice}?step=${step}&lng=${lng}&try=${attempt}`;

/** The caller's number, or null when it is withheld or cannot be a phone number. */
export function callerPhone(from: string | undefined): ParsedPhone | null {
  const value = (from ?? "").trim();
  if (WITHHELD.has(value.toLowerCase())) return null;
  return parsePhone(value);
}

/** Speech recognition knows regional codes only where <Say> has a generic one (Arabic: "ar-XA" speaks, "ar-SA" listens). */
const GATHER_LANGUAGE: Record<string, string> = { ar: "ar-SA" };
export const gatherLanguage = (lng: string) => (GATHER_LANGUAGE[lng] ?? sayLanguage(lng)) as VoiceResponse.GatherAttributes["language"];


type Say = { language: NonNullable<VoiceResponse.SayAttributes["language"]> };

export class Prompt {
  readonly response = new twilio.twiml.VoiceResponse();
  readonly t;
  readonly say: Say;
  constructor(readonly lng: string) {
    this.t = getT(lng, "voice");
    this.say = { language: sayLanguage(lng) };
  }
  /** A question: keypad and speech, in the caller's language; no input also comes back to `action`. */
  gather(action: string, texts: string[], options: Partial<VoiceResponse.GatherAttributes> = {}) {
    const gather = this.response.gather({
      input: ["dtmf", "speech"],
      numDigits: 1,
      timeout: GATHER_TIMEOUT,
      action,
      method: "POST",
      actionOnEmptyResult: true,
      language: gatherLanguage(this.lng),
      speechTimeout: "auto",
      ...options,
    });
    for (const text of texts) gather.say(this.say, text);
  }
  /** A code or number, one character at a time with a pause between, letters spelled so they are clear. */
  spell(value: string) {
    const chars = [...value];
    chars.forEach((c, i) => {
      this.response.say(this.say, /[A-Z]/.test(c) ? this.t(`letters.${c}`) : c);
      if (i < chars.length - 1) this.response.pause({ length: 1 });
    });
  }
  goodbye() {
    this.response.say(this.say, this.t("goodbye"));
    this.response.hangup();
  }
  toString() {
    return this.response.toString();
  }
}

