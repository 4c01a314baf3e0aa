// Job: delete finished messages and recordings at the provider (Twilio); local copies by the retention job.
import type { Services } from "~/context";
import { applyRetention, purgeAtProvider } from "~/capabilities/messaging/purge.server";
import { providerFor } from "~/capabilities/messaging/providers/index.server";

export async function purgeProvider(services: Services): Promise<void> {
  await purgeAtProvider(services, providerFor(services.config));
}

export async function applyMessageRetention(services: Services): Promise<void> {
  await applyRetention(services, services.config.messaging.retentionDays);
}
