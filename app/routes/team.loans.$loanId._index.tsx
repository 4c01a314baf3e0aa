// One loan: who has which device until when, with which mentor; checklists, goals, follow-up, the mentoring
// sessions, the agreement to print, and the forms that work on it. Every view is audit-logged.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "~/ui/kit/Button";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { AgreementLinks, FollowUpNotice, LoanActions, LoanChecklists, LoanFacts, SessionList } from "~/ui/LoanDetails";
import { ReferenceCode } from "~/ui/kit/ReferenceCode";
import { respondTo } from "~/web/errors.server";
import { takeNotice } from "~/web/flash.server";
import type { RouteHandle } from "~/web/handle";
import { loanPage, performLoanAction } from "~/web/loan-pages.server";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "loans:loan.title", hydrate: true, offline: { keep: true } };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:view");
  const page = await respondTo(() => loanPage(ctx, params.loanId!));
  const { notice, headers } = await takeNotice(request, context);
  return data({ ...page, notice }, { headers });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:manage");
  return respondTo(() => performLoanAction(ctx, params.loanId!, request));
}

export default function Loan() {
  const { t } = useTranslation("loans");
  const { loan, canManage, timeZone, notice } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const created = params.has("created");
  return (
    <>
      <BackLink to="/team/loans">{t("loan.back")}</BackLink>
      {created ? (
        <ReferenceCode heading={t("loan.createdHeading")} label={t("loan.referenceLabel")} code={loan.reference} spelledLabel={t("loan.spelled")} />
      ) : (
        <PageHeading caption={t("loan.caption")}>
          <span className="loan-reference" dir="ltr">
            {loan.reference}
          </span>
        </PageHeading>
      )}
      {notice ? (
        <p className="notice" role="status">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      {created ? <p className="loan-print-next">{t("loan.printNext")}</p> : null}
      <h2>{t("loan.agreementHeading")}</h2>
      <AgreementLinks loanId={loan.id} />
      <LoanFacts loan={loan} timeZone={timeZone} />
      {canManage && loan.status === "active" ? (
        <p>
          <ButtonLink to={`/team/loans/${loan.id}/check-in`}>{t("loan.checkIn")}</ButtonLink>
        </p>
      ) : null}
      {canManage && loan.status !== "active" && loan.device.status === "needs_reset" ? (
        <p>
          <ButtonLink to={`/team/loans/${loan.id}/reset`}>{t("loan.confirmReset")}</ButtonLink>
        </p>
      ) : null}
      <FollowUpNotice loan={loan} />
      <LoanChecklists loan={loan} />
      <SessionList loan={loan} />
      {canManage ? <LoanActions loan={loan} actionData={actionData} /> : null}
    </>
  );
}
