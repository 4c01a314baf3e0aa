// The day's appointments at a place: slots with their bookings and free places per pool, the walk-in queue in
// brief and the day's waiting list (callers can be put on it when the day is fully booked). Place and day travel
// in the URL (a GET form): nothing personal.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { ButtonLink } from "~/ui/kit/Button";
import { DayPicker, DaySide, DaySlots } from "~/ui/DeskDay";
import { PageHeading } from "~/ui/kit/Layout";
import { respondTo } from "~/web/errors.server";
import { dayPage, dayWaitAction } from "~/web/desk-pages.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "desk:day.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "schedule:view");
  return respondTo(() => dayPage(ctx, new URL(request.url)));
}

/** A caller put on the day's waiting list (the day is fully booked online). */
export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "appointment:manage");
  return respondTo(() => dayWaitAction(ctx, request));
}

export default function DayAppointments() {
  const { t, i18n } = useTranslation("desk");
  const { places, view } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  if (!view) {
    return (
      <>
        <PageHeading>{t("day.heading")}</PageHeading>
        <p>{t("day.noPlaces")}</p>
      </>
    );
  }
  const date = new Intl.DateTimeFormat(i18n.language, { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${view.day}T12:00:00Z`));
  return (
    <>
      <PageHeading caption={view.location.name}>{t("day.headingFor", { date })}</PageHeading>
      <p>
        <ButtonLink to="/team/appointments/new">{t("day.bookForCaller")}</ButtonLink>
      </p>
      <DayPicker places={places} view={view} />
      <DaySlots view={view} />
      <DaySide view={view} lastResult={answer?.result} added={answer?.added ?? null} />
    </>
  );
}
