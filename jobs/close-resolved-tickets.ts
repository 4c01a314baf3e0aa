// Job: close tickets resolved more than a week ago.
import type { Services } from "~/context";
import { closeResolvedTickets } from "~/capabilities/helpdesk/auto-close.server";

export async function closeResolved(services: Services): Promise<void> {
  await closeResolvedTickets(services);
}
