// How long things are kept, as the privacy notices (form, page, voice menu) say it — one source, from the settings.
import type { AppConfig } from "~/context";

const DAYS_PER_MONTH = 365.25 / 12;

/**
 * Requests, loans and appointments: "at the latest N months after they end" — the longest period of the retention
 * schedule (RETENTION_*_DAYS; 365 days = 12 months by default), rounded up so the notice never promises less.
 */
export function requestRetentionMonths(retention?: AppConfig["retention"]): number {
  if (!retention) return 12; // the schedule's defaults (365 days), for callers that were given no settings
  const longest = Math.max(retention.ticketDays, retention.loanDays, retention.appointmentDays, retention.callbackDays, retention.waitlistDays);
  return Math.max(1, Math.ceil(longest / DAYS_PER_MONTH - 1e-9));
}

/** The periods every notice names: requests (months), message texts and the access log (days, from their settings). */
export function noticePeriods(config: Pick<AppConfig, "messaging" | "retention">) {
  return { requestMonths: requestRetentionMonths(config.retention), messageDays: config.messaging.retentionDays, auditDays: config.retention.auditDays };
}
export type NoticePeriods = ReturnType<typeof noticePeriods>;
