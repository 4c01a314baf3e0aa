// Glue for click-to-call: the TwiML Twilio gets when the staff member answers (the citizen's number only ever in
// that body, never in a URL), the status webhooks, the "Call now" panel's data, and its form actions.
import twilio from "twilio";
import { createCookie, type AppLoadContext } from "@remix-run/node";
import { z } from "zod";
import { withActor, type StaffCtx } from "~/context";
import { getT } from "~/i18n/i18n.server";
import { WEBHOOK_PATHS } from "~/capabilities/messaging/providers/twilio.server";
import { providerFor } from "~/capabilities/messaging/providers/index.server";
import { sayLanguage, speakableName, spokenLanguage } from "~/capabilities/messaging/voice-language";
import {
  applyCallEvent,
  callPanelState,
  callSubjectOf,
  callToBridge,
  isFinal,
  simulateCallStatus,
  StartCallInput,
  startCall,
  type CallEvent,
} from "~/capabilities/phone/calls.server";
import type { TwilioWebhook } from "./twilio-webhook.server";
import { EMPTY_TWIML } from "./twilio-webhook.server";

const system = (context: AppLoadContext) => withActor(context.services, { kind: "system", name: "twilio" });
const programmeOptions = (context: AppLoadContext) => ({ programmePhone: context.services.config.programmePhone });

/** Seconds Twilio lets the citizen's phone ring before giving up. */
export const CITIZEN_RING_SECONDS = 30;

function spoken(lang: string | null) {
  const lng = spokenLanguage(lang ?? "de");
  /** The citizen's first name for a prompt, or the prompt's nameless form ("…_unnamed") when the voice cannot say it. */
  const naming = (firstName: string | null) => (firstName && speakableName(firstName, lng) ? { firstName } : { context: "unnamed" });
  return { lng, t: getT(lng, "calls"), say: { language: sayLanguage(lng) } as const, naming };
}

/** The citizen leg's status URL: our opaque call id and the leg, nothing else. */
const citizenLegUrl = (publicUrl: string, callId: string, lng: string) =>
  `${publicUrl}${WEBHOOK_PATHS.callStatus}?call=${encodeURIComponent(callId)}&leg=citizen&lang=${encodeURIComponent(lng)}`;

/** POST /webhooks/twilio/bridge?call=<id>: the staff member answered; say whom they get, then dial the citizen. */
export async function bridgeTwiml(context: AppLoadContext, webhook: TwilioWebhook): Promise<string> {
  const { lng, t, say, naming } = spoken(webhook.query.get("lang"));
  const response = new twilio.twiml.VoiceResponse();
  const callId = webhook.query.get("call") ?? "";
  const call = callId ? await callToBridge(system(context), callId) : null;
  if (!call || isFinal(call.status)) {
    response.say(say, t("voice.unknownCall"));
    response.hangup();
    return response.toString();
  }
  await applyCallEvent(system(context), call.id, { leg: "staff", status: "in-progress" }, programmeOptions(context));
  response.say(say, t("voice.connecting", naming(call.firstName)));
  const statusUrl = citizenLegUrl(context.services.config.publicUrl, call.id, lng);
  const dial = response.dial({
    // The programme number: the citizen never sees the staff member's own number.
    callerId: webhook.twilio.fromNumber,
    answerOnBridge: true,
    timeout: CITIZEN_RING_SECONDS,
    action: statusUrl,
    method: "POST",
  });
  dial.number({ statusCallback: statusUrl, statusCallbackEvent: ["answered", "completed"], statusCallbackMethod: "POST" }, call.citizenPhone);
  return response.toString();
}

const duration = (value: string | undefined) => {
  const n = value == null || value === "" ? NaN : Number(value);
  return Number.isFinite(n) ? n : null;
};

/**
 * POST /webhooks/twilio/call-status?call=<id>[&leg=citizen]: the staff leg's CallStatus, the citizen leg's
 * <Number> status callback (CallStatus) and the <Dial> action (DialCallStatus). The Dial action's answer is the
 * rest of the staff member's call: a short word on how it went, then hang up.
 */
export async function callStatusTwiml(context: AppLoadContext, webhook: TwilioWebhook): Promise<string> {
  const callId = webhook.query.get("call") ?? "";
  const leg = webhook.query.get("leg") === "citizen" ? "citizen" : "staff";
  const p = webhook.params;
  const dialAction = leg === "citizen" && p.DialCallStatus != null;
  const event: CallEvent = dialAction
    ? { leg, status: p.DialCallStatus!, durationSeconds: duration(p.DialCallDuration) }
    : { leg, status: p.CallStatus ?? "", durationSeconds: duration(p.CallDuration) };
  const result = callId && event.status ? await applyCallEvent(system(context), callId, event, programmeOptions(context)) : null;
  if (!dialAction || !result?.found) return EMPTY_TWIML;
  const { t, say, naming } = spoken(webhook.query.get("lang"));
  const response = new twilio.twiml.VoiceResponse();
  if (result.status && ["busy", "no_answer", "failed"].includes(result.status)) {
    response.say(say, t(result.attemptRecorded ? "voice.notAnsweredRecorded" : "voice.notAnswered", naming(result.personFirstName)));
  }
  response.hangup();
  return response.toString();
}

// ---------------------------------------------------------------------------------------------------------
// The "Call now" panel

