// The waiting-list form for citizens: first name, phone, language, how to be told. Works without JavaScript.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";

import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";

import { formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { ContactFields } from "~/ui/ContactFields";
import { PrivacyNotice } from "~/ui/PrivacyNotice";

/** `formKey`: the page's idempotency key for this form — pressing "send" twice joins once. */
export function DayWaitForm({ lastResult, formKey }: { lastResult: SubmissionResult<string[]> | null | undefined; formKey: string }) {
  const { t } = useTranslation("desk");
  const [form, fields] = useAppForm({ id: "day-wait", lastResult });
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="idempotencyKey" value={formKey} />
        <ContactFields
          fields={fields}
          texts={{
            firstName: t("wait.firstName"),
            firstNameHint: undefined,
            phone: t("wait.phone"),
            phoneHint: t("wait.phoneHint"),
            language: t("wait.language"),
            languageHint: undefined,
            contact: t("wait.contact"),
            sms: t("wait.contactSms"),
            smsHint: undefined,
            voice: t("wait.contactVoice"),
            voiceHint: undefined,
          }}
        />
        <PrivacyNotice />
        <Button type="submit" variant="primary">
          {t("wait.submit")}
        </Button>
      </Form>
    </>
  );
}
