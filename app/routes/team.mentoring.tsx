// Coordinators: the mentoring programme in numbers for the funder, per location for one month. Counts only —
// no names, no notes — as a table that prints on A4.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { fromDate, toCalendarDate } from "@internationalized/date";
import { useTranslation } from "react-i18next";
import { topicName } from "~/i18n/own-labels";
import { mentoringReport } from "~/capabilities/lending/mentoring-report.server";
import { listTopics } from "~/capabilities/lending/topics.server";
import { Button } from "~/ui/kit/Button";
import { PageHeading } from "~/ui/kit/Layout";
import { PrintHint } from "~/ui/kit/PrintHint";
import { Select } from "~/ui/kit/Select";
import { DataTable } from "~/ui/kit/Table";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";

export const handle: RouteHandle = { titleKey: "mentoring:report.title", hydrate: true };

const MONTHS_BACK = 24;

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "topic:manage");
  const current = toCalendarDate(fromDate(ctx.clock.now(), PROGRAMME_TIME_ZONE)).set({ day: 1 });
  const months = Array.from({ length: MONTHS_BACK }, (_, i) => current.subtract({ months: i }).toString().slice(0, 7));
  const asked = new URL(request.url).searchParams.get("month") ?? "";
  const month = months.includes(asked) ? asked : months[0];
  const [rows, topics] = await Promise.all([respondTo(() => mentoringReport(ctx, month)), listTopics(ctx, { includeRetired: true })]);
  return { month, months, rows, topics: topics.map(({ id, key, labels }) => ({ id, key, labels })) };
}

export default function MentoringReport() {
  const { t, i18n } = useTranslation("mentoring");
  const { month, months, rows, topics } = useLoaderData<typeof loader>();
  const monthName = (m: string) =>
    new Intl.DateTimeFormat(i18n.language, { month: "long", year: "numeric", timeZone: "UTC" }).format(new Date(`${m}-15T00:00:00Z`));
  const number = new Intl.NumberFormat(i18n.language, { maximumFractionDigits: 1 });
  const nameOf = (id: string) => {
    const topic = topics.find((x) => x.id === id);
    return topic ? topicName(t, i18n.language, topic) : id;
  };
  return (
    <>
      <PageHeading caption={monthName(month)}>{t("report.heading")}</PageHeading>
      <p>{t("report.intro")}</p>
      <Form method="get" className="no-print">
        <Select
          key={month}
          id="report-month"
          name="month"
          label={t("report.month")}
          defaultValue={month}
          options={months.map((m) => ({ value: m, label: monthName(m) }))}
        />
        <Button type="submit" variant="secondary">
          {t("report.show")}
        </Button>
      </Form>
      <PrintHint>{t("report.printHint")}</PrintHint>
      <DataTable
        caption={t("report.caption", { month: monthName(month) })}
        emptyText={t("report.empty")}
        columns={[
          { key: "location", header: t("report.columnLocation"), isRowHeader: true },
          { key: "loans", header: t("report.columnLoans"), align: "end" },
          { key: "held", header: t("report.columnHeld"), align: "end" },
          { key: "attended", header: t("report.columnAttended"), align: "end" },
          { key: "noShow", header: t("report.columnNoShow"), align: "end" },
          { key: "hours", header: t("report.columnHours"), align: "end" },
          { key: "topics", header: t("report.columnTopics") },
        ]}
        rowKey={(_, index) => rows[index].locationId}
        rows={rows.map((r) => ({
          location: r.location,
          loans: r.loansStarted,
          held: r.sessionsHeld,
          attended: r.attended,
          noShow: r.noShow,
          hours: number.format(r.minutes / 60),
          topics: r.topTopics.length
            ? r.topTopics.map((x) => t("report.topicCount", { name: nameOf(x.topicId), count: x.count })).join(", ")
            : "—",
        }))}
      />
    </>
  );
}
