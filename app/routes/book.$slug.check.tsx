// Citizen: check your answers (GOV.UK), each with a change link, then "Book now". A slot taken in the meantime
// sends them back to the list with the next free slots first; other refusals are explained here.
import type { ActionFunctionArgs, HeadersFunction, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useRootData } from "~/ui/root-data";
import { useTranslation } from "react-i18next";
import { channelFor } from "~/capabilities/messaging/messenger.server";
import { findPersonByPhone } from "~/capabilities/people/persons.server";
import { bookAppointment, BookingInput } from "~/capabilities/scheduling/appointments.server";
import { withActor } from "~/context";
import { detectLanguage } from "~/i18n/detect.server";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink, Link } from "~/ui/kit/Link";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { SummaryList } from "~/ui/kit/SummaryList";
import { placeBySlug } from "~/capabilities/scheduling/online-booking.server";
import { clearState, readState, slotLabel, writeBooked, writeState } from "~/web/booking.server";
import type { RouteHandle } from "~/web/handle";
import { attempt } from "~/web/refusals.server";
import { allowOnlineBooking } from "~/web/rate-limit.server";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { PrivacyNotice } from "~/ui/PrivacyNotice";

export const handle: RouteHandle = {
  titleKey: "booking:check.title",
  // A refused booking comes back with an error summary, and its title says so.
  title: ({ actionData }) => ((actionData as { error?: string } | undefined)?.error ? { key: "booking:check.title", error: true } : undefined),
};
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

async function complete(request: Request, context: LoaderFunctionArgs["context"], slug: string) {
  const place = await placeBySlug(context.services, slug);
  const state = await readState(request, context);
  if (!place || !state || state.slug !== place.slug || !state.slot)
    throw redirect(place ? `/book/${place.slug}` : "/book");
  if (!state.answers) throw redirect(`/book/${place.slug}/details`);
  return { place, state: { ...state, slot: state.slot, answers: state.answers } };
}

export async function loader({ request, params, context }: LoaderFunctionArgs) {
  const { place, state } = await complete(request, context, params.slug ?? "");
  return { place, when: slotLabel(state.slot, detectLanguage(request), place.timeZone), answers: state.answers };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  const { place, state } = await complete(request, context, params.slug ?? "");
  const { answers } = state;
  const input = BookingInput.safeParse({
    locationId: place.id,
    slot: state.slot,
    person: {
      firstName: answers.firstName,
      phone: answers.phone,
      language: answers.language,
      contactPreference: answers.contactPreference,
    },
    concern: answers.concern,
    wantsEarlyReminder: answers.wantsEarlyReminder,
    idempotencyKey: state.key,
  });
  if (!input.success) throw redirect(`/book/${place.slug}/details`);
  // Before anything is booked or sent: a refused booking sends nothing.
  if (!(await allowOnlineBooking(context.clientIp, input.data.person.phone.e164))) {
    return data({ error: "booking:check.tooMany" }, { status: 429 });
  }
  const citizen = withActor(context.services, { kind: "citizen" });
  const outcome = await attempt(() => bookAppointment(citizen, { ...input.data, pool: "web", channel: "web" }));
  if (!outcome.ok) {
    if (outcome.refusal.messageKey === "scheduling:errors.slotTaken") {
      return redirect(`/book/${place.slug}`, {
        headers: { "Set-Cookie": await writeState(context, { ...state, slot: undefined, taken: true }) },
      });
    }
    return data({ error: outcome.refusal.messageKey }, { status: outcome.refusal.status });
  }
  const person = await findPersonByPhone(citizen, answers.phone);
  const channel = person ? channelFor(person) : "sms";
  const headers = new Headers();
  headers.append("Set-Cookie", await clearState(context));
  headers.append(
    "Set-Cookie",
    await writeBooked(context, { appointmentId: outcome.value.id, reference: outcome.value.reference, channel })
  );
  return redirect("/book/done", { headers });
}

/** Refusals that no other time would help with: the page offers "My appointment" and our number instead. */
const LIMITS = ["booking:check.tooMany", "scheduling:errors.tooManyOnline"];

export default function BookCheck() {
  const { t } = useTranslation("booking");
  const { place, when, answers } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const root = useRootData();
  const languageName = root?.languages.find((l) => l.code === answers.language)?.name ?? answers.language;
  const change = (to: string, what: string) => (
    <Link to={to}>
      {t("check.change")}
      <span className="visually-hidden"> {what}</span>
    </Link>
  );
  const details = `/book/${place.slug}/details`;
  const row = (key: string, label: string, value: string, to = details) => ({
    key,
    label,
    value: (
      <>
        <span dir="auto">{value || t("check.none")}</span> {change(to, label)}
      </>
    ),
  });
  return (
    <CitizenShell>
      <BackLink to={details}>{t("check.back")}</BackLink>
      <PageHeading caption={place.name}>{t("check.heading")}</PageHeading>
      <ErrorSummary errors={actionData?.error ? [{ message: actionData.error }] : []} />
      {actionData?.error && !LIMITS.includes(actionData.error) ? (
        <p>
          <Link to={`/book/${place.slug}`}>{t("check.chooseAnother")}</Link>
        </p>
      ) : null}
      {actionData?.error && LIMITS.includes(actionData.error) ? (
        <>
          <p>
            <Link to="/appointment">{t("done.changeLink")}</Link>
          </p>
          {root ? <PhoneNumber phone={root.programmePhone} label={t("done.changePhone")} /> : null}
        </>
      ) : null}
      <SummaryList
        rows={[
          row("place", t("check.place"), `${place.name}, ${place.street}, ${place.postalCode} ${place.city}`, "/book"),
          row("when", t("check.when"), when ?? "", `/book/${place.slug}`),
          row("firstName", t("details.firstName"), answers.firstName),
          row("phone", t("details.phone"), answers.phone),
          row("language", t("details.language"), languageName),
          row(
            "contact",
            t("details.contact"),
            answers.contactPreference === "voice" ? t("details.contactVoice") : t("details.contactSms")
          ),
          row("concern", t("details.concern"), answers.concern),
          row("reminder", t("details.reminder"), answers.wantsEarlyReminder ? t("check.yes") : t("check.no")),
        ]}
      />
      <p>{t("check.confirmText")}</p>
      <PrivacyNotice />
      <Form method="post">
        <Button type="submit" variant="primary">
          {t("check.submit")}
        </Button>
      </Form>
    </CitizenShell>
  );
}
