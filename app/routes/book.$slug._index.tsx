// Citizen: the free online appointments of a place, a week at a time, as radio buttons grouped by day. Choosing
// one posts here and goes on to the details (the choice travels in a signed cookie, not in the URL).
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { nextFreeSlots } from "~/capabilities/scheduling/appointments.server";
import { withActor } from "~/context";
import { detectLanguage } from "~/i18n/detect.server";
import { notFound } from "~/lib/errors";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink, Link } from "~/ui/kit/Link";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { SlotPicker } from "~/ui/SlotPicker";
import { placeBySlug } from "~/capabilities/scheduling/online-booking.server";
import {
  readState,
  slotLabel,
  slotWeek,
  WEEKS as WEEK_COUNT,
  writeState,
} from "~/web/booking.server";
import { errorResponse } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { newFormKey, readForm } from "~/web/forms.server";
import { isSlotValue } from "~/lib/calendar-input";
import { PrivacyNotice } from "~/ui/PrivacyNotice";

export const handle: RouteHandle = {
  titleKey: "booking:slots.title",
  // No time chosen: the page comes back with an error summary, and its title says so.
  title: ({ actionData }) => ((actionData as { error?: string } | undefined)?.error ? { key: "booking:slots.title", error: true } : undefined),
};
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const place = await placeBySlug(context.services, params.slug ?? "");
  if (!place) throw errorResponse(notFound("location"));
  const url = new URL(request.url);
  const week = Math.min(WEEK_COUNT - 1, Math.max(0, Number(url.searchParams.get("week")) || 0));
  const lng = detectLanguage(request);
  const ctx = withActor(context.services, { kind: "citizen" });
  const state = await readState(request, context);
  const taken = state?.slug === place.slug && state.taken;
  const [days, next] = await Promise.all([
    slotWeek(ctx, place.id, week, lng),
    taken ? nextFreeSlots(ctx, place.id, "web") : Promise.resolve([]),
  ]);
  const nextSlots = next.map((s) => {
    const value = `${s.hourId}|${s.startsAt.toISOString()}`;
    return { value, label: slotLabel(value, lng, place.timeZone) ?? "" };
  });
  return { place, week, days, taken: Boolean(taken), nextSlots, WEEKS: WEEK_COUNT };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const place = await placeBySlug(context.services, params.slug ?? "");
  if (!place) throw errorResponse(notFound("location"));
  const slot = String((await readForm(request)).get("slot") ?? "");
  if (!isSlotValue(slot)) {
    return data({ error: "scheduling:errors.slotRequired" }, { status: 400 });
  }
  const state = await readState(request, context);
  const kept = state?.slug === place.slug ? state : null;
  const next = { slug: place.slug, slot, answers: kept?.answers, key: newFormKey() };
  // Changing the time from the check page goes back there; otherwise on to the questions.
  return redirect(`/book/${place.slug}/${next.answers ? "check" : "details"}`, {
    headers: { "Set-Cookie": await writeState(context, next) },
  });
}

export default function BookSlots() {
  const { t } = useTranslation("booking");
  const { place, week, days, taken, nextSlots, WEEKS } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const errors = actionData?.error ? [actionData.error] : undefined;
  return (
    <CitizenShell>
      <BackLink to="/book">{t("slots.back")}</BackLink>
      <PageHeading caption={place.name}>{t("slots.heading")}</PageHeading>
      <ErrorSummary errors={errors ? errors.map((message) => ({ fieldId: "slot", message })) : []} />
      <p>
        {place.street}, {place.postalCode} {place.city}
      </p>
      {taken ? (
        <section className="callout" aria-labelledby="taken-heading">
          <h2 id="taken-heading">{t("slots.takenHeading")}</h2>
          <p>{t("slots.takenBody")}</p>
          {nextSlots.length ? (
            <Form method="post">
              <SlotPicker
                id="next-slot"
                name="slot"
                legend={t("slots.nextLegend")}
                days={[
                  {
                    day: "next",
                    label: t("slots.nextFree"),
                    slots: nextSlots.map((s) => ({ value: s.value, time: s.label })),
                    fullyBooked: false,
                  },
                ]}
                emptyText=""
              />
              <Button type="submit" variant="primary">
                {t("slots.continue")}
              </Button>
            </Form>
          ) : (
            <p>{t("slots.noneSoon")}</p>
          )}
        </section>
      ) : null}
      <p>{t("slots.intro")}</p>
      <Form method="post">
        <SlotPicker
          id="slot"
          name="slot"
          legend={t("slots.legend", { week: week + 1, weeks: WEEKS })}
          days={days}
          errors={errors}
          emptyText={t("slots.noneThisWeek")}
          fullDay={(day) => (
            <p>
              <Link to={`/book/${place.slug}/wait?day=${day.day}`}>{t("slots.waitingList", { day: day.label })}</Link>
            </p>
          )}
        />
        <Button type="submit" variant="primary">
          {t("slots.continue")}
        </Button>
      </Form>
      <PrivacyNotice />
      <nav aria-label={t("slots.weeks")} className="pagination">
        {week > 0 ? (
          <Link to={`/book/${place.slug}?week=${week - 1}`} rel="prev">
            {t("slots.previousWeek")}
          </Link>
        ) : null}{" "}
        {week < WEEKS - 1 ? (
          <Link to={`/book/${place.slug}?week=${week + 1}`} rel="next">
            {t("slots.nextWeek")}
          </Link>
        ) : null}
      </nav>
    </CitizenShell>
  );
}
