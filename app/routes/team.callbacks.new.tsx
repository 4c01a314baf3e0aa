// Staff intake of a callback request (on the phone, at the desk): the number first, then who and when — the
// offered windows or one typed in. Ends on the new callback with its time (or "needs a person").
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { requestCallback, staffRequest, StaffCallbackInput } from "~/capabilities/scheduling/callbacks.server";
import { detectLanguage } from "~/i18n/detect.server";
import { Button } from "~/ui/Button";
import { WindowChoices } from "~/ui/CallbackRequest";
import { ErrorSummary } from "~/ui/ErrorSummary";
import { PageHeading } from "~/ui/Layout";
import { BackLink } from "~/ui/Link";
import { RadioGroup } from "~/ui/RadioGroup";
import { Select } from "~/ui/Select";
import { TextField } from "~/ui/TextField";
import { checkboxGroupProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/forms";
import { intakeOptions } from "~/web/callbacks.server";
import { noticeCookie } from "~/web/flash.server";
import { parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/tickets.server";

export const handle: RouteHandle = { titleKey: "callbacks:new.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "callback:manage");
  return intakeOptions(ctx, detectLanguage(request));
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "callback:manage");
  const { submission } = await parseForm(request, StaffCallbackInput);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const outcome = await attempt(() => requestCallback(ctx, staffRequest(submission.value)));
  if (!outcome.ok) return data({ result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  const key = outcome.value.scheduledAt ? "callbacks:new.createdScheduled" : "callbacks:new.createdUnscheduled";
  return redirect(`/team/callbacks/${outcome.value.id}`, {
    headers: { "Set-Cookie": await noticeCookie(context, key, { reference: outcome.value.reference }) },
  });
}

type IntakeFields = Record<
  "phone" | "firstName" | "language" | "contactPreference" | "locationId" | "customDay" | "customFrom" | "customTo" | "topic" | "concern",
  string
> & { windows: string[] };

export default function NewCallback() {
  const { t } = useTranslation("callbacks");
  const { locations, languages, days } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const [form, fields] = useAppForm<IntakeFields>({
    id: "callback-intake",
    lastResult: answer?.result,
    defaultValue: { language: "de", contactPreference: "sms", locationId: locations[0]?.id ?? "" },
  });
  return (
    <>
      <BackLink to="/team/callbacks">{t("new.back")}</BackLink>
      <PageHeading>{t("new.heading")}</PageHeading>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <TextField {...fieldProps(fields.phone)} label={t("form.phone")} type="tel" inputMode="tel" autoComplete="off" width="medium" autoFocus />
        <TextField {...fieldProps(fields.firstName)} label={t("form.firstName")} description={t("new.firstNameHint")} autoComplete="off" width="medium" />
        <Select {...fieldProps(fields.language)} label={t("form.language")} options={languages.map((l) => ({ value: l.code, label: l.name }))} />
        <RadioGroup
          {...fieldProps(fields.contactPreference)}
          label={t("form.contact")}
          inline
          options={[
            { value: "sms", label: t("form.contactSms") },
            { value: "voice", label: t("form.contactVoice") },
          ]}
        />
        <Select
          {...fieldProps(fields.locationId)}
          label={t("new.location")}
          description={t("new.locationHint")}
          placeholder={t("new.anyLocation")}
          options={locations.map((l) => ({ value: l.id, label: l.name }))}
        />
        <WindowChoices field={checkboxGroupProps(fields.windows)} days={days} />
        <fieldset className="callback-windows">
          <legend className="callback-windows__legend">{t("new.custom")}</legend>
          <p className="callback-windows__hint">{t("new.customHint")}</p>
          <TextField {...fieldProps(fields.customDay)} label={t("new.customDay")} type="date" width="medium" optional />
          <TextField {...fieldProps(fields.customFrom)} label={t("new.customFrom")} type="time" width="short" optional />
          <TextField {...fieldProps(fields.customTo)} label={t("new.customTo")} type="time" width="short" optional />
        </fieldset>
        <TextField {...fieldProps(fields.topic)} label={t("form.topic")} optional width="long" />
        <TextField {...fieldProps(fields.concern)} label={t("form.concern")} optional multiline rows={3} />
        <Button type="submit">{t("new.submit")}</Button>
      </Form>
    </>
  );
}
