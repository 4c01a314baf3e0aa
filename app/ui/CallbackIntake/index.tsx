// Taking a callback request on the phone: the number first ("look up"), then either the known caller (their name
// is kept) or three fields for a new one, then when to call — the offered windows or a time agreed on the phone.
// The number travels in a hidden field between the steps, never in the URL.
import { Form, Link } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { CallerHeader } from "~/ui/CallerHeader";
import { Button } from "~/ui/kit/Button";
import { WindowChoices, type WindowDay } from "~/ui/CallbackRequest";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { SummaryList } from "~/ui/kit/SummaryList";
import { TextField } from "~/ui/kit/TextField";
import { checkboxGroupProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { CallerLookup } from "~/ui/CallerHeader/CallerLookup";
import { NoticeReadCheckbox } from "~/ui/PrivacyNotice/NoticeRead";

type Result = SubmissionResult<string[]> | null | undefined;

export interface Caller {
  phone: { e164: string; display: string; type: string };
  person: { firstName: string; name: string; language: string; contactPreference: string; openCallbacks: { id: string; reference: string; when: string | null }[] } | null;
}

export interface IntakeOptions {
  locations: { id: string; name: string }[];
  languages: { code: string; name: string }[];
  days: WindowDay[];
}

export function CallbackLookup({ lastResult }: { lastResult: Result }) {
  const { t } = useTranslation("callbacks");
  return (
    <CallerLookup
      id="callback-lookup"
      lastResult={lastResult}
      phoneLabel={t("form.phone")}
      phoneHint={t("new.phoneHint")}
      submitLabel={t("new.lookup")}
    />
  );
}

type IntakeFields = Record<
  "phone" | "firstName" | "language" | "contactPreference" | "locationId" | "customDay" | "customFrom" | "customTo" | "topic" | "concern" | "noticeRead",
  string
> & { windows: string[] };

export function CallbackIntakeDetails({ caller, options, lastResult }: { caller: Caller; options: IntakeOptions; lastResult: Result }) {
  const { t } = useTranslation("callbacks");
  const { person, phone } = caller;
  const landline = phone.type === "landline";
  const [form, fields] = useAppForm<IntakeFields>({
    id: "callback-intake",
    lastResult,
    defaultValue: { language: "de", contactPreference: landline ? "voice" : "sms", locationId: options.locations[0]?.id ?? "" },
  });
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <CallerHeader
        id="caller-heading"
        heading={person ? t("new.known", { name: person.name }) : t("new.unknown")}
        numberLabel={t("new.number")}
        number={phone.display}
        restartTo="/team/callbacks/new"
        restartLabel={t("new.otherNumber")}
      >
        {person?.openCallbacks.length ? (
          <>
            <h3>{t("new.openCallbacks")}</h3>
            <ul>
              {person.openCallbacks.map((c) => (
                <li key={c.id}>
                  <Link to={`/team/callbacks/${c.id}`} dir="ltr">
                    {c.reference}
                  </Link>{" "}
                  – {c.when ?? t("list.noTime")}
                </li>
              ))}
            </ul>
          </>
        ) : null}
      </CallerHeader>
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="create" />
        <input type="hidden" name="phone" value={phone.e164} />
        {person ? (
          <>
            <input type="hidden" name="firstName" value={person.firstName} />
            <input type="hidden" name="language" value={person.language} />
            <input type="hidden" name="contactPreference" value={person.contactPreference} />
            <SummaryList
              rows={[
                { key: "language", label: t("form.language"), value: options.languages.find((l) => l.code === person.language)?.name ?? person.language },
                { key: "contact", label: t("form.contact"), value: person.contactPreference === "voice" ? t("form.contactVoice") : t("form.contactSms") },
              ]}
            />
          </>
        ) : (
          <>
            <TextField {...fieldProps(fields.firstName)} label={t("form.firstName")} autoComplete="off" width="medium" autoFocus />
            <Select {...fieldProps(fields.language)} label={t("form.language")} options={options.languages.map((l) => ({ value: l.code, label: l.name }))} />
            {landline ? (
              <input type="hidden" name="contactPreference" value="voice" />
            ) : (
              <RadioGroup
                {...fieldProps(fields.contactPreference)}
                label={t("form.contact")}
                inline
                options={[
                  { value: "sms", label: t("form.contactSms") },
                  { value: "voice", label: t("form.contactVoice") },
                ]}
              />
            )}
          </>
        )}
        <Select
          {...fieldProps(fields.locationId)}
          label={t("new.location")}
          description={t("new.locationHint")}
          placeholder={t("new.anyLocation")}
          options={options.locations.map((l) => ({ value: l.id, label: l.name }))}
        />
        <WindowChoices field={checkboxGroupProps(fields.windows)} days={options.days} />
        <fieldset className="callback-windows">
          <legend className="callback-windows__legend">{t("new.custom")}</legend>
          <p className="callback-windows__hint">{t("new.customHint")}</p>
          <TextField {...fieldProps(fields.customDay)} label={t("new.customDay")} type="date" width="medium" optional />
          <TextField {...fieldProps(fields.customFrom)} label={t("new.customFrom")} type="time" width="short" optional />
          <TextField {...fieldProps(fields.customTo)} label={t("new.customTo")} type="time" width="short" optional />
        </fieldset>
        <TextField {...fieldProps(fields.topic)} label={t("form.topic")} optional width="long" autoFocus={Boolean(person)} />
        <TextField {...fieldProps(fields.concern)} label={t("form.concern")} optional multiline rows={3} />
        <NoticeReadCheckbox field={fields.noticeRead} />
        <Button type="submit">{t("new.submit")}</Button>
      </Form>
    </>
  );
}
