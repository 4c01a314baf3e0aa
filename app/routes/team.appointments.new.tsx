// Booking for a caller: the number (any German format) and the place, then first name and the next free phone
// places — the first one chosen, so Enter books it. The number travels in a hidden field, never in the URL.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { bookForCaller, DeskBookingInput, deskPlaces } from "~/capabilities/scheduling/desk.server";
import { PhoneInput } from "~/capabilities/people/persons.server";
import { parsePhone } from "~/lib/phone.server";
import { BookingStep, CallerStep } from "~/ui/DeskBooking";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { bookingStep, LookupInput } from "~/web/desk-pages.server";
import { parseForm, readForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/refusals.server";

export const handle: RouteHandle = { titleKey: "desk:book.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "appointment:manage");
  return { places: (await deskPlaces(ctx)).map(({ id, name }) => ({ id, name })) };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "appointment:manage");
  const form = await readForm(request.clone());

  if (form.get("intent") !== "book") {
    const { submission } = await parseForm(request, LookupInput.extend({ phone: PhoneInput }));
    if (submission.status !== "success") return data({ step: "lookup" as const, result: submission.reply() }, { status: 400 });
    const { phone, locationId } = submission.value;
    await requireStaff(request, context, "appointment:manage", locationId);
    return { step: "book" as const, booking: await bookingStep(ctx, phone, locationId), result: null };
  }

  const phone = parsePhone(String(form.get("phone") ?? ""));
  const locationId = String(form.get("locationId") ?? "");
  if (!phone || !locationId) return data({ step: "lookup" as const, result: null }, { status: 400 });
  await requireStaff(request, context, "appointment:manage", locationId);
  const key = String(form.get("idempotencyKey") ?? "") || undefined;
  const { submission } = await parseForm(request, DeskBookingInput);
  if (submission.status !== "success") {
    return data({ step: "book" as const, booking: await bookingStep(ctx, phone, locationId, key), result: submission.reply() }, { status: 400 });
  }
  const outcome = await attempt(() => bookForCaller(ctx, submission.value));
  if (!outcome.ok) {
    // Taken meanwhile: the form comes back with the next free places.
    return data(
      { step: "book" as const, booking: await bookingStep(ctx, phone, locationId, key), result: refusalReply(submission, outcome.refusal) },
      { status: outcome.refusal.status },
    );
  }
  return redirect(`/team/appointments/${outcome.value.id}?booked=1`);
}

export default function BookForCaller() {
  const { t } = useTranslation("desk");
  const { places } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/team/appointments">{t("book.back")}</BackLink>
      <PageHeading>{t("book.heading")}</PageHeading>
      <p>{t("book.intro")}</p>
      {answer?.step === "book" ? <BookingStep step={answer.booking} lastResult={answer.result} /> : <CallerStep places={places} lastResult={answer?.result} />}
    </>
  );
}
