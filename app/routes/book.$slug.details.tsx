// Citizen: who is coming and how we reach them (first name, phone, language, SMS or call), what it is about
// (optional) and the early reminder. The chosen time is shown with a "change" link. Answers go into the signed
// booking cookie, then on to "check your answers".
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { detectLanguage } from "~/i18n/detect.server";
import { isSupportedLanguage } from "~/i18n/locales.server";

import { Button } from "~/ui/kit/Button";
import { Checkbox } from "~/ui/kit/Checkbox";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink, Link } from "~/ui/kit/Link";

import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { SummaryList } from "~/ui/kit/SummaryList";
import { TextField } from "~/ui/kit/TextField";
import { checkboxProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { placeBySlug } from "~/capabilities/scheduling/online-booking.server";
import { DetailsInput, readState, slotLabel, writeState } from "~/web/booking.server";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { ContactFields } from "~/ui/ContactFields";
import { PrivacyNotice } from "~/ui/PrivacyNotice";

export const handle: RouteHandle = { titleKey: "booking:details.title" };
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

async function chosen(request: Request, context: LoaderFunctionArgs["context"], slug: string) {
  const place = await placeBySlug(context.services, slug);
  const state = await readState(request, context);
  if (!place || !state || state.slug !== place.slug || !state.slot)
    throw redirect(place ? `/book/${place.slug}` : "/book");
  return { place, state };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { place, state } = await chosen(request, context, params.slug ?? "");
  return {
    place,
    when: slotLabel(state.slot, detectLanguage(request), place.timeZone),
    answers: state.answers ?? null,
  };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { place, state } = await chosen(request, context, params.slug ?? "");
  const { formData, submission } = await parseForm(request, DetailsInput);
  if (submission.status !== "success") return invalid(submission);
  const value = (name: string) => String(formData.get(name) ?? "");
  const language = isSupportedLanguage(value("language")) ? value("language") : detectLanguage(request);
  const answers = {
    firstName: value("firstName").trim(),
    phone: value("phone").trim(),
    language,
    contactPreference: submission.value.contactPreference,
    concern: submission.value.concern ?? "",
    wantsEarlyReminder: submission.value.wantsEarlyReminder ? "on" : "",
  };
  return redirect(`/book/${place.slug}/check`, {
    headers: { "Set-Cookie": await writeState(context, { ...state, answers }) },
  });
}

export default function BookDetails() {
  const { t } = useTranslation("booking");
  const { place, when, answers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "details",
    lastResult: actionData?.result,
    defaultValue: answers ?? undefined,
  });
  return (
    <CitizenShell>
      <BackLink to={`/book/${place.slug}`}>{t("details.back")}</BackLink>
      <PageHeading caption={place.name}>{t("details.heading")}</PageHeading>
      <ErrorSummary errors={formErrors(form)} />
      <SummaryList
        rows={[
          {
            key: "when",
            label: t("check.when"),
            value: (
              <>
                {when}{" "}
                <Link to={`/book/${place.slug}`}>
                  {t("check.change")}
                  <span className="visually-hidden"> {t("check.when")}</span>
                </Link>
              </>
            ),
          },
        ]}
      />
      <Form method="post" {...formProps(form)}>
        <ContactFields
          fields={fields}
          texts={{
            firstName: t("details.firstName"),
            firstNameHint: t("details.firstNameHint"),
            phone: t("details.phone"),
            phoneHint: t("details.phoneHint"),
            language: t("details.language"),
            languageHint: t("details.languageHint"),
            contact: t("details.contact"),
            sms: t("details.contactSms"),
            smsHint: undefined,
            voice: t("details.contactVoice"),
            voiceHint: t("details.contactVoiceHint"),
          }}
        />
        <TextField
          {...fieldProps(fields.concern)}
          label={t("details.concern")}
          description={t("details.concernHint")}
          optional
          multiline
          rows={3}
        />
        <Checkbox {...checkboxProps(fields.wantsEarlyReminder)} description={t("details.reminderHint")}>
          {t("details.reminder")}
        </Checkbox>
        <PrivacyNotice />
        <Button type="submit" variant="primary">
          {t("details.continue")}
        </Button>
      </Form>
    </CitizenShell>
  );
}
