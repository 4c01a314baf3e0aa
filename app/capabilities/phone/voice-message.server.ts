// Voice messages left in the phone menu (option 0): the message joins the caller's open ticket or opens one, and
// the recording is copied here so the purge job can delete Twilio's copy.
import type { Ctx, TwilioConfig } from "~/context";
import { getT } from "~/i18n/i18n.server";
import { DEFAULT_LANGUAGE } from "~/i18n/languages";
import { receiveCitizenMessage } from "~/capabilities/helpdesk/inbound.server";
import { isTwilioApiUrl, restCredentials, TWILIO_HOST, twilioClient } from "~/capabilities/messaging/twilio-client.server";
import { logger } from "~/lib/logger.server";
import { callerPhone, Prompt, type VoiceStepInput } from "./voice-prompt.server";

export const MAX_MESSAGE_SECONDS = 120;
const recordingSeconds = (params: Record<string, string>) => Math.max(0, Math.min(MAX_MESSAGE_SECONDS, Math.round(Number(params.RecordingDuration) || 0)));

/** The <Record> finished: the message joins the caller's open ticket or opens one (once per call). */
export async function recordedStep(ctx: Ctx, input: VoiceStepInput, lng: string): Promise<string> {
  const prompt = new Prompt(lng);
  const t = prompt.t;
  const caller = callerPhone(input.params.From);
  const callSid = (input.params.CallSid ?? "").trim();
  const recordingSid = (input.params.RecordingSid ?? "").trim();
  const seconds = recordingSeconds(input.params);
  if (!caller || !callSid || !recordingSid || seconds < 1) {
    prompt.response.say(prompt.say, t("message.nothing"));
    prompt.goodbye();
    return prompt.toString();
  }
  await storeVoiceMessage(ctx, { from: caller.e164, callSid, recordingSid, seconds, language: lng, audio: input.params.RecordingUrl ? null : silentWav(Math.min(seconds, 5)) });
  prompt.response.say(prompt.say, t("message.thanks"));
  prompt.goodbye();
  return prompt.toString();
}

/** The staff-facing body of a voice message; the audio is in VoiceRecording. */
export const voiceMessageBody = (seconds: number, lng = DEFAULT_LANGUAGE) => getT(lng, "voice")("message.label", { seconds });

export async function storeVoiceMessage(
  ctx: Ctx,
  input: { from: string; callSid: string; recordingSid: string; seconds: number; language?: string; audio: { contentType: string; data: Uint8Array<ArrayBuffer> } | null },
) {
  const outcome = await receiveCitizenMessage(ctx, { from: input.from, body: voiceMessageBody(input.seconds), channel: "voice", providerId: input.callSid, language: input.language });
  const message = await ctx.db.message.findUnique({ where: { idempotencyKey: `inbound:${input.callSid}` }, include: { recording: { select: { id: true } } } });
  if (!message) return outcome;
  await ctx.db.$transaction(async (tx) => {
    if (!message.recordingSid) await tx.message.update({ where: { id: message.id }, data: { recordingSid: input.recordingSid } });
    if (input.audio && !message.recording) {
      await tx.voiceRecording.create({
        data: { messageId: message.id, contentType: input.audio.contentType, seconds: input.seconds, data: input.audio.data, createdAt: ctx.clock.now() },
      });
      // Our copy is kept: the provider's copy may now be deleted.
      await tx.message.update({ where: { id: message.id }, data: { finalAt: ctx.clock.now() } });
    }
  });
  return outcome;
}

