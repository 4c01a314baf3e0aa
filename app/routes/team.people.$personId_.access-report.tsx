// The access report (Art. 15) for one person, to print in their language, with the same data as a JSON file.
// Coordinators and admins; every opening is recorded in the access log. An unknown or erased person: a clear 404.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { isRouteErrorResponse, useLoaderData, useRouteError } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AccessReport } from "~/ui/AccessReport";
import { Button, buttonClassName } from "~/ui/kit/Button";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { PrintHint } from "~/ui/kit/PrintHint";
import { accessReportDocument } from "~/web/access-report.server";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "accessReport:pageTitle", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "person:export");
  return respondTo(() => accessReportDocument(ctx, params.personId!));
}

export default function AccessReportPage() {
  const { t } = useTranslation("accessReport");
  const report = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to={`/team/people/${report.personId}`}>{t("staff.back")}</BackLink>
      <PrintHint>{t("staff.hint", { language: report.languageName })}</PrintHint>
      <p className="access-report-screen-only no-print access-report-actions">
        <Button onPress={() => window.print()}>{t("staff.print")}</Button>{" "}
        <a href={`/team/people/${report.personId}/access-report/download`} className={buttonClassName("secondary")} download>
          {t("staff.download")}
        </a>
      </p>
      <AccessReport {...report} />
    </>
  );
}

/** A person that is not (or no longer) stored gets a sentence saying so, not the generic "page not found". */
export function ErrorBoundary() {
  const { t } = useTranslation("accessReport");
  const error = useRouteError();
  const status = isRouteErrorResponse(error) ? error.status : 500;
  const message = status === 404 ? "errors.personGone" : status === 403 ? "errors.forbidden" : "common:errors.page.500.body";
  return (
    <>
      <PageHeading>{t("pageTitle")}</PageHeading>
      <p role="alert">{t(message)}</p>
    </>
  );
}
