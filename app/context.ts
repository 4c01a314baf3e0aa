// What every capability function receives first: { db, clock, messenger, actor }.
import type { Db } from "~/db.server";
import type { Clock } from "~/lib/clock";
import type { Messenger } from "~/capabilities/messaging/messenger.server";
import type { StaffActor } from "~/capabilities/people/permissions";

export type Actor = StaffActor | { kind: "citizen" } | { kind: "system"; name: string };

/** Shared by every request and the worker; created once in server.ts. */
export interface Services {
  db: Db;
  clock: Clock;
  messenger: Messenger;
  config: AppConfig;
}

export interface Ctx {
  db: Db;
  clock: Clock;
  messenger: Messenger;
  actor: Actor;
}

export interface AppConfig {
  publicUrl: string;
  sessionSecret: string;
  sessionIdleMinutes: number;
  programmePhone: string;
  secureCookies: boolean;
  messageProvider: "outbox" | "twilio";
}

/** Transaction client: what `db.$transaction(async (tx) => …)` hands over. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export function withActor(services: Services, actor: Actor): Ctx {
  return { db: services.db, clock: services.clock, messenger: services.messenger, actor };
}
