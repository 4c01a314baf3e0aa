// The audit log: who read or changed what, when. Coordinators and admins only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listAuditEntries } from "~/capabilities/privacy/audit.server";
import { DataTable, Pagination } from "~/ui/kit/Table";
import { PageHeading } from "~/ui/kit/Layout";
import { DateTime } from "~/ui/kit/DateTime";
import type { RouteHandle } from "~/web/handle";
import { pageFrom } from "~/web/pagination";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "team:audit.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "audit:view");
  const page = pageFrom(request);
  const { entries, pageCount } = await listAuditEntries(ctx, { page });
  return {
    page,
    pageCount,
    entries: entries.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      actor: e.actor?.name ?? null,
      action: e.action,
      // A refused page is named by its path; records by the end of their id.
      subject: e.subjectType === "Page" ? (e.subjectId ?? "") : `${e.subjectType}${e.subjectId ? ` ${e.subjectId.slice(-6)}` : ""}`,
      location: e.location?.name ?? null,
    })),
  };
}

export default function AuditLog() {
  const { t } = useTranslation("team");
  const { entries, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("audit.heading")}</PageHeading>
      <DataTable
        caption={t("audit.caption")}
        emptyText={t("audit.empty")}
        columns={[
          { key: "at", header: t("audit.at") },
          { key: "actor", header: t("audit.actor") },
          { key: "action", header: t("audit.action") },
          { key: "subject", header: t("audit.subject") },
          { key: "location", header: t("audit.location") },
        ]}
        rows={entries.map((e) => ({
          id: e.id,
          at: <DateTime iso={e.at} />,
          actor: e.actor ?? t("audit.system"),
          action: t(`audit.actions.${e.action}`, { defaultValue: e.action }),
          subject: e.subject,
          location: e.location ?? "–",
        }))}
      />
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `?page=${p}`} />
    </>
  );
}
