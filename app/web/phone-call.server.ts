// The simulated call screen: staff call the voice menu as a person would. The TwiML the menu answers is parsed into
// a small view (what is said and in which language, whether keys/speech/a recording are expected, whether the call
// has ended). Each press runs the same voiceStep as Twilio's webhook. The caller's number is looked up on the server
// from the person's id; it never travels in a URL or form.
import { randomBytes } from "node:crypto";
import { XMLParser } from "fast-xml-parser";
import { z } from "zod";
import { voiceStep } from "~/capabilities/phone/voice-menu.server";
import { WEBHOOK_PATHS } from "~/capabilities/messaging/providers/twilio.server";
import { SAY_LANGUAGE } from "~/capabilities/messaging/voice-language";
import { recentCallers as callersByActivity, recordCallSimulated, simulatedCaller } from "~/capabilities/phone/simulator.server";
import { withActor, type Ctx, type Services, type StaffCtx } from "~/context";
import { maskPhone } from "~/lib/phone.server";

export interface SaidLine {
  text: string;
  /** Our language code (de, en, ar, …) of the voice. */
  lng: string;
}

export interface CallView {
  said: SaidLine[];
  gather: { action: string; numDigits: number | null; finishOnKey: string | null; speech: boolean } | null;
  record: { action: string; maxLength: number } | null;
  ended: boolean;
}

const VOICE_ACTION = new RegExp(`^${WEBHOOK_PATHS.voice.replace(/\//g, "\\/")}\\?[a-z0-9=&]*$`, "i");
const lngOf = (sayLanguage: string | undefined) => Object.entries(SAY_LANGUAGE).find(([, v]) => v === sayLanguage)?.[0] ?? "de";

type Node = Record<string, unknown> & { ":@"?: Record<string, string> };

/** TwiML → what the screen shows. Only our own voice-menu URLs are kept as actions. */
export function parseCallTwiml(xml: string): CallView {
  const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", preserveOrder: true, parseTagValue: false, trimValues: true });
  const doc = parser.parse(xml) as Node[];
  const response = (doc.find((n) => "Response" in n)?.Response ?? []) as Node[];
  const view: CallView = { said: [], gather: null, record: null, ended: false };
  const textOf = (children: Node[]) => children.map((c) => String(c["#text"] ?? "")).join("");
  const say = (node: Node) => {
    const lng = lngOf(node[":@"]?.language);
    const text = textOf(node.Say as Node[]);
    const last = view.said.at(-1);
    // One paragraph per voice: consecutive sentences (and spelled characters) in the same language are joined.
    if (last && last.lng === lng) last.text = `${last.text} ${text}`;
    else view.said.push({ text, lng });
  };
  const safeAction = (url: string | undefined) => (url && VOICE_ACTION.test(url) ? url : null);
  for (const node of response) {
    const attrs = node[":@"] ?? {};
    if ("Say" in node) say(node);
    else if ("Pause" in node) {
      const last = view.said.at(-1);
      if (last && !last.text.endsWith("…")) last.text = `${last.text} …`;
    } else if ("Gather" in node) {
      for (const child of node.Gather as Node[]) if ("Say" in child) say(child);
      const action = safeAction(attrs.action);
      if (action) {
        view.gather = {
          action,
          numDigits: attrs.numDigits ? Number(attrs.numDigits) : null,
          finishOnKey: attrs.finishOnKey ?? null,
          speech: (attrs.input ?? "dtmf").split(" ").includes("speech"),
        };
      }
    } else if ("Record" in node) {
      const action = safeAction(attrs.action);
      if (action) view.record = { action, maxLength: Number(attrs.maxLength ?? 120) };
      break; // what follows a <Record> is only its fallback
    } else if ("Hangup" in node) {
      view.ended = true;
      break;
    }
  }
  if (!view.gather && !view.record) view.ended = true;
  return view;
}

