// The device pool: find by asset tag (typed or scanned), filter by place and status, page through the list.
// Tags, places and statuses are not personal data, so everything here is a GET.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { findDeviceByTag } from "~/capabilities/lending/devices.server";
import { Button, ButtonLink } from "~/ui/kit/Button";
import { useDeviceLabels } from "~/ui/DeviceDetails/labels";
import { DeviceFind } from "~/ui/DeviceFind";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { Select } from "~/ui/kit/Select";
import { DataTable, Pagination } from "~/ui/kit/Table";
import { Tag } from "~/ui/kit/Tag";
import { TextField } from "~/ui/kit/TextField";
import { deviceList, listFilters } from "~/web/device-pages.server";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { pageFrom } from "~/web/pagination";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "devices:list.title", hydrate: true, offline: { keep: true, warm: true } };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "device:view");
  const url = new URL(request.url);
  const tag = url.searchParams.get("tag");
  let findError: string | null = null;
  if (tag !== null) {
    if (!tag.trim()) findError = "devices:errors.findEmpty";
    else {
      const found = await findDeviceByTag(ctx, tag.slice(0, 50));
      if (found) throw redirect(`/team/devices/${found.id}`);
      findError = "devices:errors.tagNotFound";
    }
  }
  const filters = listFilters(url);
  const page = pageFrom(request);
  const list = await respondTo(() => deviceList(ctx, filters, page));
  return { ...list, filters, page, tag, findError };
}

export default function Devices() {
  const { t } = useTranslation("devices");
  const labels = useDeviceLabels();
  const data = useLoaderData<typeof loader>();
  const { filters } = data;
  const href = (page: number) =>
    `?${new URLSearchParams(
      Object.entries({ location: filters.locationId, status: filters.status, q: filters.q, page: String(page) }).filter(
        (e): e is [string, string] => Boolean(e[1]),
      ),
    )}`;
  return (
    <>
      <PageHeading>{t("list.heading")}</PageHeading>
      {data.canManage ? (
        <p className="button-group">
          <ButtonLink to="/team/devices/new">{t("list.add")}</ButtonLink>{" "}
          <ButtonLink to="/team/devices/import" variant="secondary">{t("list.import")}</ButtonLink>{" "}
          <ButtonLink to="/team/devices/labels" variant="secondary">{t("list.labels")}</ButtonLink>
        </p>
      ) : null}
      <DeviceFind defaultValue={data.tag ?? undefined} errors={data.findError ? [data.findError] : undefined} />
      <section aria-labelledby="device-filter-heading">
        <h2 id="device-filter-heading">{t("list.filterHeading")}</h2>
        <Form method="get" className="device-find__form">
          {data.locations.length > 1 ? (
            <Select
              id="device-filter-location"
              name="location"
              label={t("list.location")}
              placeholder={t("list.allLocations")}
              defaultValue={filters.locationId ?? ""}
              options={data.locations.map((l) => ({ value: l.id, label: l.name }))}
            />
          ) : null}
          <Select
            id="device-filter-status"
            name="status"
            label={t("list.status")}
            placeholder={t("list.allStatuses")}
            defaultValue={filters.status ?? ""}
            options={labels.statuses}
          />
          <TextField id="device-filter-q" name="q" label={t("list.q")} defaultValue={filters.q} autoComplete="off" />
          <Button type="submit" variant="secondary">{t("list.show")}</Button>
        </Form>
      </section>
      <DataTable
        caption={t("list.caption", { count: data.total })}
        emptyText={t("list.empty")}
        rowKey={(_row, index) => data.devices[index]!.id}
        columns={[
          { key: "tag", header: t("list.columns.tag"), isRowHeader: true },
          { key: "model", header: t("list.columns.model") },
          { key: "status", header: t("list.columns.status") },
          { key: "location", header: t("list.columns.location") },
          { key: "kit", header: t("list.columns.kit") },
        ]}
        rows={data.devices.map((d) => ({
          tag: <Link to={`/team/devices/${d.id}`} dir="ltr">{d.assetTag}</Link>,
          model: d.model,
          status: <Tag tone={labels.statusTone(d.status)}>{labels.status(d.status)}</Tag>,
          location: d.location,
          kit: d.accessories.map(labels.accessory).join(", ") || "–",
        }))}
      />
      <Pagination page={data.page} pageCount={data.pageCount} hrefFor={href} />
    </>
  );
}
