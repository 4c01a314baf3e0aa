// Builds what every request and the worker share: one database, one clock, one messenger.
import type { AppConfig, Services } from "~/context";
import { openDatabase } from "~/db.server";
import { systemClock, type Clock } from "~/lib/clock";
import { createMessenger } from "~/capabilities/messaging/messenger.server";

export async function createServices(config: AppConfig & { databaseUrl: string }, clock: Clock = systemClock): Promise<Services> {
  const db = await openDatabase(config.databaseUrl);
  return { db, clock, messenger: createMessenger(clock), config };
}
