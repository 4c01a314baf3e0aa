// How long things are kept, as the privacy notices (form, page, voice menu) say it — one source, from the settings.
import type { AppConfig } from "~/context";

/**
 * Requests, loans and appointments: 12 months after they end — the retention schedule's default (issue 15 item 1)
 * and what the loan agreement promises. When that schedule's settings land, read them here and nowhere else.
 */
export const REQUEST_RETENTION_MONTHS = 12;

/** The periods every notice names: requests (months), message texts and the access log (days, from their settings). */
export function noticePeriods(config: Pick<AppConfig, "messaging" | "retention">) {
  return { requestMonths: REQUEST_RETENTION_MONTHS, messageDays: config.messaging.retentionDays, auditDays: config.retention.auditDays };
}
export type NoticePeriods = ReturnType<typeof noticePeriods>;
