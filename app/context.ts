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

/**
 * Capability functions take `ctx` first, and `ctx.db` is always the database itself (so whoever holds a ctx may open
 * a transaction). The one exception: a helper that must work inside its caller's transaction takes that transaction
 * as its second parameter, `helper(ctx, tx, …)`, and reads and writes only through it; a caller that has no
 * transaction open passes `ctx.db`. A capability that opens its own transaction and is also needed inside another's
 * has a twin taking `(ctx, tx, …)` (e.g. `openTicket` and `openTicketIn`) — never a transaction disguised as a
 * database.
 */
export interface Ctx {
  db: Db;
  clock: Clock;
  messenger: Messenger;
  actor: Actor;
}

/** A ctx whose actor is a signed-in staff member: what staff pages hand to capabilities. */
export type StaffCtx = Ctx & { actor: StaffActor };

export interface AppConfig {
  publicUrl: string;
  sessionSecret: string;
  sessionIdleMinutes: number;
  /** A staff session ends this many hours after sign-in, however active (besides the idle timeout). */
  sessionMaxHours: number;
  programmePhone: string;
  secureCookies: boolean;
  messageProvider: "outbox" | "twilio";
  /** Set when MESSAGE_PROVIDER is twilio (or Twilio credentials are given); webhooks are refused without it. */
  twilio: TwilioConfig | null;
  messaging: MessagingLimits;
  /** The privacy page's controller, data-protection officer and supervisory authority (free text from the settings). */
  privacy: { controller: string | null; dpoContact: string | null; supervisoryAuthority: string };
  /** How long each kind of record is kept, in days (the retention schedule; messages: `messaging.retentionDays`). */
  retention: RetentionDays;
}

export interface RetentionDays {
  /** The access log (AUDIT_RETENTION_DAYS). */
  auditDays: number;
  /** Closed tickets with their timeline and messages, after closing (RETENTION_TICKET_DAYS). */
  ticketDays: number;
  /** Ended loans with agreement, sessions and photos, after the return (RETENTION_LOAN_DAYS; the agreement says it). */
  loanDays: number;
  /** Past appointments, walk-ins and day waits (RETENTION_APPOINTMENT_DAYS). */
  appointmentDays: number;
  /** Finished callbacks with their attempts, and calls that belong to nothing else (RETENTION_CALLBACK_DAYS). */
  callbackDays: number;
  /** Ended places on a tablet waiting list; 0 = the next night (RETENTION_WAITLIST_DAYS). */
  waitlistDays: number;
}

export interface TwilioConfig {
  accountSid: string;
  /** Signs Twilio's webhooks; also the REST credential unless an API key is given. */
  authToken: string;
  apiKey?: string;
  apiSecret?: string;
  /** The programme's number at Twilio: sender of SMS, caller ID of calls. E.164. */
  fromNumber: string;
  /** Tests and benchmarks only: where the SDK's HTTP requests go instead of https://*.twilio.com. */
  apiBaseUrl?: string;
}

export interface MessagingLimits {
  /** Overall sends per second, across all numbers. */
  perSecond: number;
  /** Sends to one number per hour; more wait for the next hour (a burst of reminders must not flood one phone). */
  perNumberPerHour: number;
  /** Days a message body is kept locally after its final status; then the body is blanked. */
  retentionDays: number;
}

export type { Tx } from "~/db.server";

export function withActor(services: Services, actor: Actor): Ctx {
  return { db: services.db, clock: services.clock, messenger: services.messenger, actor };
}
