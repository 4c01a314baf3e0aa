// One callback: who, when, the phone as a tel: link, its attempts, and the forms to record an attempt, move or
// cancel it. Viewing is audit-logged ("callback.viewed").
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import {
  AttemptInput,
  cancelCallback,
  recordAttempt,
  rescheduleCallback,
  RescheduleInput,
} from "~/capabilities/scheduling/callback-attempts.server";
import { detectLanguage } from "~/i18n/detect.server";
import { AppError } from "~/lib/errors";
import { AttemptForm, CancelForm, RescheduleForm } from "~/ui/CallbackActions";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink, Link } from "~/ui/kit/Link";
import { SummaryList } from "~/ui/kit/SummaryList";
import { Tag } from "~/ui/kit/Tag";
import { DateTime } from "~/ui/kit/DateTime";
import { CallNow } from "~/ui/CallNow";
import { callbackPage } from "~/web/callback-pages.server";
import { callPanelFor, mergeHeaders } from "~/web/click-to-call.server";
import { errorResponse, respondTo } from "~/web/errors.server";
import { noticeCookie, takeNotice } from "~/web/flash.server";
import { parseForm, formIntent } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/refusals.server";
import { PersonAsGiven } from "~/ui/PersonAsGiven";

export const handle: RouteHandle = { titleKey: "callbacks:detail.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "callback:manage");
  const { notice, headers } = await takeNotice(request, context);
  const page = await respondTo(() => callbackPage(ctx, params.callbackId!, detectLanguage(request)));
  const call = await callPanelFor(request, context, ctx, { callbackId: params.callbackId! });
  return data({ ...page, notice, callPanel: call.panel }, { headers: mergeHeaders(headers, call.headers) });
}

const ACTIONS = { attempt: AttemptInput, reschedule: RescheduleInput, cancel: z.object({}) } as const;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "callback:manage");
  const intent = await formIntent(request);
  if (intent !== "attempt" && intent !== "reschedule" && intent !== "cancel") throw errorResponse(new AppError(400, "errors.page.400.body"));
  const { submission } = await parseForm(request, ACTIONS[intent]);
  if (submission.status !== "success") return data({ intent, result: submission.reply() }, { status: 400 });
  const id = params.callbackId!;
  const programmePhone = context.services.config.programmePhone;
  const outcome = await attempt(async () => {
    if (intent === "attempt") return (await recordAttempt(ctx, id, submission.value as z.output<typeof AttemptInput>, { programmePhone })).status;
    if (intent === "reschedule") return (await rescheduleCallback(ctx, id, submission.value as z.output<typeof RescheduleInput>), "scheduled");
    return (await cancelCallback(ctx, id), "cancelled");
  });
  if (!outcome.ok) return data({ intent, result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  return redirect(`/team/callbacks/${id}`, { headers: { "Set-Cookie": await noticeCookie(context, `callbacks:detail.saved.${outcome.value}`) } });
}

export default function CallbackDetail() {
  const { t } = useTranslation("callbacks");
  const { callback, attempts, notice, callPanel } = useLoaderData<typeof loader>();
  const { t: tc } = useTranslation("calls");
  // A finished click-to-call: a missed one is already an attempt; a conversation still needs its outcome.
  const call = callPanel.call;
  const ended = call && !call.active && call.endedAt ? call.endedAt : null;
  const needsOutcome = Boolean(ended && call?.state === "completed" && !attempts.some((a) => a.at >= ended));
  const missed = Boolean(ended && ["busy", "no_answer", "failed"].includes(call!.state));
  const answer = useActionData<typeof action>();
  const result = (intent: string) => (answer?.intent === intent ? answer.result : undefined);
  return (
    <>
      <BackLink to="/team/callbacks">{t("detail.back")}</BackLink>
      <PageHeading caption={<span dir="ltr">{callback.reference}</span>}>{t("detail.heading", { person: callback.person })}</PageHeading>
      {notice ? (
        <p role="status" className="notice">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: "status", label: t("detail.status"), value: <Tag tone={callback.status === "failed" ? "warning" : callback.status === "done" ? "success" : "info"}>{t(`status.${callback.status}`)}</Tag> },
          { key: "person", label: t("list.person"), value: <PersonAsGiven person={{ id: callback.personId, name: callback.person, given: callback.given }} /> },
          { key: "when", label: t("detail.when"), value: callback.when ?? t("detail.noTime") },
          { key: "phone", label: t("list.phone"), value: <a href={`tel:${callback.phone.e164}`} dir="ltr">{callback.phone.display}</a> },
          { key: "assigned", label: t("detail.assigned"), value: callback.assigned ?? "–" },
          { key: "location", label: t("detail.location"), value: callback.location ?? t("detail.anyLocation") },
          { key: "topic", label: t("list.topic"), value: callback.topic ?? "–" },
          { key: "concern", label: t("form.concern"), value: callback.concern ?? "–" },
          { key: "windows", label: t("detail.windows"), value: <ul>{callback.windows.map((w) => <li key={w}>{w}</li>)}</ul> },
          { key: "attempts", label: t("list.attempts"), value: callback.attemptCount },
          ...(callback.ticketId ? [{ key: "ticket", label: t("detail.ticket"), value: <Link to={`/team/tickets/${callback.ticketId}`}>{t("detail.openTicket")}</Link> }] : []),
        ]}
      />
      {callback.open ? (
        <CallNow {...callPanel} after={needsOutcome ? tc("after.recordOutcome") : missed ? tc("after.attemptRecorded") : null} />
      ) : null}
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">{t("detail.attempts")}</h2>
        {attempts.length ? (
          <ol>
            {attempts.map((a) => (
              <li key={a.id}>
                <DateTime iso={a.at} /> – {t(`outcome.${a.outcome}`)}
                {a.staff ? ` (${a.staff})` : ""}
                {a.note ? `: ${a.note}` : ""}
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("detail.noAttempts")}</p>
        )}
      </section>
      {callback.open ? (
        <>
          <AttemptForm key={needsOutcome ? "reached" : "none"} lastResult={result("attempt")} defaultOutcome={needsOutcome ? "reached" : undefined} />
          <RescheduleForm lastResult={result("reschedule")} />
          <CancelForm lastResult={result("cancel")} />
        </>
      ) : null}
    </>
  );
}
