// Printable QR labels: choose a place and its devices (or "all available"), then print the A4 sheets.
// Device ids and places are not personal data: the choice is a GET, so the sheet can be reloaded and printed.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listDevices } from "~/capabilities/lending/devices.server";
import { Button } from "~/ui/kit/Button";
import { CheckboxGroup } from "~/ui/kit/Checkbox";
import { useDeviceLabels } from "~/ui/DeviceDetails/labels";
import { DeviceLabelSheets } from "~/ui/DeviceLabels";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink, Link } from "~/ui/kit/Link";
import { PrintHint } from "~/ui/kit/PrintHint";
import { Select } from "~/ui/kit/Select";
import { labelSheet, manageableLocations } from "~/web/device-pages.server";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "devices:labels.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "device:view");
  const url = new URL(request.url);
  const locations = await manageableLocations(ctx);
  const wanted = url.searchParams.get("location");
  const locationId = locations.find((l) => l.id === wanted)?.id ?? (locations.length === 1 ? locations[0]!.id : null);
  const devices = locationId
    ? (await respondTo(() => listDevices(ctx, { locationId, page: 1, pageSize: 1000 }))).devices
    : [];
  const chosen =
    url.searchParams.get("choice") === "available"
      ? devices.filter((d) => d.status === "available").map((d) => d.id)
      : url.searchParams.getAll("device").filter((id) => devices.some((d) => d.id === id));
  const { config } = context.services;
  const sheet = await labelSheet(ctx, config.publicUrl, config.programmePhone, chosen);
  return {
    locations,
    locationId,
    devices: devices.map((d) => ({ id: d.id, assetTag: d.assetTag, model: d.model, status: d.status })),
    chosen,
    ...sheet,
  };
}

export default function DeviceLabels() {
  const { t } = useTranslation("devices");
  const labels = useDeviceLabels();
  const data = useLoaderData<typeof loader>();
  return (
    <>
      <BackLink to="/team/devices">{t("device.back")}</BackLink>
      <PageHeading>{t("labels.heading")}</PageHeading>
      <p>{t("labels.intro")}</p>
      {data.locations.length > 1 ? (
        <Form method="get" className="device-find__form">
          <Select
            id="labels-location"
            name="location"
            label={t("labels.location")}
            placeholder={t("form.chooseLocation")}
            defaultValue={data.locationId ?? ""}
            options={data.locations.map((l) => ({ value: l.id, label: l.name }))}
          />
          <Button type="submit" variant="secondary">{t("labels.showDevices")}</Button>
        </Form>
      ) : null}
      {data.locationId ? (
        <>
          <p>
            <Link to={`?location=${data.locationId}&choice=available`}>{t("labels.allAvailable")}</Link>
          </p>
          <Form method="get" key={`${data.locationId}|${data.chosen.join(",")}`}>
            <input type="hidden" name="location" value={data.locationId} />
            <CheckboxGroup
              id="labels-devices"
              name="device"
              label={t("labels.devices")}
              defaultValue={data.chosen}
              options={data.devices.map((d) => ({ value: d.id, label: `${d.assetTag} · ${d.model} · ${labels.status(d.status)}` }))}
            />
            <Button type="submit">{t("labels.make")}</Button>
          </Form>
        </>
      ) : null}
      {data.labels.length ? (
        <>
          <PrintHint>{t("labels.printHint")}</PrintHint>
          <DeviceLabelSheets labels={data.labels} phone={data.phone} />
        </>
      ) : null}
    </>
  );
}