export const CallPress = z.object({
  intent: z.enum(["start", "key", "speech", "silence", "record", "hangup"]),
  callSid: z.string().regex(/^CA[0-9a-f]{32}$/).optional(),
  twiml: z.string().max(20_000).optional(),
  buffer: z.string().regex(/^[0-9*#]{0,20}$/).default(""),
  key: z.string().regex(/^[0-9*#]$/).optional(),
  speech: z.string().trim().max(200).optional(),
  recording: z.string().trim().max(2000).optional(),
});
export type CallPressInput = z.output<typeof CallPress>;

export interface CallState {
  callSid: string;
  twiml: string;
  buffer: string;
  view: CallView;
}

/** The caller as the screen shows them: first name and a masked number, or a withheld number. */
export async function callerFor(ctx: StaffCtx, personParam: string | null) {
  if (!personParam || personParam === "withheld") return { id: null, label: null, phone: null, withheld: personParam === "withheld" };
  const person = await simulatedCaller(ctx, personParam);
  if (!person) return null;
  return { id: person.id, label: `${person.firstName} (${maskPhone(person.phone)})`, phone: person.phone, withheld: false };
}

/** People to call as (most recently active first): first name and a masked number. Listing them is audit-logged. */
export async function recentCallers(staff: StaffCtx, take = 50) {
  const people = await callersByActivity(staff, take);
  return people.map((p) => ({ id: p.id, label: `${p.firstName} (${maskPhone(p.phone)})` }));
}

const newSid = (prefix: string) => prefix + randomBytes(16).toString("hex");
const queryOf = (action: string) => new URLSearchParams(action.slice(action.indexOf("?") + 1));

/** One press on the call screen → the next state. The voice menu runs as the citizen would reach it. */
export async function pressOnCall(
  staff: Ctx,
  services: Services,
  caller: { id: string | null; phone: string | null },
  input: CallPressInput,
): Promise<CallState> {
  const citizen = withActor(services, { kind: "citizen" });
  const from = caller.phone ?? "anonymous";
  if (input.intent === "start" || !input.callSid || !input.twiml) {
    const callSid = newSid("CA");
    await recordCallSimulated(staff, caller.id);
    const twiml = await voiceStep(citizen, { query: new URLSearchParams(), params: { From: from, CallSid: callSid, To: services.config.programmePhone }, retention: services.config.retention });
    return { callSid, twiml, buffer: "", view: parseCallTwiml(twiml) };
  }
  const current = parseCallTwiml(input.twiml);
  const same = { callSid: input.callSid, twiml: input.twiml, buffer: input.buffer, view: current };
  const run = async (action: string, params: Record<string, string>): Promise<CallState> => {
    const twiml = await voiceStep(citizen, { query: queryOf(action), params: { From: from, CallSid: input.callSid!, ...params }, retention: services.config.retention });
    return { callSid: input.callSid!, twiml, buffer: "", view: parseCallTwiml(twiml) };
  };
  const gather = current.gather;
  switch (input.intent) {
    case "hangup":
      return { ...same, buffer: "", view: { ...current, gather: null, record: null, ended: true } };
    case "key": {
      if (!gather || !input.key) return same;
      if (gather.finishOnKey && input.key === gather.finishOnKey) return run(gather.action, { Digits: input.buffer });
      const buffer = input.buffer + input.key;
      if (gather.numDigits && buffer.length >= gather.numDigits) return run(gather.action, { Digits: buffer });
      return { ...same, buffer };
    }
    case "speech":
      if (!gather?.speech || !input.speech) return same;
      return run(gather.action, { SpeechResult: input.speech, Confidence: "0.9" });
    case "silence":
      if (!gather) return same;
      return run(gather.action, input.buffer ? { Digits: input.buffer } : {});
    case "record": {
      if (!current.record) return same;
      const words = (input.recording ?? "").split(/\s+/).filter(Boolean).length;
      // About two and a half words a second; nothing said is nothing recorded.
      const seconds = words ? Math.min(current.record.maxLength, Math.max(1, Math.ceil(words / 2.5))) : 0;
      return run(current.record.action, { RecordingSid: newSid("RE"), RecordingDuration: String(seconds) });
    }
    default:
      return same;
  }
}
