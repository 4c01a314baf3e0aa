// Staff (coordinators): a place's lending settings — the default loan length and how long an offer is held.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { LendingSettingsInput, lendingSettings, MAX_OFFER_DAYS, updateLendingSettings } from "~/capabilities/lending/settings.server";
import { MAX_LOAN_WEEKS } from "~/capabilities/lending/values";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { respondTo } from "~/web/errors.server";
import { noticeCookie } from "~/web/flash.server";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "team:lendingSettings.title", hydrate: true };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "location:manage", params.locationId);
  return { location: await respondTo(() => lendingSettings(ctx, params.locationId!)), maxWeeks: MAX_LOAN_WEEKS, maxDays: MAX_OFFER_DAYS };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "location:manage", params.locationId);
  const { submission } = await parseForm(request, LendingSettingsInput);
  if (submission.status !== "success") return invalid(submission);
  const location = await respondTo(() => updateLendingSettings(ctx, params.locationId!, submission.value));
  return redirect("/team/locations", {
    headers: { "Set-Cookie": await noticeCookie(context, "team:lendingSettings.saved", { name: location.name }) },
  });
}

export default function LendingSettings() {
  const { t } = useTranslation("team");
  const { location, maxWeeks, maxDays } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm({
    id: "lending-settings",
    lastResult: actionData?.result,
    defaultValue: { loanWeeks: String(location.loanWeeks), offerDays: String(location.offerDays) },
  });
  return (
    <>
      <BackLink to="/team/locations">{t("lendingSettings.back")}</BackLink>
      <PageHeading caption={location.name}>{t("lendingSettings.heading")}</PageHeading>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <TextField
          {...fieldProps(fields.loanWeeks)}
          label={t("lendingSettings.loanWeeks")}
          description={t("lendingSettings.loanWeeksHint", { max: maxWeeks })}
          inputMode="numeric"
          width="short"
        />
        <TextField
          {...fieldProps(fields.offerDays)}
          label={t("lendingSettings.offerDays")}
          description={t("lendingSettings.offerDaysHint", { max: maxDays })}
          inputMode="numeric"
          width="short"
        />
        <Button type="submit" variant="primary">
          {t("lendingSettings.save")}
        </Button>
      </Form>
    </>
  );
}
