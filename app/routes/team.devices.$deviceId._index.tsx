// One device: facts, history, loans by reference, and the forms for its status and place.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DeviceActions, DeviceHistory, DeviceLoans, DeviceSummary } from "~/ui/DeviceDetails";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { devicePage, performDeviceAction } from "~/web/device-pages.server";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "devices:device.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "device:view");
  return respondTo(() => devicePage(ctx, params.deviceId!));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "device:manage");
  return respondTo(() => performDeviceAction(ctx, params.deviceId!, request));
}

export default function Device() {
  const { t } = useTranslation("devices");
  const page = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const { device } = page;
  return (
    <>
      <BackLink to="/team/devices">{t("device.back")}</BackLink>
      <PageHeading caption={device.model}>
        <span dir="ltr">{device.assetTag}</span>
      </PageHeading>
      {params.has("created") || params.has("saved") ? (
        <p className="notice" role="status">
          {params.has("created") ? t("device.created") : t("device.saved")}
        </p>
      ) : null}
      <div className="device-layout">
        <div>
          <DeviceSummary device={device} activeLoanId={page.activeLoanId} latestLoanId={page.latestLoanId} />
          <DeviceHistory events={page.events} locationNames={page.locationNames} />
          <DeviceLoans loans={page.loans} />
        </div>
        {page.canManage ? (
          <div>
            <DeviceActions device={device} options={page.options} actionData={actionData} />
          </div>
        ) : null}
      </div>
    </>
  );
}