export type CallSubject = { callbackId: string } | { ticketId: string };

export const SIMULATIONS = ["staffAnswered", "citizenAnswered", "citizenNoAnswer", "hangUp"] as const;
export type Simulation = (typeof SIMULATIONS)[number];
const SIMULATED: Record<Simulation, CallEvent> = {
  staffAnswered: { leg: "staff", status: "in-progress" },
  citizenAnswered: { leg: "citizen", status: "answered" },
  citizenNoAnswer: { leg: "citizen", status: "no-answer" },
  hangUp: { leg: "staff", status: "completed" },
};

/** What the panel shows: the latest call's state in words the page translates, and which buttons apply. */
export async function callPanel(ctx: StaffCtx, subject: CallSubject) {
  const { hasPhone, latest, active } = await callPanelState(ctx, subject);
  const latestActive = Boolean(latest && active && active.id === latest.id);
  const state = !latest
    ? null
    : latest.status === "in_progress"
      ? latest.answeredAt
        ? "connected"
        : "callingCitizen"
      : latest.status === "initiated" || latest.status === "ringing"
        ? latestActive
          ? "ringing"
          : "stale"
        : latest.status;
  const simulations: Simulation[] =
    latest && latestActive && latest.provider === "outbox"
      ? latest.status === "in_progress"
        ? latest.answeredAt
          ? ["hangUp"]
          : ["citizenAnswered", "citizenNoAnswer"]
        : ["staffAnswered"]
      : [];
  return {
    subject,
    hasPhone,
    /** Another call of mine (elsewhere) is still going: no second one. */
    busyElsewhere: Boolean(active && !latestActive),
    call: latest
      ? {
          id: latest.id,
          state: state!,
          active: latestActive,
          endedAt: latest.endedAt?.toISOString() ?? null,
          minutes: latest.durationSeconds != null ? Math.max(1, Math.ceil(latest.durationSeconds / 60)) : null,
          simulations,
        }
      : null,
  };
}

export const CallActionInput = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("start"), callbackId: z.string().trim().max(40).optional(), ticketId: z.string().trim().max(40).optional() }),
  z.object({ intent: z.literal("simulate"), callId: z.string().trim().min(1).max(40), event: z.enum(SIMULATIONS) }),
]);

/** Where the panel lives, so the action can send the browser back there (never a URL taken from the form). */
export async function pageOf(ctx: StaffCtx, target: CallSubject | { callId: string }): Promise<string> {
  if ("callId" in target) {
    const call = await callSubjectOf(ctx, target.callId);
    if (call?.callbackId) return `/team/callbacks/${call.callbackId}`;
    if (call?.ticketId) return `/team/tickets/${call.ticketId}`;
    return "/team";
  }
  return "callbackId" in target ? `/team/callbacks/${target.callbackId}` : `/team/tickets/${target.ticketId}`;
}

/** "Call now": returns the notice to show on the page. */
export async function startCallFromPage(ctx: StaffCtx, context: AppLoadContext, subject: CallSubject, language: string) {
  const input = StartCallInput.parse(subject);
  await startCall(ctx, input, { provider: providerFor(context.services.config), language });
  return null;
}

/** Outbox training: the same status update the webhook makes, for the staff member's own active call. */
export async function simulateCallEvent(ctx: StaffCtx, context: AppLoadContext, callId: string, simulation: Simulation) {
  const simulated = await simulateCallStatus(ctx, callId, SIMULATED[simulation], programmeOptions(context));
  return simulated ? null : "calls:errors.notSimulated";
}

// ---------------------------------------------------------------------------------------------------------
// The panel's one-time notice ("Your phone will ring", or why no call was started), across Post/Redirect/Get.

const CallNotice = z.object({ key: z.string().regex(/^calls:[\w.]+$/) });
const noticeCookies = new WeakMap<object, ReturnType<typeof createCookie>>();
function noticeCookie(context: AppLoadContext) {
  const { config } = context.services;
  let cookie = noticeCookies.get(config);
  if (!cookie) {
    cookie = createCookie("da_call", { httpOnly: true, sameSite: "lax", secure: config.secureCookies, path: "/team", maxAge: 60, secrets: [config.sessionSecret] });
    noticeCookies.set(config, cookie);
  }
  return cookie;
}

export const setCallNotice = (context: AppLoadContext, key: string) => noticeCookie(context).serialize({ key });

/** The panel's data and the headers that clear a notice once shown (merge them into the page's own). */
export async function callPanelFor(request: Request, context: AppLoadContext, ctx: StaffCtx, subject: CallSubject) {
  const parsed = CallNotice.safeParse(await noticeCookie(context).parse(request.headers.get("Cookie")));
  const notice = parsed.success ? parsed.data.key : null;
  const headers: [string, string][] = notice ? [["Set-Cookie", await noticeCookie(context).serialize("", { maxAge: 0, expires: new Date(0) })]] : [];
  return { panel: { ...(await callPanel(ctx, subject)), notice }, headers };
}

/** A page's own headers plus the panel's (both may clear a one-time cookie). */
export function mergeHeaders(own: HeadersInit | undefined, extra: [string, string][]): Headers {
  const headers = new Headers(own);
  for (const [name, value] of extra) headers.append(name, value);
  return headers;
}
