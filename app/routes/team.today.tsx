// Staff: "Today at my location" — the start page of a shift: due back, overdue, today's mentoring sessions,
// the head of the waiting list, devices to reset, open follow-ups. The place is chosen with a GET form (an id,
// nothing personal); one audit entry per view.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Form, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { todayAtLocation } from "~/capabilities/lending/today.server";
import { listLocationsFor } from "~/capabilities/people/locations.server";
import { forbidden } from "~/lib/errors";
import { Button } from "~/ui/kit/Button";
import { DateTime } from "~/ui/kit/DateTime";
import { PageHeading } from "~/ui/kit/Layout";
import { Select } from "~/ui/kit/Select";
import { TodayOverview } from "~/ui/TodayOverview";
import { errorResponse, respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "today:title", hydrate: true, offline: { keep: true, warm: true } };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:view");
  const locations = (await listLocationsFor(ctx)).map(({ id, name }) => ({ id, name }));
  const asked = new URL(request.url).searchParams.get("location");
  if (asked && !locations.some((l) => l.id === asked)) throw errorResponse(forbidden("loan:view"));
  const locationId = asked ?? locations[0]?.id;
  if (!locationId) return { locations, today: null, now: ctx.clock.now().toISOString() };
  const today = await respondTo(() => todayAtLocation(ctx, locationId));
  return { locations, today, now: ctx.clock.now().toISOString() };
}

export default function Today() {
  const { t } = useTranslation("today");
  const { locations, today, now } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption={today ? today.location.name : undefined}>{t("heading")}</PageHeading>
      {today ? (
        <p>
          <DateTime iso={now} timeZone={today.location.timeZone} dateOnly />
        </p>
      ) : null}
      {locations.length > 1 ? (
        <Form method="get" className="no-print">
          <Select
            key={today?.location.id}
            id="today-location"
            name="location"
            label={t("chooseLocation")}
            defaultValue={today?.location.id}
            options={locations.map((l) => ({ value: l.id, label: l.name }))}
          />
          <Button type="submit" variant="secondary">
            {t("show")}
          </Button>
        </Form>
      ) : null}
      {today ? <TodayOverview data={today} /> : <p>{t("noLocation")}</p>}
    </>
  );
}
