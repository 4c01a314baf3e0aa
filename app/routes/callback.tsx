// A citizen asks to be called back. No JavaScript: a plain form, errors from the server, and Post/Redirect/Get to
// /callback/done with the reference in a signed cookie (never in the URL).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { channelFor } from "~/capabilities/messaging/messenger.server";
import { findPersonByPhone } from "~/capabilities/people/persons.server";
import { requestCallback, RequestCallbackInput } from "~/capabilities/scheduling/callbacks.server";
import { withActor } from "~/context";
import { detectLanguage } from "~/i18n/detect.server";
import { isSupportedLanguage } from "~/i18n/locales.server";
import { useRootData } from "~/ui/root-data";
import { Button } from "~/ui/kit/Button";
import { WindowChoices } from "~/ui/CallbackRequest";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";

import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { TextField } from "~/ui/kit/TextField";
import { checkboxGroupProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { clearCallbackFlash, setCallbackFlash, windowDays } from "~/web/callback-pages.server";
import { newFormKey, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { allowCallbackRequest } from "~/web/rate-limit.server";
import { ContactFields } from "~/ui/ContactFields";
import { attempt, refusalReply } from "~/web/refusals.server";
import { PrivacyNotice } from "~/ui/PrivacyNotice";

export const handle: RouteHandle = { titleKey: "callbacks:request.title" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const days = windowDays(context.services.clock.now(), detectLanguage(request));
  const stale = request.headers.get("Cookie")?.includes("da_callback=");
  // The form's key: pressing "send" twice on a slow line asks once and shows the first reference.
  return data({ days, formKey: newFormKey() }, stale ? { headers: { "Set-Cookie": await clearCallbackFlash(context) } } : undefined);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, RequestCallbackInput);
  const days = windowDays(context.services.clock.now(), detectLanguage(request));
  if (submission.status !== "success") return data({ days, result: submission.reply() }, { status: 400 });
  const input = submission.value;
  const language = isSupportedLanguage(input.language) ? input.language : detectLanguage(request);
  // Every request sends a message: the same limits as the problem report keep the form from flooding a phone.
  if (!(await allowCallbackRequest(context.clientIp, input.phone.e164))) {
    return data({ days, result: submission.reply({ formErrors: ["callbacks:request.tooMany"] }) }, { status: 429 });
  }
  const citizen = withActor(context.services, { kind: "citizen" });
  const outcome = await attempt(() => requestCallback(citizen, { ...input, language, channel: "web" }));
  if (!outcome.ok) return data({ days, result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  const person = await findPersonByPhone(citizen, input.phone.e164);
  const channel = channelFor(person ?? { phone: input.phone.e164, phoneType: input.phone.type, language, contactPreference: input.contactPreference });
  const { reference, scheduledAt, timeZone } = outcome.value;
  return redirect("/callback/done", {
    headers: {
      "Set-Cookie": await setCallbackFlash(context, { reference, at: scheduledAt ? new Date(scheduledAt).toISOString() : null, timeZone, channel }),
    },
  });
}

export default function RequestCallback() {
  const { t } = useTranslation("callbacks");
  const loaded = useLoaderData<typeof loader>();
  const root = useRootData();
  const answer = useActionData<typeof action>();
  const days = answer?.days ?? loaded.days;
  const [form, fields] = useAppForm({ id: "callback", lastResult: answer?.result });

  return (
    <CitizenShell>
      <PageHeading>{t("request.heading")}</PageHeading>
      <ErrorSummary errors={formErrors(form)} />
      <p className="lead">{t("request.intro")}</p>
      {root ? <PhoneNumber phone={root.programmePhone} label={t("request.phoneInstead")} /> : null}

      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="idempotencyKey" value={loaded.formKey} />
        <ContactFields
          fields={fields}
          texts={{
            firstName: t("form.firstName"),
            firstNameHint: t("form.firstNameHint"),
            phone: t("form.phone"),
            phoneHint: t("form.phoneHint"),
            language: t("form.language"),
            languageHint: undefined,
            contact: t("form.contact"),
            sms: t("form.contactSms"),
            smsHint: t("form.contactSmsHint"),
            voice: t("form.contactVoice"),
            voiceHint: t("form.contactVoiceHint"),
          }}
        />
        <WindowChoices field={checkboxGroupProps(fields.windows)} days={days} />
        <TextField {...fieldProps(fields.concern)} label={t("form.concern")} description={t("form.concernHint")} optional multiline rows={4} />

        <PrivacyNotice />

        <Button type="submit" variant="primary">
          {t("request.submit")}
        </Button>
      </Form>
    </CitizenShell>
  );
}
