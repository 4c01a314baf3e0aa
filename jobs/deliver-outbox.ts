// Job: send due outbox messages through the configured provider.
import type { Services } from "~/context";
import { deliverDueMessages } from "~/capabilities/messaging/deliver.server";
import { providerFor } from "~/capabilities/messaging/providers/index.server";

export async function deliverOutbox(services: Services): Promise<void> {
  await deliverDueMessages(services, providerFor(services.config));
}
