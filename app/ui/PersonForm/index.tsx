// Correcting a person's details (name, phone number, language, how they like to be contacted).
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";

export interface PersonFormValues {
  firstName: string;
  lastNameInitial: string;
  phone: string;
  language: string;
  contactPreference: string;
}

export interface PersonFormProps {
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue: PersonFormValues;
  languages: { code: string; name: string; dir: "ltr" | "rtl" }[];
}

export function PersonForm({ lastResult, defaultValue, languages }: PersonFormProps) {
  const { t } = useTranslation("tickets");
  const [form, fields] = useAppForm<Record<string, unknown>>({ id: "person-edit", lastResult, defaultValue: defaultValue as never });
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <TextField {...fieldProps(fields.firstName)} label={t("person.edit.firstName")} autoComplete="off" />
        <TextField
          {...fieldProps(fields.lastNameInitial)}
          label={t("person.edit.lastNameInitial")}
          description={t("person.edit.lastNameInitialHint")}
          optional
          width="short"
          autoComplete="off"
        />
        <TextField {...fieldProps(fields.phone)} label={t("person.phone")} description={t("person.edit.phoneHint")} type="tel" width="medium" autoComplete="off" dir="ltr" />
        <Select
          {...fieldProps(fields.language)}
          label={t("person.language")}
          options={languages.map((l) => ({ value: l.code, label: l.name }))}
        />
        <RadioGroup
          {...fieldProps(fields.contactPreference)}
          label={t("person.contactPreference")}
          description={t("person.edit.contactHint")}
          inline
          options={[
            { value: "sms", label: t("common:channel.sms") },
            { value: "voice", label: t("common:channel.voice") },
          ]}
        />
        <Button type="submit">{t("person.edit.submit")}</Button>
      </Form>
    </>
  );
}
