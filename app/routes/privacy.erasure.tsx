// A citizen asks for their data to be erased (Art. 17). No JavaScript needed: a plain form. It files a task for
// staff (never an automatic deletion) and always answers the same, whether the number is known or not.
import type { ActionFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ErasureRequestInput, requestErasureOnWeb } from "~/capabilities/privacy/erasure-requests.server";
import { withActor } from "~/context";
import { useRootData } from "~/ui/root-data";
import { Button } from "~/ui/kit/Button";
import { PrivacyNotice } from "~/ui/PrivacyNotice";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { newFormKey, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { allowErasureRequest } from "~/web/rate-limit.server";

export const handle: RouteHandle = { titleKey: "citizen:erasure.title" };

export function loader() {
  // The form's key: pressing "send" twice on a slow line files one request.
  return { formKey: newFormKey() };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, ErasureRequestInput);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  if (!(await allowErasureRequest(context.clientIp, submission.value.phone.e164))) {
    return data({ result: submission.reply({ formErrors: ["citizen:erasure.tooMany"] }) }, { status: 429 });
  }
  await requestErasureOnWeb(withActor(context.services, { kind: "citizen" }), submission.value);
  return redirect("/privacy/erasure/done");
}

export default function ErasureRequest() {
  const { t } = useTranslation("citizen");
  const { formKey } = useLoaderData<typeof loader>();
  const root = useRootData();
  const answer = useActionData<typeof action>();
  const [form, fields] = useAppForm({ id: "erasure", lastResult: answer?.result });
  return (
    <CitizenShell>
      <PageHeading>{t("erasure.heading")}</PageHeading>
      <ErrorSummary errors={formErrors(form)} />
      <p className="lead">{t("erasure.intro")}</p>
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="idempotencyKey" value={formKey} />
        <TextField
          {...fieldProps(fields.phone)}
          label={t("erasure.phone")}
          description={t("erasure.phoneHint")}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          width="medium"
        />
        <TextField {...fieldProps(fields.reference)} label={t("erasure.reference")} description={t("erasure.referenceHint")} optional width="short" />
        <section aria-labelledby="erasure-next-heading">
          <h2 id="erasure-next-heading">{t("erasure.nextHeading")}</h2>
          <p>{t("erasure.next")}</p>
        </section>
        <PrivacyNotice />
        <Button type="submit" variant="primary">
          {t("erasure.submit")}
        </Button>
      </Form>
      {root ? <PhoneNumber phone={root.programmePhone} label={t("erasure.smsInstead")} /> : null}
    </CitizenShell>
  );
}
