// Every job type the worker knows, and the recurring schedule. One file per job in jobs/.
import type { Services } from "~/context";
import type { Job } from "~/generated/prisma/client";
import { applyPrivacyRetention } from "./apply-retention";
import { appointmentReminders } from "./appointment-reminders";
import { closeResolved } from "./close-resolved-tickets";
import { completeErasures } from "./complete-erasures";
import { dayWaitOffers } from "./day-wait-offers";
import { deliverOutbox } from "./deliver-outbox";
import { lendingOffers, pruneReservations } from "./lending-offers";
import { lendingReminders } from "./lending-reminders";
import { optimizeDatabase } from "./optimize-database";
import { pruneAudit } from "./prune-audit";
import { pruneFinishedJobs } from "./prune-jobs";
import { pruneExpiredSessions } from "./prune-sessions";
import { applyMessageRetention, purgeProvider } from "./purge-provider";

export type JobHandler = (services: Services, payload: Record<string, unknown>, job: Job) => Promise<void>;

export const handlers: Record<string, JobHandler> = {
  "messaging.deliverOutbox": deliverOutbox,
  "messaging.purgeProvider": purgeProvider,
  "messaging.applyRetention": applyMessageRetention,
  "jobs.prune": pruneFinishedJobs,
  "people.pruneSessions": pruneExpiredSessions,
  "privacy.pruneAudit": pruneAudit,
  "privacy.applyRetention": applyPrivacyRetention,
  "privacy.completeErasures": completeErasures,
  "helpdesk.closeResolved": closeResolved,
  "db.optimize": optimizeDatabase,
  "lending.offers": lendingOffers,
  "lending.pruneReservations": pruneReservations,
  "lending.reminders": lendingReminders,
  "scheduling.appointmentReminders": appointmentReminders,
  "scheduling.dayWaitOffers": dayWaitOffers,
};

/** croner patterns (with seconds). Each tick enqueues one job, deduplicated across workers by its unique key. */
export const schedule: { type: string; cron: string }[] = [
  { type: "messaging.deliverOutbox", cron: "*/10 * * * * *" },
  { type: "messaging.purgeProvider", cron: "0 */5 * * * *" },
  { type: "messaging.applyRetention", cron: "0 20 3 * * *" },
  { type: "jobs.prune", cron: "0 30 3 * * *" },
  { type: "people.pruneSessions", cron: "0 0 * * * *" },
  { type: "privacy.pruneAudit", cron: "0 10 3 * * *" },
  // After the message texts (03:20) and before the database is tidied (03:45): freed pages are reused by then.
  { type: "privacy.applyRetention", cron: "0 25 3 * * *" },
  { type: "privacy.completeErasures", cron: "0 25 * * * *" },
  { type: "helpdesk.closeResolved", cron: "0 15 * * * *" },
  { type: "db.optimize", cron: "0 45 3 * * *" },
  { type: "lending.offers", cron: "0 * * * * *" },
  { type: "lending.pruneReservations", cron: "0 50 3 * * *" },
  { type: "lending.reminders", cron: "0 5 * * * *" },
  { type: "scheduling.appointmentReminders", cron: "0 */15 * * * *" },
  { type: "scheduling.dayWaitOffers", cron: "0 * * * * *" },
];
