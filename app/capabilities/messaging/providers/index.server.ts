// Chooses the provider from configuration: no code change between the outbox and Twilio.
import type { AppConfig } from "~/context";
import type { MessageProvider } from "../provider";
import { outboxProvider } from "./outbox";
import { createTwilioProvider } from "./twilio.server";

const cache = new WeakMap<object, MessageProvider>();

export function providerFor(config: Pick<AppConfig, "messageProvider" | "twilio" | "publicUrl">): MessageProvider {
  if (config.messageProvider === "outbox" || !config.twilio) return outboxProvider;
  let provider = cache.get(config.twilio);
  if (!provider) cache.set(config.twilio, (provider = createTwilioProvider(config.twilio, config.publicUrl)));
  return provider;
}
