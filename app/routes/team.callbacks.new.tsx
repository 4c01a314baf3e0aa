// Staff intake of a callback request (on the phone, at the desk): the number first, then who and when — the
// offered windows or one typed in. Two steps on one page; the number stays in a hidden field, never in the URL.
// Ends on the new callback with its time (or "needs a person").
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requestCallback, staffRequest, StaffCallbackInput } from "~/capabilities/scheduling/callbacks.server";
import { detectLanguage } from "~/i18n/detect.server";
import { parsePhone } from "~/lib/phone.server";
import { CallbackIntakeDetails, CallbackLookup } from "~/ui/CallbackIntake";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { intakeOptions } from "~/web/callback-pages.server";
import { noticeCookie } from "~/web/flash.server";
import { parseForm, formIntent } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/refusals.server";
import { lookUpCallbackCaller, LookupInput } from "~/web/caller-lookup.server";

export const handle: RouteHandle = { titleKey: "callbacks:new.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "callback:manage");
  return intakeOptions(ctx, detectLanguage(request));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "callback:manage");
  const lng = detectLanguage(request);
  const intent = await formIntent(request);
  if (intent !== "create") {
    const { submission } = await parseForm(request, LookupInput);
    if (submission.status !== "success") return data({ step: "lookup" as const, result: submission.reply() }, { status: 400 });
    return { step: "details" as const, caller: await lookUpCallbackCaller(ctx, submission.value.phone, lng), result: null };
  }
  const { formData, submission } = await parseForm(request, StaffCallbackInput);
  const phone = parsePhone(String(formData.get("phone") ?? ""));
  if (!phone) return data({ step: "lookup" as const, result: null }, { status: 400 });
  if (submission.status !== "success") {
    return data({ step: "details" as const, caller: await lookUpCallbackCaller(ctx, phone, lng), result: submission.reply() }, { status: 400 });
  }
  const outcome = await attempt(() => requestCallback(ctx, staffRequest(submission.value)));
  if (!outcome.ok) {
    return data(
      { step: "details" as const, caller: await lookUpCallbackCaller(ctx, phone, lng), result: refusalReply(submission, outcome.refusal) },
      { status: outcome.refusal.status },
    );
  }
  const key = outcome.value.scheduledAt ? "callbacks:new.createdScheduled" : "callbacks:new.createdUnscheduled";
  return redirect(`/team/callbacks/${outcome.value.id}`, {
    headers: { "Set-Cookie": await noticeCookie(context, key, { reference: outcome.value.reference }) },
  });
}

export default function NewCallback() {
  const { t } = useTranslation("callbacks");
  const options = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/team/callbacks">{t("new.back")}</BackLink>
      <PageHeading>{t("new.heading")}</PageHeading>
      {answer?.step === "details" ? (
        <CallbackIntakeDetails caller={answer.caller} options={options} lastResult={answer.result} />
      ) : (
        <CallbackLookup lastResult={answer?.result} />
      )}
    </>
  );
}
