// The one messenger: renders a template in the person's language and writes an outbox row in the caller's transaction.
import { randomUUID } from "node:crypto";
import type { Tx } from "~/db.server";
import type { Clock } from "~/lib/clock";
import { getT } from "~/i18n/i18n.server";

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
  sendAfter?: Date;
  /** Give one when the same event could be recorded twice (e.g. an offline replay). */
  idempotencyKey?: string;
}

export interface Messenger {
  send(tx: Tx, input: SendInput): Promise<{ id: string }>;
}

/** Landlines cannot receive SMS; people who prefer voice get a call too. */
export function channelFor(to: Recipient): "sms" | "voice" {
  return to.phoneType === "landline" || to.contactPreference === "voice" ? "voice" : "sms";
}

export function createMessenger(clock: Clock): Messenger {
  return {
    async send(tx, input) {
      const channel = channelFor(input.to);
      const t = getT(input.to.language, "messages");
      const body = t(`${input.template}.${channel}`, { ...input.params });
      const message = await tx.message.create({
        data: {
          channel,
          personId: input.to.id ?? null,
          toPhone: input.to.phone,
          template: input.template,
          language: input.to.language,
          body,
          idempotencyKey: input.idempotencyKey ?? randomUUID(),
          sendAfter: input.sendAfter ?? clock.now(),
          createdAt: clock.now(),
        },
        select: { id: true },
      });
      return message;
    },
  };
}
