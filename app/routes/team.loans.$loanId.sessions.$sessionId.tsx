// Staff: one mentoring session of a loan: what was planned or happened, and the form to reschedule it or
// record the outcome (attended / did not come) and notes afterwards.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getSession, SessionInput, updateSession } from "~/capabilities/lending/mentoring.server";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { LoanSummary } from "~/ui/LoanSummary";
import { SessionDetails } from "~/ui/SessionDetails";
import { SessionForm } from "~/ui/SessionForm";
import { respondTo } from "~/web/errors.server";
import { noticeCookie, takeNotice } from "~/web/flash.server";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { sessionPage } from "~/web/mentoring-pages.server";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/refusals.server";

export const handle: RouteHandle = { titleKey: "mentoring:session.title", hydrate: true };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:manage");
  const page = await respondTo(() => sessionPage(ctx, params.loanId ?? "", params.sessionId ?? ""));
  const { notice, headers } = await takeNotice(request, context);
  return data({ ...page, notice }, { headers });
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:manage");
  const { loanId = "", sessionId = "" } = params;
  // The session must belong to this loan; updateSession checks that the actor may manage it.
  await respondTo(() => getSession(ctx, loanId, sessionId));
  const { submission } = await parseForm(request, SessionInput);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(() => updateSession(ctx, sessionId, submission.value));
  if (!outcome.ok) return data({ result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  return redirect(`/team/loans/${loanId}/sessions/${sessionId}`, {
    headers: { "Set-Cookie": await noticeCookie(context, "mentoring:session.savedNotice") },
  });
}

export default function Session() {
  const { t } = useTranslation("mentoring");
  const { loan, goals, topics, mentors, session, notice } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/team/loans/${loan.id}`}>{t("backToLoan")}</BackLink>
      <PageHeading caption={t("new.caption", { name: loan.firstName, tag: loan.assetTag })}>{t("session.heading")}</PageHeading>
      {notice ? (
        <p className="notice" role="status">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      <SessionDetails session={session} topics={topics} timeZone={loan.timeZone} />
      <LoanSummary loan={loan} goals={goals} />
      <section aria-labelledby="session-edit-heading">
        <h2 id="session-edit-heading">{t("session.editHeading")}</h2>
        <p>{t("session.editIntro")}</p>
        <SessionForm
          id="session-edit"
          topics={topics}
          mentors={mentors}
          lastResult={answer?.result}
          submitLabel={t("session.save")}
          defaultValue={{
            date: session.date,
            time: session.time,
            durationMinutes: String(session.durationMinutes),
            topics: session.topics,
            attendance: session.attendance,
            notes: session.notes,
            mentorId: session.mentorId ?? "",
          }}
        />
      </section>
    </>
  );
}
