// The retention schedule as coordinators read it: each kind of record, how long it is kept, the operator's setting
// that changes it, and how many the next nightly run will remove (the dry run of the same code).
import type { AppConfig, StaffCtx } from "~/context";
import { can } from "~/capabilities/people/permissions";
import { forbidden } from "~/lib/errors";
import { audit, auditEntriesDue } from "../audit.server";
import { previewRetention } from "./run.server";
import type { RetentionSettings } from "./schedule.server";

/** The schedule's settings from the configuration (read once at start-up; see config.server.ts). */
export function retentionSettings(config: Pick<AppConfig, "retention" | "messaging">): RetentionSettings {
  const r = config.retention;
  return {
    ticketDays: r.ticketDays,
    loanDays: r.loanDays,
    appointmentDays: r.appointmentDays,
    callbackDays: r.callbackDays,
    waitlistDays: r.waitlistDays,
    messageDays: config.messaging.retentionDays,
  };
}

export interface ScheduleRow {
  /** The kind of record; its plain-words name and rule are translated on the page (team:retention.classes.<key>). */
  key: string;
  /** Days it is kept after it ended; null where the rule is not a number of days (a person: when nothing is left). */
  days: number | null;
  /** The operator's setting that changes it; null where there is none. */
  setting: string | null;
  /** How many the next run removes. */
  due: number;
}

/** The page: coordinators and admins (audit:view); looking at it is recorded like any other look at the log. */
export async function retentionOverview(
  ctx: StaffCtx,
  config: Pick<AppConfig, "retention" | "messaging">
): Promise<ScheduleRow[]> {
  if (!can(ctx.actor, "audit:view")) throw forbidden("audit:view");
  const s = retentionSettings(config);
  const due = await previewRetention(ctx, s);
  const auditDue = await auditEntriesDue(ctx, config.retention.auditDays);
  await audit(ctx, ctx.db, { action: "retention.viewed", subjectType: "Retention" });
  const row = (key: keyof typeof due, days: number | null, setting: string | null): ScheduleRow => ({
    key,
    days,
    setting,
    due: due[key],
  });
  return [
    row("tickets", s.ticketDays, "RETENTION_TICKET_DAYS"),
    row("loans", s.loanDays, "RETENTION_LOAN_DAYS"),
    row("reservations", s.waitlistDays, "RETENTION_WAITLIST_DAYS"),
    row("appointments", s.appointmentDays, "RETENTION_APPOINTMENT_DAYS"),
    row("walkIns", s.appointmentDays, "RETENTION_APPOINTMENT_DAYS"),
    row("dayWaits", s.appointmentDays, "RETENTION_APPOINTMENT_DAYS"),
    row("callbacks", s.callbackDays, "RETENTION_CALLBACK_DAYS"),
    row("calls", s.callbackDays, "RETENTION_CALLBACK_DAYS"),
    row("messageTexts", s.messageDays, "MESSAGE_RETENTION_DAYS"),
    row("recordings", s.messageDays, "MESSAGE_RETENTION_DAYS"),
    row("messages", s.messageDays, "MESSAGE_RETENTION_DAYS"),
    row("persons", null, null),
    { key: "audit", days: config.retention.auditDays, setting: "AUDIT_RETENTION_DAYS", due: auditDue },
  ];
}
