// Chooses the provider from configuration: no code change between the outbox and a real SMS/voice service.
import type { AppConfig } from "~/context";
import type { MessageProvider } from "../provider";
import { outboxProvider } from "./outbox";

export function providerFor(config: Pick<AppConfig, "messageProvider">): MessageProvider {
  switch (config.messageProvider) {
    case "outbox":
      return outboxProvider;
    default:
      // The Twilio provider arrives with the messaging issue; until then refuse loudly at start-up.
      throw new Error(`Message provider "${config.messageProvider}" is not available in this version`);
  }
}
