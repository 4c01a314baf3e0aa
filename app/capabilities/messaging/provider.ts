// The channel interface every provider implements: the built-in outbox and Twilio. Chosen by configuration.
export interface OutgoingMessage {
  id: string;
  to: string; // E.164
  channel: "sms" | "voice";
  body: string;
  language: string;
  /** Stable per message; a provider must treat a repeat with the same key as the same message. */
  idempotencyKey: string;
}

/** What a provider reports right after accepting a message; later states arrive by status callback. */
export type AcceptedStatus = "queued" | "sent" | "delivered";

export interface SendResult {
  providerId: string;
  status: AcceptedStatus;
}

export interface BridgeCallInput {
  /** Our Call row id; status callbacks carry it back. */
  callId: string;
  staffPhone: string; // E.164, rung first; never shown to the citizen
  citizenPhone: string; // E.164, bridged once the staff member answers
  language: string; // of the staff member's prompt
}

export interface MessageProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
  /**
   * After a crash between sending and recording: did an earlier attempt of this message reach the provider?
   * Returns what it accepted then, so the worker records it instead of sending a second time.
   */
  findEarlierSend(message: OutgoingMessage, since: Date): Promise<SendResult | null>;
  /** Deletes what the provider still holds of a finished message (body, call log text, recording). */
  purge(item: { providerId: string | null; channel: string; recordingSid: string | null }): Promise<void>;
  /** Click-to-call: ring the staff member, then bridge to the citizen with the programme number as caller ID. */
  bridgeCall(input: BridgeCallInput): Promise<{ providerId: string }>;
}

/** Thrown by a provider for a failure worth retrying (timeouts, 5xx, rate limits). Anything else is final. */
export class TransientSendError extends Error {
  readonly transient = true;
}
