// A citizen joins the waiting list for a fully booked day. No JavaScript: a plain form, errors from the server,
// Post/Redirect/Get back to this page with the reference in a signed flash cookie (never in the URL).
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { joinDayWaitingList, JoinDayWaitInput, waitingListDay } from "~/capabilities/scheduling/day-waits.server";
import { placeBySlug } from "~/capabilities/scheduling/online-booking.server";
import { withActor } from "~/context";
import { detectLanguage } from "~/i18n/detect.server";
import { isSupportedLanguage } from "~/i18n/locales.server";
import { AppError } from "~/lib/errors";
import { useRootData } from "~/ui/root-data";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { ReferenceCode } from "~/ui/kit/ReferenceCode";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { DayWaitForm } from "~/ui/DayWaitForm";
import { errorResponse } from "~/web/errors.server";
import { readFlash, setFlash, type FlashOptions } from "~/web/flash.server";
import { invalid, newFormKey, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { allowDayWaitJoin } from "~/web/rate-limit.server";
import { isCalendarDay } from "~/lib/calendar-input";

export const handle: RouteHandle = {
  titleKey: "desk:wait.title",
  // Once on the list, the page shows the reference under its own heading; the title follows it.
  title: ({ data }) => ((data as { joined?: { messageKey: string } | null } | undefined)?.joined?.messageKey === "desk:wait.joined" ? { key: "desk:wait.joinedHeading" } : undefined),
};
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

const WAIT_FLASH: FlashOptions = { path: "/book", maxAgeSeconds: 15 * 60 };

async function placeAndDay(params: { slug?: string }, request: Request, context: LoaderFunctionArgs["context"]) {
  const location = await placeBySlug(context.services, params.slug ?? "");
  const day = new URL(request.url).searchParams.get("day") ?? "";
  if (!location || !isCalendarDay(day)) throw errorResponse(new AppError(404, "errors.notFound", { what: "page" }));
  return { location, day };
}

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { location, day } = await placeAndDay(params, request, context);
  const flash = await readFlash(request, context, WAIT_FLASH, "notice");
  const joined = flash && flash.params.slug === location.slug && flash.params.day === day ? flash : null;
  // Only a fully booked day takes names: a day with free places points to them instead of the form.
  const state = await waitingListDay(withActor(context.services, { kind: "citizen" }), location.id, day);
  return {
    place: location.name,
    slug: location.slug,
    day,
    freeWeek: state.state === "free" ? state.week : null,
    noHours: state.state === "noHours",
    joined: joined ? { messageKey: joined.messageKey, reference: joined.params.reference ?? "" } : null,
    formKey: newFormKey(),
  };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { location, day } = await placeAndDay(params, request, context);
  const { submission } = await parseForm(request, JoinDayWaitInput.omit({ day: true }));
  if (submission.status !== "success") return invalid(submission);
  const input = submission.value;
  const language = isSupportedLanguage(input.language) ? input.language : detectLanguage(request);
  if (!(await allowDayWaitJoin(context.clientIp, input.phone.e164))) {
    return data({ result: submission.reply({ formErrors: ["desk:wait.tooMany"] }) }, { status: 429 });
  }
  let result: Awaited<ReturnType<typeof joinDayWaitingList>>;
  try {
    result = await joinDayWaitingList(withActor(context.services, { kind: "citizen" }), location.id, { ...input, day, language });
  } catch (error) {
    if (error instanceof AppError && (error.status === 400 || error.status === 409))
      return data({ result: submission.reply({ formErrors: [error.messageKey] }) }, { status: error.status });
    if (error instanceof AppError) throw errorResponse(error);
    throw error;
  }
  const values: Record<string, string> = result.already ? { slug: location.slug, day } : { slug: location.slug, day, reference: result.reference ?? "" };
  const flash = { kind: "notice" as const, messageKey: result.already ? "desk:wait.already" : "desk:wait.joined", params: values };
  return redirect(`/book/${location.slug}/wait?day=${day}`, { headers: { "Set-Cookie": await setFlash(context, WAIT_FLASH, flash) } });
}

export default function DayWaitingList() {
  const { t, i18n } = useTranslation("desk");
  const { place, slug, day, freeWeek, noHours, joined, formKey } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const root = useRootData();
  const date = new Intl.DateTimeFormat(root?.lng ?? i18n.language, { dateStyle: "full", timeZone: "UTC" }).format(new Date(`${day}T12:00:00Z`));
  if (joined?.messageKey === "desk:wait.joined") {
    return (
      <CitizenShell>
        <ReferenceCode heading={t("wait.joinedHeading")} label={t("wait.referenceLabel")} code={joined.reference} spelledLabel={t("wait.spelledLabel")} />
        <p>{t("wait.joinedBody", { date, place })}</p>
        {root ? <PhoneNumber phone={root.programmePhone} label={t("wait.questions")} /> : null}
      </CitizenShell>
    );
  }
  return (
    <CitizenShell>
      <PageHeading caption={place}>{t("wait.heading", { date })}</PageHeading>
      {joined ? <p role="status" className="lead">{t("wait.already")}</p> : null}
      {noHours && !joined ? (
        <>
          <p className="lead">{t("errors.noHoursThatDay")}</p>
          <p>
            <Link to={`/book/${slug}`}>{t("wait.toList")}</Link>
          </p>
        </>
      ) : freeWeek !== null && !joined ? (
        <>
          <p className="lead" role={actionData ? "alert" : undefined}>
            {t("errors.dayNotFull")}
          </p>
          <p>
            <Link to={`/book/${slug}?week=${freeWeek}`}>{t("wait.freeLink", { date })}</Link>
          </p>
        </>
      ) : (
        <>
          <p className="lead">{t("wait.intro")}</p>
          <DayWaitForm lastResult={actionData?.result} formKey={formKey} />
        </>
      )}
    </CitizenShell>
  );
}
