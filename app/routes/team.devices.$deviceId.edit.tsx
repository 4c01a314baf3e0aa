// Editing a device's facts and kit (where it is kept changes by a transfer, on the device page).
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { editDevice, EditDeviceInput, getDevice } from "~/capabilities/lending/devices.server";
import { DeviceForm } from "~/ui/DeviceForm";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { can } from "~/capabilities/people/permissions";
import { respondTo } from "~/web/errors.server";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { forbidden } from "~/lib/errors";
import { attempt } from "~/web/refusals.server";

export const handle: RouteHandle = { titleKey: "devices:edit.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "device:manage");
  return respondTo(async () => {
    const device = await getDevice(ctx, params.deviceId!);
    if (!can(ctx.actor, "device:manage", device.locationId)) throw forbidden("device:manage");
    return {
      device: {
        id: device.id,
        assetTag: device.assetTag,
        model: device.model,
        serial: device.serial ?? "",
        simNumber: device.simNumber ?? "",
        dataPlanEndsOn: device.dataPlanEndsOn?.toISOString().slice(0, 10) ?? "",
        accessories: device.accessories,
        notes: device.notes ?? "",
      },
    };
  });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "device:manage");
  const { submission } = await parseForm(request, EditDeviceInput);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await respondTo(() => attempt(() => editDevice(ctx, params.deviceId!, submission.value)));
  if (!outcome.ok) {
    return data({ result: submission.reply({ fieldErrors: { assetTag: [outcome.refusal.messageKey] } }) }, { status: outcome.refusal.status });
  }
  return redirect(`/team/devices/${params.deviceId}?saved=1`);
}

export default function EditDevice() {
  const { t } = useTranslation("devices");
  const { device } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/team/devices/${device.id}`}>{t("edit.back")}</BackLink>
      <PageHeading caption={device.assetTag}>{t("edit.heading")}</PageHeading>
      <DeviceForm id="device-edit" lastResult={answer?.result} defaultValue={device} submitLabel={t("edit.submit")} />
    </>
  );
}
