// Staff: change consultation hours, or stop / start offering them. Existing appointments stay as booked.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getHour, HourInput, setHourActive, updateHour } from "~/capabilities/scheduling/hours.server";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { HourForm } from "~/ui/HourForm";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { respondTo } from "~/web/errors.server";
import { noticeCookie } from "~/web/flash.server";
import { invalid, parseForm, formIntent } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { topicOptions } from "~/web/hours-pages.server";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/refusals.server";

export const handle: RouteHandle = { titleKey: "hours:edit.title", hydrate: true };

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "schedule:manage");
  const { hour, location } = await respondTo(() => getHour(ctx, params.hourId ?? ""));
  return { hour, location, topics: await topicOptions(ctx) };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "schedule:manage");
  const hourId = params.hourId ?? "";
  const intent = await formIntent(request);
  if (intent === "deactivate" || intent === "activate") {
    const outcome = await attempt(() => setHourActive(ctx, hourId, intent === "activate"));
    if (!outcome.ok)
      return data({ result: null, toggleError: outcome.refusal.messageKey }, { status: outcome.refusal.status });
    return redirect(`/team/hours?location=${outcome.value.locationId}`, {
      headers: {
        "Set-Cookie": await noticeCookie(context, intent === "activate" ? "hours:activated" : "hours:deactivated"),
      },
    });
  }
  const { submission } = await parseForm(request, HourInput);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(() => updateHour(ctx, hourId, submission.value));
  if (!outcome.ok)
    return data({ result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  return redirect(`/team/hours?location=${outcome.value.locationId}`, {
    headers: { "Set-Cookie": await noticeCookie(context, "hours:saved") },
  });
}

export default function EditHour() {
  const { t } = useTranslation("hours");
  const { hour, location, topics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const toggleError = actionData && "toggleError" in actionData ? actionData.toggleError : null;
  const defaults = {
    kind: hour.weekday ? "weekly" : "oneOff",
    weekday: hour.weekday ? String(hour.weekday) : "",
    onDate: hour.onDate ?? "",
    startTime: hour.startTime,
    endTime: hour.endTime,
    slotMinutes: String(hour.slotMinutes),
    capacity: String(hour.capacity),
    onlineCapacity: String(hour.onlineCapacity),
    phoneCapacity: String(hour.phoneCapacity),
    topics: hour.topics,
    validFrom: hour.validFrom ?? "",
    validUntil: hour.validUntil ?? "",
    active: hour.active ? "on" : "",
  };
  return (
    <>
      <BackLink to={`/team/hours?location=${location.id}`}>{t("back")}</BackLink>
      <PageHeading caption={location.name}>{t("edit.heading")}</PageHeading>
      <HourForm
        locationId={location.id}
        topics={topics}
        defaultValue={defaults}
        lastResult={actionData?.result}
        submitLabel={t("edit.submit")}
      />
      <h2>{hour.active ? t("edit.deactivateHeading") : t("edit.activateHeading")}</h2>
      {toggleError ? <ErrorSummary errors={[{ message: toggleError }]} /> : null}
      <p>{t("list.bookingsStay")}</p>
      <Form method="post">
        <Button type="submit" name="intent" value={hour.active ? "deactivate" : "activate"} id="toggle">
          {hour.active ? t("edit.deactivate") : t("edit.activate")}
        </Button>
      </Form>
    </>
  );
}
