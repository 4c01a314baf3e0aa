// The access log screen: a filter (person, staff member, days), the entries with readable labels, a CSV download.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { auditActionLabel, auditSubjectLabel } from "~/i18n/audit-labels";
import { Button } from "~/ui/kit/Button";
import { DateField } from "~/ui/kit/DateField";
import { DateTime } from "~/ui/kit/DateTime";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { Select } from "~/ui/kit/Select";
import { DataTable, Pagination } from "~/ui/kit/Table";
import "./AuditLog.css";

export interface AuditLogProps {
  retentionDays: number;
  filter: { personId?: string | null; staffId?: string | null; fromDay?: string | null; toDay?: string | null };
  /** The filter as a query string ("?staff=…&from=…"), for the CSV link and the pages. */
  query: string;
  /** The same filter for everyone, not only the person. */
  everyoneQuery: string;
  errors: { fieldId: string; message: string }[];
  staff: { id: string; name: string }[];
  /** The filtered person's name, when the log is narrowed to one person who is still stored. */
  person: string | null;
  page: number;
  pageCount: number;
  total: number;
  entries: {
    id: string;
    at: string;
    actor: string | null;
    action: string;
    subjectType: string;
    subjectId: string | null;
    person: string | null;
    location: string | null;
  }[];
}

export function AuditLog({ retentionDays, filter, query, everyoneQuery, errors, staff, person, page, pageCount, total, entries }: AuditLogProps) {
  const { t } = useTranslation("team");
  const errorsFor = (fieldId: string) => errors.filter((e) => e.fieldId === fieldId).map((e) => e.message);
  const pageHref = (p: number) => `${query ? `${query}&` : "?"}page=${p}`;
  return (
    <>
      <PageHeading>{t("audit.heading")}</PageHeading>
      <p>{t("audit.intro", { days: retentionDays })}</p>
      <p>
        <Link to="/team/privacy/retention">{t("audit.retentionLink")}</Link>
      </p>
      <ErrorSummary errors={errors} />
      <Form method="get" className="audit-filter" aria-labelledby="audit-filter-heading">
        <h2 id="audit-filter-heading" className="audit-filter__heading">
          {t("audit.filter.heading")}
        </h2>
        {filter.personId && (
          <p className="audit-filter__person" id="audit-person">
            <input type="hidden" name="person" value={filter.personId} />
            {person ? t("audit.filter.aboutPerson", { name: person }) : t("audit.filter.aboutGonePerson")}{" "}
            <Link to={`/team/audit${everyoneQuery}`}>{t("audit.filter.everyone")}</Link>
          </p>
        )}
        <Select
          id="audit-staff"
          name="staff"
          label={t("audit.filter.staff")}
          placeholder={t("audit.filter.anyStaff")}
          defaultValue={filter.staffId ?? ""}
          errors={errorsFor("audit-staff")}
          options={staff.map((s) => ({ value: s.id, label: s.name }))}
        />
        <DateField id="audit-from" name="from" label={t("audit.filter.from")} defaultValue={filter.fromDay ?? undefined} errors={errorsFor("audit-from")} optional />
        <DateField id="audit-to" name="to" label={t("audit.filter.to")} defaultValue={filter.toDay ?? undefined} errors={errorsFor("audit-to")} optional />
        <Button type="submit">{t("audit.filter.submit")}</Button>
      </Form>
      {errors.length === 0 && (
        <>
          <p className="audit-export">
            <a href={`/team/audit/export${query}`} download>
              {t("audit.export", { count: total })}
            </a>
          </p>
          <DataTable
            caption={t("audit.caption", { count: total })}
            emptyText={t("audit.empty")}
            rowKey={(_row, index) => entries[index].id}
            columns={[
              { key: "at", header: t("audit.at") },
              { key: "actor", header: t("audit.actor") },
              { key: "action", header: t("audit.action") },
              { key: "subject", header: t("audit.subject") },
              { key: "person", header: t("audit.person") },
              { key: "location", header: t("audit.location") },
            ]}
            rows={entries.map((e) => ({
              at: <DateTime iso={e.at} />,
              actor: e.actor ?? t("audit.system"),
              action: auditActionLabel(t, e.action),
              subject: <span dir="ltr">{auditSubjectLabel(t, e.subjectType, e.subjectId)}</span>,
              person: e.person ?? "–",
              location: e.location ?? "–",
            }))}
          />
          <Pagination page={page} pageCount={pageCount} hrefFor={pageHref} />
        </>
      )}
    </>
  );
}
