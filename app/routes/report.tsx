// A citizen reports a problem on the web. No JavaScript: a plain form, errors from the server, and
// Post/Redirect/Get to /report/done with the reference in a signed flash cookie (never in the URL).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { categoryName } from "~/i18n/own-labels";
import { listCategories } from "~/capabilities/helpdesk/categories.server";
import { reportProblem, ReportProblemInput } from "~/capabilities/helpdesk/report.server";
import { channelFor } from "~/capabilities/messaging/messenger.server";
import { findPersonByPhone } from "~/capabilities/people/persons.server";
import { withActor } from "~/context";
import { detectLanguage } from "~/i18n/detect.server";
import { isSupportedLanguage } from "~/i18n/locales.server";
import { AppError } from "~/lib/errors";
import { useRootData } from "~/ui/root-data";
import { Button } from "~/ui/kit/Button";
import { Checkbox } from "~/ui/kit/Checkbox";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";

import { Select } from "~/ui/kit/Select";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { TextField } from "~/ui/kit/TextField";
import { checkboxProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { errorResponse } from "~/web/errors.server";
import { clearFlash, REPORT_FLASH, setFlash } from "~/web/flash.server";
import { invalid, newFormKey, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { allowProblemReport } from "~/web/rate-limit.server";
import { ContactFields } from "~/ui/ContactFields";
import { PrivacyNotice } from "~/ui/PrivacyNotice";

export const handle: RouteHandle = { titleKey: "citizen:report.title", offline: { keep: true } };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const categories = await listCategories(withActor(context.services, { kind: "citizen" }));
  // Starting a new report forgets the last confirmation (a shared computer at the library).
  const staleFlash = request.headers.get("Cookie")?.includes("da_flash=");
  return data(
    // The form's key: pressing "send" twice on a slow line reports once and shows the first reference.
    { categories: categories.map(({ id, key, labels }) => ({ id, key, labels })), formKey: newFormKey() },
    staleFlash ? { headers: { "Set-Cookie": await clearFlash(context, REPORT_FLASH) } } : undefined
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, ReportProblemInput);
  if (submission.status !== "success") return invalid(submission);
  const input = submission.value;
  // Only a shipped language: SMS and voice texts exist for those.
  const language = isSupportedLanguage(input.language) ? input.language : detectLanguage(request);

  if (!(await allowProblemReport(context.clientIp, input.phone.e164))) {
    return data({ result: submission.reply({ formErrors: ["citizen:report.tooMany"] }) }, { status: 429 });
  }
  const citizen = withActor(context.services, { kind: "citizen" });
  let reported: Awaited<ReturnType<typeof reportProblem>>;
  try {
    reported = await reportProblem(citizen, { ...input, language });
  } catch (error) {
    // A category retired while the form was open: ask again, like any other answer.
    if (error instanceof AppError && error.status === 400) {
      const errors =
        error.messageKey === "helpdesk:errors.categoryUnknown"
          ? { fieldErrors: { categoryId: [error.messageKey] } }
          : { formErrors: [error.messageKey] };
      return data({ result: submission.reply(errors) }, { status: 400 });
    }
    if (error instanceof AppError) throw errorResponse(error);
    throw error;
  }
  // The confirmation says how the reference was also sent: to someone we knew already, their own way.
  const person = await findPersonByPhone(citizen, input.phone.e164);
  const channel = channelFor(
    person ?? {
      phone: input.phone.e164,
      phoneType: input.phone.type,
      language,
      contactPreference: input.contactPreference,
    }
  );
  return redirect("/report/done", {
    headers: {
      "Set-Cookie": await setFlash(context, REPORT_FLASH, {
        kind: "problemReported",
        reference: reported.reference,
        channel,
        ...(reported.callback
          ? { callback: { at: reported.callback.scheduledAt?.toISOString() ?? null, timeZone: reported.callback.timeZone } }
          : {}),
      }),
    },
  });
}

export default function ReportProblem() {
  const { t, i18n } = useTranslation("citizen");
  const { categories, formKey } = useLoaderData<typeof loader>();
  const root = useRootData();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({ id: "report", lastResult: actionData?.result });
  const lng = root?.lng ?? i18n.language;
  const tooMany = form.errors?.includes("citizen:report.tooMany");

  return (
    <CitizenShell>
      <PageHeading>{t("report.heading")}</PageHeading>
      <ErrorSummary errors={formErrors(form)} />
      {tooMany && root ? <PhoneNumber phone={root.programmePhone} label={t("status.callUs")} /> : null}
      <p className="lead">{t("report.intro")}</p>
      {root ? <PhoneNumber phone={root.programmePhone} label={t("report.phoneInstead")} /> : null}

      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="idempotencyKey" value={formKey} />
        <ContactFields fields={fields} />
        <Select
          {...fieldProps(fields.categoryId)}
          label={t("report.category")}
          description={t("report.categoryHint")}
          placeholder={t("report.categoryPlaceholder")}
          optional
          options={categories.map((c) => ({ value: c.id, label: categoryName(t, lng, c) }))}
        />
        <TextField
          {...fieldProps(fields.description)}
          label={t("report.description")}
          description={t("report.descriptionHint")}
          multiline
          rows={8}
        />
        <Checkbox {...checkboxProps(fields.callbackWanted)} description={t("report.callbackHint")}>
          {t("report.callback")}
        </Checkbox>

        <p>{t("report.privacy.noSensitive")}</p>
        <PrivacyNotice />

        <Button type="submit" variant="primary">
          {t("report.submit")}
        </Button>
      </Form>
    </CitizenShell>
  );
}
