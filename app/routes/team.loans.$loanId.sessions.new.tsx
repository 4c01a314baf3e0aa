// Staff: plan or record a mentoring session of a loan (whose loan, the learning goals, then the form).
// Saved → back to the loan with a confirmation; refusals (returned loan, outcome in the future) in the form.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { recordSession, SessionInput } from "~/capabilities/lending/mentoring.server";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { LoanSummary } from "~/ui/LoanSummary";
import { SessionForm } from "~/ui/SessionForm";
import { respondTo } from "~/web/errors.server";
import { noticeCookie } from "~/web/flash.server";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { sessionFormPage } from "~/web/mentoring-pages.server";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/refusals.server";

export const handle: RouteHandle = {
  titleKey: "mentoring:new.title",
  hydrate: true,
  offline: { keep: true, queue: { kind: "session", then: "/team/loans/:loanId", redo: "/team/loans/:loanId/sessions/new" } },
};

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:manage");
  return respondTo(() => sessionFormPage(ctx, params.loanId ?? ""));
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:manage");
  const loanId = params.loanId ?? "";
  const { submission } = await parseForm(request, SessionInput);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(() => recordSession(ctx, loanId, submission.value));
  if (!outcome.ok) return data({ result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  return redirect(`/team/loans/${loanId}`, {
    headers: { "Set-Cookie": await noticeCookie(context, "mentoring:new.savedNotice") },
  });
}

export default function NewSession() {
  const { t } = useTranslation("mentoring");
  const page = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/team/loans/${page.loan.id}`}>{t("backToLoan")}</BackLink>
      <PageHeading caption={t("new.caption", { name: page.loan.firstName, tag: page.loan.assetTag })}>{t("new.heading")}</PageHeading>
      <LoanSummary loan={page.loan} goals={page.goals} />
      {page.loan.active ? (
        <SessionForm
          id="session-new"
          topics={page.topics}
          mentors={page.mentors}
          idempotencyKey={page.idempotencyKey}
          lastResult={answer?.result}
          submitLabel={t("new.submit")}
          defaultValue={{
            date: page.today,
            time: "",
            durationMinutes: "60",
            topics: [],
            attendance: "",
            notes: "",
            mentorId: page.defaultMentorId,
          }}
        />
      ) : (
        <p className="notice" role="status">
          {t("errors.loanNotActive")}
        </p>
      )}
    </>
  );
}
