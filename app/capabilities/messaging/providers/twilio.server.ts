// Twilio through its official SDK: SMS to mobiles, text-to-speech calls to landlines, click-to-call bridging, and
// purging what Twilio keeps once a message is final. Status callbacks carry only our own opaque ids.
import twilio from "twilio";
import type { TwilioConfig } from "~/context";
import { TransientSendError, type AcceptedStatus, type MessageProvider, type OutgoingMessage } from "../provider";
import { isTransient, twilioClient, twilioError } from "../twilio-client.server";
import { sayLanguage, spokenLanguage } from "../voice-language";

export const WEBHOOK_PATHS = {
  sms: "/webhooks/twilio/sms",
  voice: "/webhooks/twilio/voice",
  messageStatus: "/webhooks/twilio/status",
  bridge: "/webhooks/twilio/bridge",
  callStatus: "/webhooks/twilio/call-status",
} as const;

/** An error the worker understands: transient ones are retried with back-off, the rest are final. */
export class ProviderError extends Error {
  constructor(
    message: string,
    readonly code: number | null,
  ) {
    super(message);
  }
}

function refused(error: unknown): Error {
  const { status, code, message } = twilioError(error);
  const text = `Twilio ${status ?? "network"}${code ? ` ${code}` : ""}: ${message}`.slice(0, 300);
  return isTransient(error) ? new TransientSendError(text) : new ProviderError(text, code);
}

const accepted = (status: string): AcceptedStatus => (status === "delivered" ? "delivered" : status === "sent" ? "sent" : "queued");

/** A text-to-speech message: said twice, as people often miss the start of a call. */
export function spokenMessageTwiml(body: string, language: string): string {
  const response = new twilio.twiml.VoiceResponse();
  const say = { language: sayLanguage(language) } as const;
  response.pause({ length: 1 });
  response.say(say, body);
  response.pause({ length: 2 });
  response.say(say, body);
  return response.toString();
}

export function createTwilioProvider(config: TwilioConfig, publicUrl: string): MessageProvider {
  const client = twilioClient(config);
  const statusCallback = (m: OutgoingMessage) => `${publicUrl}${WEBHOOK_PATHS.messageStatus}?message=${encodeURIComponent(m.id)}`;

  return {
    name: "twilio",

    async send(m) {
      try {
        if (m.channel === "sms") {
          const sent = await client.messages.create({ to: m.to, from: config.fromNumber, body: m.body, statusCallback: statusCallback(m) });
          return { providerId: sent.sid, status: accepted(sent.status) };
        }
        const call = await client.calls.create({
          to: m.to,
          from: config.fromNumber,
          twiml: spokenMessageTwiml(m.body, m.language),
          statusCallback: statusCallback(m),
          statusCallbackEvent: ["completed"],
          timeout: 30,
        });
        return { providerId: call.sid, status: "queued" };
      } catch (error) {
        throw refused(error);
      }
    },

    async findEarlierSend(m, since) {
      try {
        if (m.channel === "sms") {
          // Newest first, and not filtered by DateSent: a message still queued at Twilio has no send date yet.
          const earlier = await client.messages.list({ to: m.to, from: config.fromNumber, limit: 50 });
          const same = earlier.find((x) => x.body === m.body && (!x.dateCreated || x.dateCreated >= new Date(since.getTime() - 60_000)));
          return same ? { providerId: same.sid, status: accepted(same.status) } : null;
        }
        const calls = await client.calls.list({ to: m.to, from: config.fromNumber, startTimeAfter: since, limit: 20 });
        return calls[0] ? { providerId: calls[0].sid, status: "queued" } : null;
      } catch (error) {
        throw refused(error);
      }
    },

    async purge({ providerId, channel, recordingSid }) {
      const gone = (error: unknown) => {
        // Already deleted (or never kept): that is the state we want.
        if (twilioError(error).status !== 404) throw refused(error);
      };
      if (recordingSid) await client.recordings(recordingSid).remove().catch(gone);
      if (!providerId) return;
      if (channel === "sms") await client.messages(providerId).remove().catch(gone);
      else await client.calls(providerId).remove().catch(gone);
    },

    async bridgeCall(input) {
      try {
        const call = await client.calls.create({
          to: input.staffPhone,
          from: config.fromNumber,
          // The staff member's language for the short prompt before bridging: menu state, nothing personal.
          url: `${publicUrl}${WEBHOOK_PATHS.bridge}?call=${encodeURIComponent(input.callId)}&lang=${encodeURIComponent(spokenLanguage(input.language))}`,
          statusCallback: `${publicUrl}${WEBHOOK_PATHS.callStatus}?call=${encodeURIComponent(input.callId)}`,
          statusCallbackEvent: ["initiated", "ringing", "answered", "completed"],
          timeout: 30,
        });
        return { providerId: call.sid };
      } catch (error) {
        throw refused(error);
      }
    },
  };
}
