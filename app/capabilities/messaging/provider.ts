// The channel interface every provider implements (outbox now; Twilio with the messaging issue).
export interface OutgoingMessage {
  id: string;
  to: string; // E.164
  channel: "sms" | "voice";
  body: string;
  language: string;
  /** Stable per message; a provider must treat a repeat with the same key as the same message. */
  idempotencyKey: string;
}

export type DeliveryStatus = "sent" | "delivered";

export interface SendResult {
  providerId: string;
  status: DeliveryStatus;
}

export interface MessageProvider {
  readonly name: string;
  send(message: OutgoingMessage): Promise<SendResult>;
}

/** Thrown by a provider for a failure worth retrying (timeouts, 5xx, rate limits). Anything else is final. */
export class TransientSendError extends Error {
  readonly transient = true;
}