/** Twilio's recording status callback: the audio is ready — copy it to our VoiceRecording (once). */
export async function storeRecordingAudio(ctx: Ctx, input: VoiceStepInput) {
  const { RecordingSid: recordingSid, RecordingUrl: recordingUrl, RecordingStatus: status } = input.params;
  if (!recordingSid || !recordingUrl || (status && status !== "completed") || !input.twilio) return;
  const message = await ctx.db.message.findFirst({ where: { recordingSid }, include: { recording: { select: { id: true } } } });
  if (message?.recording) return;
  const audio = await downloadRecording(input.twilio, recordingUrl);
  // Not to be had (gone, refused, not Twilio's): the voice message itself is kept without audio and Twilio gets its
  // 200 — an error answer would only make it send the same callback again, to fail the same way.
  if (!audio) return;
  if (!message) {
    // The callback came before the <Record> action: the caller's number comes from the call itself.
    const callSid = input.params.CallSid ?? "";
    const call = callSid ? await twilioClient(input.twilio).calls(callSid).fetch().catch(() => null) : null;
    const caller = callerPhone(call?.from);
    if (!caller) return;
    await storeVoiceMessage(ctx, { from: caller.e164, callSid, recordingSid, seconds: recordingSeconds(input.params), audio });
    return;
  }
  await ctx.db.$transaction(async (tx) => {
    if (await tx.voiceRecording.findUnique({ where: { messageId: message.id } })) return;
    await tx.voiceRecording.create({
      data: { messageId: message.id, contentType: audio.contentType, seconds: recordingSeconds(input.params), data: audio.data, createdAt: ctx.clock.now() },
    });
    await tx.message.update({ where: { id: message.id }, data: { finalAt: ctx.clock.now() } });
  });
}

/**
 * The MP3 of a recording, fetched with the same credentials (and, in tests, the same local fake) as the SDK; null
 * (logged) when it cannot be had. Credentials only ever go to Twilio's own API host.
 */
async function downloadRecording(config: TwilioConfig, recordingUrl: string) {
  if (!isTwilioApiUrl(recordingUrl)) {
    logger.warn({ host: hostOf(recordingUrl) }, "recording URL is not Twilio's: not downloaded");
    return null;
  }
  const url = `${config.apiBaseUrl ? recordingUrl.replace(TWILIO_HOST, config.apiBaseUrl.replace(/\/$/, "")) : recordingUrl}.mp3`;
  const [user, secret] = restCredentials(config);
  try {
    const response = await fetch(url, { headers: { Authorization: `Basic ${Buffer.from(`${user}:${secret}`).toString("base64")}` }, signal: AbortSignal.timeout(30_000) });
    if (!response.ok) {
      logger.warn({ status: response.status }, "recording download refused: kept without audio");
      return null;
    }
    return { contentType: "audio/mpeg", data: new Uint8Array(await response.arrayBuffer()) };
  } catch (error) {
    logger.warn({ err: error }, "recording download failed: kept without audio");
    return null;
  }
}

const hostOf = (raw: string) => URL.canParse(raw) ? new URL(raw).host : "(not a URL)";

/** A silent 8 kHz mono WAV: what the simulator stores, as nothing was really spoken. */
export function silentWav(seconds: number): { contentType: string; data: Uint8Array<ArrayBuffer> } {
  const rate = 8000;
  const samples = Math.max(1, Math.round(seconds * rate));
  const buffer = Buffer.alloc(44 + samples, 0x80);
  buffer.write("RIFF", 0);
  buffer.writeUInt32LE(36 + samples, 4);
  buffer.write("WAVEfmt ", 8);
  buffer.writeUInt32LE(16, 16);
  buffer.writeUInt16LE(1, 20); // PCM
  buffer.writeUInt16LE(1, 22); // mono
  buffer.writeUInt32LE(rate, 24);
  buffer.writeUInt32LE(rate, 28);
  buffer.writeUInt16LE(1, 32);
  buffer.writeUInt16LE(8, 34);
  buffer.write("data", 36);
  buffer.writeUInt32LE(samples, 40);
  return { contentType: "audio/wav", data: new Uint8Array(buffer) };
}

/** The recordings behind these messages (ids and lengths only), for a timeline that offers to play them. */
export async function recordingsOf(ctx: Pick<Ctx, "db">, messageIds: readonly string[]) {
  if (messageIds.length === 0) return [];
  return ctx.db.voiceRecording.findMany({ where: { messageId: { in: [...messageIds] } }, select: { id: true, seconds: true, messageId: true } });
}
