// Staff: add weekly consultation hours or a one-off extra hour at a place.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { createHour, HourInput } from "~/capabilities/scheduling/hours.server";
import { notFound } from "~/lib/errors";
import { HourForm } from "~/ui/HourForm";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { errorResponse } from "~/web/errors.server";
import { noticeCookie } from "~/web/flash.server";
import { invalid, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { chosenLocation, topicOptions } from "~/web/hours-pages.server";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/refusals.server";

export const handle: RouteHandle = { titleKey: "hours:new.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "schedule:manage");
  const { location } = await chosenLocation(ctx, new URL(request.url));
  if (!location) throw errorResponse(notFound("location"));
  return { location, topics: await topicOptions(ctx) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "schedule:manage");
  const { submission } = await parseForm(request, HourInput);
  if (submission.status !== "success") return invalid(submission);
  const outcome = await attempt(() => createHour(ctx, submission.value));
  if (!outcome.ok)
    return data({ result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  return redirect(`/team/hours?location=${submission.value.locationId}`, {
    headers: { "Set-Cookie": await noticeCookie(context, "hours:saved") },
  });
}

export default function NewHour() {
  const { t } = useTranslation("hours");
  const { location, topics } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/team/hours?location=${location.id}`}>{t("back")}</BackLink>
      <PageHeading caption={location.name}>{t("new.heading")}</PageHeading>
      <HourForm
        locationId={location.id}
        topics={topics}
        lastResult={actionData?.result}
        submitLabel={t("new.submit")}
      />
    </>
  );
}
