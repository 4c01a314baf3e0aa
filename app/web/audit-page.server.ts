// The access log for a data-protection officer: the filter read from the address (person, staff member, days), the
// page of entries with readable labels, and the same selection as a CSV file.
import type { TFunction } from "i18next";
import { auditStaffOptions, exportAuditEntries, listAuditEntries, type AuditFilter, type AuditRow } from "~/capabilities/privacy/audit.server";
import type { StaffCtx } from "~/context";
import { auditActionLabel, auditSubjectLabel } from "~/i18n/audit-labels";
import { isCalendarDay } from "~/lib/calendar-input";
import { CSV_BOM, csvLine } from "~/lib/csv-write";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { pageFrom } from "./pagination";

const ID = /^[A-Za-z0-9_-]{1,64}$/;

export interface AuditFilterError {
  fieldId: string;
  message: string;
}

/** The filter in the address, checked: a wrong value is named, and the log is then not shown at all. */
export function readAuditFilter(url: URL, staffIds: readonly string[]): { filter: AuditFilter; errors: AuditFilterError[] } {
  const value = (name: string) => url.searchParams.get(name)?.trim() || null;
  const [personId, staffId, fromDay, toDay] = [value("person"), value("staff"), value("from"), value("to")];
  const errors: AuditFilterError[] = [];
  if (personId && !ID.test(personId)) errors.push({ fieldId: "audit-person", message: "team:audit.errors.person" });
  if (staffId && !staffIds.includes(staffId)) errors.push({ fieldId: "audit-staff", message: "team:audit.errors.staff" });
  if (fromDay && !isCalendarDay(fromDay)) errors.push({ fieldId: "audit-from", message: "team:audit.errors.day" });
  if (toDay && !isCalendarDay(toDay)) errors.push({ fieldId: "audit-to", message: "team:audit.errors.day" });
  if (!errors.length && fromDay && toDay && fromDay > toDay) errors.push({ fieldId: "audit-to", message: "team:audit.errors.order" });
  return { filter: { personId, staffId, fromDay, toDay }, errors };
}

/** The query string of a filter, for the pages' links and the CSV link. */
export function auditQuery(filter: AuditFilter, extra: Record<string, string> = {}): string {
  const params = new URLSearchParams();
  if (filter.personId) params.set("person", filter.personId);
  if (filter.staffId) params.set("staff", filter.staffId);
  if (filter.fromDay) params.set("from", filter.fromDay);
  if (filter.toDay) params.set("to", filter.toDay);
  for (const [k, v] of Object.entries(extra)) params.set(k, v);
  const query = params.toString();
  return query ? `?${query}` : "";
}

const shape = (row: AuditRow) => ({ ...row, at: row.at.toISOString() });

/** The page; `retentionDays`: how long entries are kept, which the page tells its reader. */
export async function auditPage(ctx: StaffCtx, request: Request, retentionDays: number) {
  const staff = await auditStaffOptions(ctx);
  const { filter, errors } = readAuditFilter(new URL(request.url), staff.map((s) => s.id));
  const page = pageFrom(request);
  const query = auditQuery(filter);
  const everyoneQuery = auditQuery({ ...filter, personId: null });
  if (errors.length) return { retentionDays, filter, query, everyoneQuery, errors, staff, page, pageCount: 0, total: 0, entries: [], person: null };
  const { entries, total, pageCount, person } = await listAuditEntries(ctx, { page, filter });
  return { retentionDays, filter, query, everyoneQuery, errors, staff, page, pageCount, total, entries: entries.map(shape), person };
}

/** The CSV: one header line in the staff member's language, then every selected entry (times in Berlin time). */
export async function auditCsv(ctx: StaffCtx, request: Request, t: TFunction): Promise<ReadableStream<Uint8Array> | { errors: AuditFilterError[] }> {
  const staff = await auditStaffOptions(ctx);
  const { filter, errors } = readAuditFilter(new URL(request.url), staff.map((s) => s.id));
  if (errors.length) return { errors };
  const rows = exportAuditEntries(ctx, filter);
  const time = new Intl.DateTimeFormat("sv-SE", { timeZone: PROGRAMME_TIME_ZONE, dateStyle: "short", timeStyle: "medium" });
  const encoder = new TextEncoder();
  const header = ["at", "actor", "action", "subject", "person", "location", "details"].map((k) => t(`team:audit.${k}`));
  return new ReadableStream({
    start(controller) {
      controller.enqueue(encoder.encode(CSV_BOM + csvLine(header)));
    },
    async pull(controller) {
      const { value, done } = await rows.next();
      if (done) return controller.close();
      const text = value
        .map((row) =>
          csvLine([
            time.format(row.at),
            row.actor ?? t("team:audit.system"),
            auditActionLabel(t, row.action),
            auditSubjectLabel(t, row.subjectType, row.subjectId),
            row.person,
            row.location,
            row.details,
          ]),
        )
        .join("");
      controller.enqueue(encoder.encode(text));
    },
  });
}
