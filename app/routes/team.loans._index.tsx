// Loans at the places where someone works: active, due soon, overdue, open follow-ups, returned.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listLocationsFor } from "~/capabilities/people/locations.server";
import { LOAN_VIEWS, type LoanView } from "~/capabilities/lending/loan-views";
import { listLoans } from "~/capabilities/lending/loans.server";
import { ButtonLink } from "~/ui/kit/Button";
import { LoanLocationFilter } from "~/ui/LoanDetails";
import { DateTime } from "~/ui/kit/DateTime";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { DataTable, Pagination } from "~/ui/kit/Table";
import { Tag } from "~/ui/kit/Tag";
import { ViewTabs } from "~/ui/kit/ViewTabs";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { loanRows } from "~/web/loan-pages.server";
import { pageFrom } from "~/web/pagination";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "loans:list.title", hydrate: true, offline: { keep: true, warm: true } };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:view");
  const url = new URL(request.url);
  const view = LOAN_VIEWS.find((v) => v === url.searchParams.get("view")) ?? "active";
  const locationId = url.searchParams.get("location") || null;
  const page = pageFrom(request);
  const [list, locations] = await Promise.all([
    respondTo(() => listLoans(ctx, { view, locationId, page })),
    listLocationsFor(ctx),
  ]);
  return {
    view,
    page,
    locationId,
    total: list.total,
    pageCount: list.pageCount,
    loans: loanRows(list.loans),
    locations: locations.map(({ id, name }) => ({ id, name })),
  };
}

export default function Loans() {
  const { t } = useTranslation("loans");
  const data = useLoaderData<typeof loader>();
  const href = (params: { view: LoanView; location?: string | null; page?: number }) =>
    `?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] != null).map(([k, v]) => [k, String(v)]))}`;
  return (
    <>
      <PageHeading>{t("list.heading")}</PageHeading>
      <p>
        <ButtonLink to="/team/loans/new">{t("list.new")}</ButtonLink>
      </p>
      <ViewTabs
        label={t("list.viewsLabel")}
        tabs={LOAN_VIEWS.map((v) => ({ href: href({ view: v, location: data.locationId }), label: t(`list.views.${v}`), current: v === data.view }))}
      />
      {data.locations.length > 1 ? <LoanLocationFilter view={data.view} locations={data.locations} locationId={data.locationId} /> : null}
      <DataTable
        caption={t("list.caption", { count: data.total, view: t(`list.views.${data.view}`) })}
        emptyText={t(`list.empty.${data.view}`)}
        rowKey={(_, i) => data.loans[i].id}
        columns={[
          { key: "reference", header: t("list.reference"), isRowHeader: true },
          { key: "person", header: t("list.person") },
          { key: "assetTag", header: t("list.device") },
          { key: "location", header: t("list.place") },
          { key: "dueAt", header: t("list.dueAt"), align: "end" },
        ]}
        rows={data.loans.map((loan) => ({
          reference: (
            <Link to={`/team/loans/${loan.id}`} className="loan-reference-link" dir="ltr">
              {loan.reference}
            </Link>
          ),
          person: loan.person,
          assetTag: <span dir="ltr">{loan.assetTag}</span>,
          location: loan.location,
          dueAt: (
            <>
              <DateTime iso={loan.dueAt} dateOnly />
              {loan.overdue ? <> <Tag tone="warning">{t("list.overdue")}</Tag></> : null}
              {loan.followUp ? <> <Tag tone="info">{t("list.followUp")}</Tag></> : null}
              {loan.status !== "active" ? <> <Tag>{t(`lending:loanStatus.${loan.status}`)}</Tag></> : null}
            </>
          ),
        }))}
      />
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={(p) => href({ view: data.view, location: data.locationId, page: p })} />
    </>
  );
}
