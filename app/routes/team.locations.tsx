// The places this staff member works at (all of them for coordinators and admins).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listLocationsFor } from "~/capabilities/people/locations.server";
import { can } from "~/capabilities/people/permissions";
import { Link } from "~/ui/kit/Link";
import { DataTable } from "~/ui/kit/Table";
import { PageHeading } from "~/ui/kit/Layout";
import { OpeningHours } from "~/ui/OpeningHours";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { takeNotice } from "~/web/flash.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "team:locations.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx, actor } = await requireStaff(request, context, "location:view");
  const locations = (await listLocationsFor(ctx)).map((l) => ({ ...l, canManage: can(actor, "location:manage", l.id) }));
  const { notice, headers } = await takeNotice(request, context);
  return data({ locations, notice }, { headers });
}

export default function Locations() {
  const { t } = useTranslation("team");
  const { locations, notice } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("locations.heading")}</PageHeading>
      {notice ? (
        <p className="notice" role="status">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      <DataTable
        caption={t("locations.caption", { count: locations.length })}
        emptyText={t("locations.empty")}
        columns={[
          { key: "name", header: t("locations.name") },
          { key: "kind", header: t("locations.kind") },
          { key: "address", header: t("locations.address") },
          { key: "phone", header: t("locations.phone") },
          { key: "hours", header: t("locations.openingHours") },
          { key: "lending", header: t("locations.lending") },
          { key: "staff", header: t("locations.staff"), align: "end" },
        ]}
        rows={locations.map((l) => ({
          id: l.id,
          name: l.name,
          kind: t(`common:locationKind.${l.kind}`),
          address: `${l.street}, ${l.postalCode} ${l.city}`,
          phone: <PhoneNumber phone={l.phone} />,
          hours: <OpeningHours hours={l.openingHours} />,
          lending: (
            <>
              {t("locations.lendingSummary", { weeks: l.loanWeeks, days: l.offerDays })}
              {l.canManage ? (
                <>
                  {" "}
                  <Link to={`/team/locations/${l.id}/lending`}>{t("locations.changeLending", { name: l.name })}</Link>
                </>
              ) : null}
            </>
          ),
          staff: l._count.memberships,
        }))}
      />
    </>
  );
}
