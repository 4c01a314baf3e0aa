// Phone intake: look the caller up by number (any German format), then take the problem. Two steps on one
// page; the number stays in a hidden field, never in the URL. Ends on the new ticket with its reference.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { takeTicket } from "~/capabilities/helpdesk/report.server";
import { OpenTicketInput } from "~/capabilities/helpdesk/tickets.server";
import { parsePhone } from "~/lib/phone.server";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { CallerLookup, IntakeDetails } from "~/ui/PhoneIntake";
import { formIntent, newFormKey, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { intakeOptions } from "~/web/ticket-pages.server";
import { attempt, refusalReply } from "~/web/refusals.server";
import { lookUpCaller, LookupInput } from "~/web/caller-lookup.server";

export const handle: RouteHandle = {
  titleKey: "tickets:new.title",
  hydrate: true,
  // Only the second step (the problem) can be sent offline: looking the caller up needs the server.
  offline: { keep: true, queue: { kind: "ticket", then: "/team/today", redo: "/team/tickets/new" } },
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "ticket:manage");
  return { ...(await intakeOptions(ctx)), formKey: newFormKey() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "ticket:manage");
  const intent = await formIntent(request);

  if (intent !== "create") {
    const { submission } = await parseForm(request, LookupInput);
    if (submission.status !== "success") return data({ step: "lookup" as const, result: submission.reply() }, { status: 400 });
    return { step: "details" as const, caller: await lookUpCaller(ctx, submission.value.phone), result: null };
  }

  const { formData, submission } = await parseForm(request, OpenTicketInput);
  // The caller again, to show the second step with its errors (the number came in a hidden field).
  const phone = parsePhone(String(formData.get("phone") ?? ""));
  if (!phone) return data({ step: "lookup" as const, result: null }, { status: 400 });
  if (submission.status !== "success") {
    return data({ step: "details" as const, caller: await lookUpCaller(ctx, phone), result: submission.reply() }, { status: 400 });
  }
  const outcome = await attempt(() => takeTicket(ctx, submission.value));
  if (!outcome.ok) {
    return data(
      { step: "details" as const, caller: await lookUpCaller(ctx, phone), result: refusalReply(submission, outcome.refusal) },
      { status: outcome.refusal.status },
    );
  }
  return redirect(`/team/tickets/${outcome.value.id}?created=1`);
}

export default function NewTicket() {
  const { t } = useTranslation("tickets");
  const options = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/team/tickets">{t("new.back")}</BackLink>
      <PageHeading>{t("new.heading")}</PageHeading>
      <p>{t("new.intro")}</p>
      {answer?.step === "details" ? (
        <IntakeDetails caller={answer.caller} options={options} formKey={options.formKey} lastResult={answer.result} />
      ) : (
        <CallerLookup lastResult={answer?.result} />
      )}
    </>
  );
}
