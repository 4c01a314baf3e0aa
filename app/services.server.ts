// Builds what every request and the worker share: one database, one clock, one messenger.
import type { AppConfig, Services } from "~/context";
import { openDatabase } from "~/db.server";
import { shiftedClock, systemClock, type Clock } from "~/lib/clock";
import { createMessenger } from "~/capabilities/messaging/messenger.server";

/** The clock the settings ask for: the system's, unless CLOCK_OFFSET_MS moves it (browser tests, demos). */
export function configuredClock(config: { clockOffsetMs?: number }): Clock {
  return config.clockOffsetMs ? shiftedClock(config.clockOffsetMs) : systemClock;
}

export async function createServices(config: AppConfig & { databaseUrl: string; clockOffsetMs?: number }, clock: Clock = configuredClock(config)): Promise<Services> {
  const db = await openDatabase(config.databaseUrl);
  return { db, clock, messenger: createMessenger(clock, config), config };
}
