// Staff: a place's consultation hours — weekly hours, one-off extra hours and closures — with links to change them.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { categoryName } from "~/i18n/own-labels";
import { Button } from "~/ui/kit/Button";
import { SplitText } from "~/ui/HourForm";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { Select } from "~/ui/kit/Select";
import { DataTable } from "~/ui/kit/Table";
import { Tag } from "~/ui/kit/Tag";
import { takeNotice } from "~/web/flash.server";
import type { RouteHandle } from "~/web/handle";
import { hoursPage } from "~/web/hours-pages.server";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "hours:list.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "schedule:manage");
  const page = await hoursPage(ctx, new URL(request.url));
  const { notice, headers } = await takeNotice(request, context);
  return data({ ...page, notice }, { headers });
}

export default function HoursList() {
  const { t, i18n } = useTranslation("hours");
  const { locations, location, weekly, oneOff, closures, topics, notice } = useLoaderData<typeof loader>();
  const topicName = (key: string) => {
    const found = topics.find((c) => c.key === key);
    return found ? categoryName(t, i18n.language, found) : key;
  };
  const rowOf = (h: (typeof weekly)[number]) => ({
    when: (
      <Link to={`/team/hours/${h.id}`}>
        {h.weekday ? t(`weekday.${h.weekday}`) : h.onDate} {h.startTime}–{h.endTime}
      </Link>
    ),
    slot: t("form.minutes", { minutes: h.slotMinutes }),
    places: <SplitText capacity={h.capacity} split={h.split} />,
    topics: h.topics.length ? h.topics.map(topicName).join(", ") : t("list.allTopics"),
    valid: h.weekday
      ? [h.validFrom && t("list.from", { date: h.validFrom }), h.validUntil && t("list.until", { date: h.validUntil })]
          .filter(Boolean)
          .join(" ") || t("list.always")
      : "",
    status: h.closedBy ? (
      <Tag tone="warning">{t("list.closedDay", { reason: h.closedBy.reason ?? t("list.closedNoReason") })}</Tag>
    ) : h.active ? (
      <Tag tone="success">{t("list.active")}</Tag>
    ) : (
      <Tag>{t("list.inactive")}</Tag>
    ),
  });
  const columns = [
    { key: "when", header: t("list.when"), isRowHeader: true },
    { key: "slot", header: t("list.slot") },
    { key: "places", header: t("list.places") },
    { key: "topics", header: t("list.topics") },
    { key: "valid", header: t("list.valid") },
    { key: "status", header: t("list.status") },
  ];
  const query = location ? `?location=${location.id}` : "";

  return (
    <>
      <PageHeading caption={location?.name}>{t("list.heading")}</PageHeading>
      {notice ? (
        <p className="notice" role="status">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      {locations.length > 1 ? (
        <Form method="get" className="inline-form">
          <Select
            name="location"
            id="location"
            label={t("list.location")}
            defaultValue={location?.id}
            options={locations.map((l) => ({ value: l.id, label: l.name }))}
          />
          <Button type="submit">{t("list.show")}</Button>
        </Form>
      ) : null}
      {location ? (
        <>
          <p>{t("list.bookingsStay")}</p>
          <ul className="actions-list">
            <li>
              <Link to={`/team/hours/new${query}`}>{t("list.add")}</Link>
            </li>
            <li>
              <Link to={`/team/hours/closures${query}`}>{t("list.closuresLink")}</Link>
            </li>
          </ul>
          <DataTable
            caption={t("list.weekly")}
            columns={columns}
            rows={weekly.map(rowOf)}
            emptyText={t("list.noWeekly")}
            rowKey={(_, i) => weekly[i].id}
          />
          {oneOff.some((h) => h.closedBy) ? (
            <p className="warning" id="hours-closed-warning">
              {t("list.closedWarning")}
            </p>
          ) : null}
          <DataTable
            caption={t("list.oneOff")}
            columns={columns.filter((c) => c.key !== "valid")}
            rows={oneOff.map(rowOf)}
            emptyText={t("list.noOneOff")}
            rowKey={(_, i) => oneOff[i].id}
          />
          <DataTable
            caption={t("list.closures")}
            columns={[
              { key: "dates", header: t("closures.dates"), isRowHeader: true },
              { key: "reason", header: t("closures.reason") },
            ]}
            rows={closures.map((c) => ({
              dates: c.startsOn === c.endsOn ? c.startsOn : `${c.startsOn} – ${c.endsOn}`,
              reason: c.reason ?? "",
            }))}
            emptyText={t("list.noClosures")}
            rowKey={(_, i) => closures[i].id}
          />
        </>
      ) : (
        <p>{t("list.noLocation")}</p>
      )}
    </>
  );
}
