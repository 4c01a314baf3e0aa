// The helpdesk's working views (mine, location queue, unassigned, overdue, all) and the search. The search
// posts and comes back as an opaque token, so no phone number or name ends up in a URL.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { TICKET_VIEWS } from "~/capabilities/helpdesk/queries.server";
import { ButtonLink } from "~/ui/kit/Button";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { Pagination } from "~/ui/kit/Table";
import { QueueFilter, TicketSearch } from "~/ui/TicketSearch";
import { TicketTable } from "~/ui/TicketTable";
import { ViewTabs } from "~/ui/kit/ViewTabs";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { pageFrom } from "~/web/pagination";
import { requireStaff } from "~/web/session.server";
import { readSearch, saveSearch, SearchInput, ticketFormOptions, ticketList, viewFrom } from "~/web/ticket-pages.server";

export const handle: RouteHandle = { titleKey: "tickets:list.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireStaff(request, context, "ticket:view");
  const url = new URL(request.url);
  const view = viewFrom(url);
  const token = url.searchParams.get("search");
  const search = readSearch(ctx, token);
  const options = await ticketFormOptions(ctx);
  // Programme-wide staff belong to no location: their queue starts at the first one.
  const defaultLocation = actor.locationIds.length ? null : (options.locations[0]?.id ?? null);
  const locationId = view === "queue" ? url.searchParams.get("location") || defaultLocation : null;
  const page = pageFrom(request);
  const list = await ticketList(ctx, { view, page, q: search?.q, categoryId: search?.categoryId, locationId: locationId ?? undefined });
  return {
    view,
    views: TICKET_VIEWS,
    page,
    ...list,
    ...options,
    locationId,
    severalMemberships: actor.locationIds.length > 1,
    search: search && token ? { token, ...search } : null,
    searchExpired: Boolean(token && !search),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "ticket:view");
  const { submission } = await parseForm(request, SearchInput);
  if (submission.status !== "success") return invalid(submission);
  return redirect(`/team/tickets?view=all&search=${saveSearch(ctx, submission.value)}`);
}

export default function Tickets() {
  const { t } = useTranslation("tickets");
  const data = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const { view, search } = data;
  const href = (params: Record<string, string | number | null | undefined>) =>
    `?${new URLSearchParams(Object.entries(params).filter((e): e is [string, string | number] => e[1] != null).map(([k, v]) => [k, String(v)]))}`;
  const viewLabel = t(`list.views.${view}`);
  return (
    <>
      <PageHeading>{t("list.heading")}</PageHeading>
      <p>
        <ButtonLink to="/team/tickets/new">{t("list.new")}</ButtonLink>
      </p>
      <ViewTabs
        label={t("list.viewsLabel")}
        tabs={data.views.map((v) => ({ href: href({ view: v }), label: t(`list.views.${v}`), current: v === view && !search }))}
      />
      <TicketSearch key={search?.token ?? "none"} categories={data.categories} current={search} lastResult={actionData?.result} />
      {view === "queue" && data.locations.length > 1 ? (
        <QueueFilter
          locations={data.locations}
          locationId={data.locationId}
          allLabel={data.severalMemberships ? t("list.allMyLocations") : undefined}
        />
      ) : null}
      {data.searchExpired ? (
        <p className="notice" role="status">
          {t("search.expired")}
        </p>
      ) : null}
      {search ? (
        <p>
          <Link to={href({ view: "all" })}>{t("search.clear")}</Link>
        </p>
      ) : null}
      <TicketTable
        caption={search ? t("list.searchCaption", { count: data.total }) : t("list.caption", { count: data.total, view: viewLabel })}
        emptyText={search ? t("search.empty") : t(`list.empty.${view}`)}
        tickets={data.tickets}
      />
      <Pagination
        page={data.page}
        pageCount={data.pageCount}
        hrefFor={(p) => href({ view, location: data.locationId, search: search?.token, page: p })}
      />
    </>
  );
}
