// Callbacks: what is due now first, then the rest of today, then — for coordinators — the ones that need a
// person and the failed ones.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { detectLanguage } from "~/i18n/detect.server";
import { ButtonLink } from "~/ui/kit/Button";
import { CallbackTable } from "~/ui/CallbackTable";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { callbackList } from "~/web/callback-pages.server";
import { takeNotice } from "~/web/flash.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "callbacks:list.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "callback:manage");
  const { notice, headers } = await takeNotice(request, context);
  return data({ ...(await callbackList(ctx, detectLanguage(request))), notice }, { headers });
}

export default function Callbacks() {
  const { t } = useTranslation("callbacks");
  const { dueNow, laterToday, unscheduled, failed, coordinator, notice } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("list.heading")}</PageHeading>
      {notice ? (
        <p role="status" className="notice">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      <p>
        <ButtonLink to="/team/callbacks/new">{t("list.new")}</ButtonLink>
      </p>
      <p>
        <Link to="/team/callbacks/hours">{t("list.hours")}</Link> · <Link to="/team/calendar">{t("list.calendar")}</Link>
      </p>
      <section aria-labelledby="due-now">
        <h2 id="due-now">{t("list.dueNow")}</h2>
        <CallbackTable caption={t("list.dueNowCaption")} rows={dueNow} emptyText={t("list.dueNowEmpty")} />
      </section>
      <section aria-labelledby="later-today">
        <h2 id="later-today">{t("list.laterToday")}</h2>
        <CallbackTable caption={t("list.laterTodayCaption")} rows={laterToday} emptyText={t("list.laterTodayEmpty")} />
      </section>
      {coordinator ? (
        <>
          <section aria-labelledby="unscheduled">
            <h2 id="unscheduled">{t("list.unscheduled")}</h2>
            <CallbackTable caption={t("list.unscheduledCaption")} rows={unscheduled} emptyText={t("list.unscheduledEmpty")} />
          </section>
          <section aria-labelledby="failed">
            <h2 id="failed">{t("list.failed")}</h2>
            <CallbackTable caption={t("list.failedCaption")} rows={failed} emptyText={t("list.failedEmpty")} />
          </section>
        </>
      ) : null}
    </>
  );
}
