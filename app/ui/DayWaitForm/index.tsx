// The waiting-list form for citizens: first name, phone, language, how to be told. Works without JavaScript.
import { Form, useRouteLoaderData } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import type { RootData } from "~/root";
import { Button } from "~/ui/Button";
import { ErrorSummary } from "~/ui/ErrorSummary";
import { RadioGroup } from "~/ui/RadioGroup";
import { Select } from "~/ui/Select";
import { TextField } from "~/ui/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/forms";

export function DayWaitForm({ lastResult }: { lastResult: SubmissionResult<string[]> | null | undefined }) {
  const { t, i18n } = useTranslation("desk");
  const root = useRouteLoaderData<RootData>("root");
  const [form, fields] = useAppForm({ id: "day-wait", lastResult });
  const lng = root?.lng ?? i18n.language;
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <TextField {...fieldProps(fields.firstName)} label={t("wait.firstName")} autoComplete="given-name" width="medium" />
        <TextField
          {...fieldProps(fields.phone)}
          label={t("wait.phone")}
          description={t("wait.phoneHint")}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          width="medium"
        />
        <Select
          {...fieldProps(fields.language)}
          defaultValue={fieldProps(fields.language).defaultValue ?? lng}
          label={t("wait.language")}
          options={(root?.languages ?? []).map((l) => ({ value: l.code, label: l.name }))}
        />
        <RadioGroup
          {...fieldProps(fields.contactPreference)}
          defaultValue={fieldProps(fields.contactPreference).defaultValue ?? "sms"}
          label={t("wait.contact")}
          options={[
            { value: "sms", label: t("wait.contactSms") },
            { value: "voice", label: t("wait.contactVoice") },
          ]}
        />
        <p>{t("wait.privacy")}</p>
        <Button type="submit" variant="primary">
          {t("wait.submit")}
        </Button>
      </Form>
    </>
  );
}
