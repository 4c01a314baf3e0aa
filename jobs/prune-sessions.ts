// Job: remove expired staff sessions.
import type { Services } from "~/context";
import { pruneSessions } from "~/capabilities/people/auth.server";

export async function pruneExpiredSessions(services: Services): Promise<void> {
  await pruneSessions(services);
}
