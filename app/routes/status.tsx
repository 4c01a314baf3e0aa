// "Stand Ihrer Anfrage": any reference a citizen was given (ticket, callback, appointment, tablet waiting list) + last 4
// digits → where it stands, what comes next and our last message, in the page's language.
// No JavaScript. The answer is rendered from the action (the code never goes into a URL); a wrong code and wrong
// digits get the same answer; lookups that find nothing are rate-limited per address.
import type { ActionFunctionArgs, HeadersFunction } from "@remix-run/node";
import { data } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { checkRequestStatus, StatusCheckInput } from "~/capabilities/helpdesk/status-check.server";
import { useRootData } from "~/ui/root-data";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { allowStatusCheck, statusCheckFound } from "~/web/rate-limit.server";
import { statusView, type StatusView } from "~/web/status-page.server";
import { RequestStatusResult } from "~/ui/RequestStatusResult";
import { withActor } from "~/context";
import { PrivacyNotice } from "~/ui/PrivacyNotice";

export const handle: RouteHandle = {
  titleKey: "citizen:status.title",
  // The answer has a title of its own (not the form's); the reference stays out of it, as out of the URL.
  title: ({ actionData }) => ((actionData as { found?: unknown } | undefined)?.found ? { key: "citizen:status.resultTitle" } : undefined),
  offline: { keep: true },
};

// A status answer is for this person only: no cache keeps it.
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, StatusCheckInput);
  if (submission.status !== "success") return invalid(submission);

  if (!(await allowStatusCheck(context.clientIp))) {
    return data({ result: submission.reply({ formErrors: ["citizen:status.tooMany"] }), found: null }, { status: 429 });
  }
  const found = await checkRequestStatus(withActor(context.services, { kind: "citizen" }), submission.value);
  if (!found) {
    // Same words, same status, whether the code or the digits were wrong.
    return data(
      { result: submission.reply({ formErrors: ["citizen:status.notFound"] }), found: null },
      { status: 400 }
    );
  }
  await statusCheckFound(context.clientIp);
  return { result: submission.reply(), found: statusView(found, context.services.config.publicUrl) };
}

export default function Status() {
  const { t } = useTranslation("citizen");
  const root = useRootData();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({ id: "status", lastResult: actionData?.result });
  // Invalid forms answer without `found`; the union of the action's answers is easier to read than to infer.
  const found = (actionData as { found?: StatusView | null } | undefined)?.found ?? null;
  const failed = Boolean(form.errors?.length);

  return (
    <CitizenShell>
      <PageHeading>{t("status.heading")}</PageHeading>
      <ErrorSummary errors={formErrors(form)} />
      {failed && root ? <PhoneNumber phone={root.programmePhone} label={t("status.callUs")} /> : null}

      {found ? (
        <RequestStatusResult found={found} />
      ) : (
        <>
          <p>{t("status.intro")}</p>
          <Form method="post" {...formProps(form)}>
            <TextField
              {...fieldProps(fields.reference)}
              label={t("status.reference")}
              description={t("status.referenceHint")}
              autoComplete="off"
              width="short"
            />
            <TextField
              {...fieldProps(fields.phoneLast4)}
              label={t("status.last4")}
              description={t("status.last4Hint")}
              inputMode="numeric"
              autoComplete="off"
              width="short"
            />
            <Button type="submit" variant="primary">
              {t("status.submit")}
            </Button>
          </Form>
          <PrivacyNotice />
        </>
      )}
    </CitizenShell>
  );
}

