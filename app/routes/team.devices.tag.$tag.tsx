// Where a label's QR code leads: the device with this tag (after signing in), or a page that says there is
// none and offers the find form.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { findDeviceByTag } from "~/capabilities/lending/devices.server";
import { DeviceFind } from "~/ui/DeviceFind";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "devices:tag.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "device:view");
  const tag = (params.tag ?? "").slice(0, 50);
  const found = await findDeviceByTag(ctx, tag);
  if (found) throw redirect(`/team/devices/${found.id}`);
  return data({ tag }, { status: 404 });
}

export default function DeviceByTag() {
  const { t } = useTranslation("devices");
  const { tag } = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/team/devices">{t("device.back")}</BackLink>
      <PageHeading>{t("tag.heading")}</PageHeading>
      <p>{t("tag.body", { tag })}</p>
      <DeviceFind defaultValue={tag} />
    </>
  );
}
