// Adding one device to the pool, at a place where the volunteer manages devices. Ends on the new device's page.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { addDevice, AddDeviceInput } from "~/capabilities/lending/devices.server";
import { DeviceForm } from "~/ui/DeviceForm";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { manageableLocations } from "~/web/device-pages.server";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { attempt } from "~/web/refusals.server";

export const handle: RouteHandle = { titleKey: "devices:new.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "device:manage");
  return { locations: await manageableLocations(ctx) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "device:manage");
  const { submission } = await parseForm(request, AddDeviceInput);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(() => addDevice(ctx, submission.value));
  if (!outcome.ok) {
    const field = outcome.refusal.messageKey === "devices:errors.tagUsed" ? "assetTag" : "locationId";
    return data({ result: submission.reply({ fieldErrors: { [field]: [outcome.refusal.messageKey] } }) }, { status: outcome.refusal.status });
  }
  return redirect(`/team/devices/${outcome.value.id}?created=1`);
}

export default function NewDevice() {
  const { t } = useTranslation("devices");
  const { locations } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/team/devices">{t("new.back")}</BackLink>
      <PageHeading>{t("new.heading")}</PageHeading>
      <DeviceForm id="device-new" lastResult={answer?.result} locations={locations} submitLabel={t("new.submit")} />
    </>
  );
}
