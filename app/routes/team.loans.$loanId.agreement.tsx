// The loan agreement to print: `?variant=person` in the borrower's language, `?variant=large` in German, large print.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData, useParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink, Link } from "~/ui/kit/Link";
import { LoanAgreement } from "~/ui/LoanAgreement";
import { PrintHint } from "~/ui/kit/PrintHint";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { agreementPage } from "~/web/loan-pages.server";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "loans:agreement.pageTitle", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:view");
  const variant = new URL(request.url).searchParams.get("variant") === "large" ? "large" : "person";
  return respondTo(() => agreementPage(ctx, params.loanId!, variant, context.services.config.retention.loanDays));
}

export default function Agreement() {
  const { t } = useTranslation("loans");
  const agreement = useLoaderData<typeof loader>();
  const { loanId } = useParams();
  const other = agreement.variant === "large" ? "person" : "large";
  return (
    <>
      <BackLink to={`/team/loans/${loanId}`}>{t("agreement.back")}</BackLink>
      <PrintHint>
        {t("agreement.printHint")}{" "}
        <Link to={`?variant=${other}`}>{t(`agreement.switchTo.${other}`)}</Link>
      </PrintHint>
      <LoanAgreement {...agreement} />
    </>
  );
}
