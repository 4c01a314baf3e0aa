// A place's waiting list in order: who is next, since when, what they want to learn, and any running offer.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "~/ui/kit/Button";
import { PageHeading } from "~/ui/kit/Layout";
import { Pagination } from "~/ui/kit/Table";
import { LocationChooser, WaitingListTable } from "~/ui/WaitingList";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { pageFrom } from "~/web/pagination";
import { requireStaff } from "~/web/session.server";
import { waitingListPage } from "~/web/waitlist.server";

export const handle: RouteHandle = { titleKey: "waitlist:list.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "waitlist:view");
  const page = pageFrom(request);
  const locationId = new URL(request.url).searchParams.get("location");
  return { page, ...(await respondTo(() => waitingListPage(ctx, { locationId, page }))) };
}

export default function WaitingList() {
  const { t } = useTranslation("waitlist");
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("list.heading")}</PageHeading>
      <p>
        <ButtonLink to="/team/waiting-list/new">{t("list.add")}</ButtonLink>
      </p>
      {data.locations.length > 1 ? <LocationChooser locations={data.locations} locationId={data.location?.id ?? null} /> : null}
      {data.location ? (
        <>
          <WaitingListTable caption={t("list.caption", { location: data.location.name, count: data.total })} entries={data.entries} />
          <Pagination
            page={data.page}
            pageCount={data.pageCount}
            hrefFor={(p) => `?${new URLSearchParams({ location: data.location!.id, page: String(p) })}`}
          />
        </>
      ) : (
        <p>{t("list.noLocations")}</p>
      )}
    </>
  );
}
