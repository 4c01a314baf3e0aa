// After a return: confirm the device was reset, its accounts removed and it is charged; then it is available again.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { confirmReset } from "~/capabilities/lending/loan-check-in.server";
import { ResetInput } from "~/capabilities/lending/loan-inputs.server";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { ResetForm } from "~/ui/LoanCheckIn";
import { respondTo } from "~/web/errors.server";
import { noticeCookie } from "~/web/flash.server";
import { parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { checkInPage } from "~/web/loan-pages.server";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/refusals.server";

export const handle: RouteHandle = { titleKey: "loans:reset.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:manage");
  return respondTo(() => checkInPage(ctx, params.loanId!, "reset"));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:manage");
  const { submission } = await parseForm(request, ResetInput);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await attempt(() => confirmReset(ctx, params.loanId!, submission.value));
  if (!outcome.ok) return data({ result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  return redirect(`/team/loans/${params.loanId}`, { headers: { "Set-Cookie": await noticeCookie(context, "loans:reset.done") } });
}

export default function Reset() {
  const { t } = useTranslation("loans");
  const { loan } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/team/loans/${loan.id}`}>{t("reset.back")}</BackLink>
      <PageHeading caption={`${loan.reference} · ${loan.assetTag}`}>{t("reset.heading")}</PageHeading>
      <p>{t(`lending:deviceStatus.${loan.deviceStatus}`)}</p>
      <ResetForm lastResult={answer?.result} />
    </>
  );
}
