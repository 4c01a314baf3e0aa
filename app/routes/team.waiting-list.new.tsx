// Staff put a caller on the waiting list: the number first (any German format), then the rest. Ends on the new
// place with its reference; someone already waiting there is shown with their place instead.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { AddToWaitingListInput, askToBorrow } from "~/capabilities/lending/waiting-list.server";
import { parsePhone } from "~/lib/phone.server";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { BorrowerDetails, BorrowerLookup } from "~/ui/WaitlistIntake";
import { parseForm, formIntent } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { intakeOptions } from "~/web/waitlist.server";
import { lookUpBorrower, LookupInput } from "~/web/caller-lookup.server";
import { attempt, refusalReply } from "~/web/refusals.server";

export const handle: RouteHandle = { titleKey: "waitlist:new.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "waitlist:manage");
  return intakeOptions(ctx);
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "waitlist:manage");
  const intent = await formIntent(request);
  if (intent !== "create") {
    const { submission } = await parseForm(request, LookupInput);
    if (submission.status !== "success") return data({ step: "lookup" as const, result: submission.reply() }, { status: 400 });
    return { step: "details" as const, caller: await lookUpBorrower(ctx, submission.value.phone), result: null, already: null };
  }
  const { formData, submission } = await parseForm(request, AddToWaitingListInput);
  const phone = parsePhone(String(formData.get("phone") ?? ""));
  if (!phone) return data({ step: "lookup" as const, result: null }, { status: 400 });
  const details = async (result: unknown, already: { id: string; place: number; location: string } | null = null) => ({
    step: "details" as const,
    caller: await lookUpBorrower(ctx, phone),
    result: result as ReturnType<typeof submission.reply>,
    already,
  });
  if (submission.status !== "success") return data(await details(submission.reply()), { status: 400 });
  const outcome = await attempt(() => askToBorrow(ctx, submission.value));
  if (!outcome.ok) return data(await details(refusalReply(submission, outcome.refusal)), { status: outcome.refusal.status });
  const { value } = outcome;
  if (!value.created) {
    const location = (await intakeOptions(ctx)).locations.find((l) => l.id === submission.value.locationId)?.name ?? "";
    return details(null, { id: value.reservationId, place: value.place, location });
  }
  return redirect(`/team/waiting-list/${value.reservationId}?created=1`);
}

export default function NewReservation() {
  const { t } = useTranslation("waitlist");
  const options = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <BackLink to="/team/waiting-list">{t("new.back")}</BackLink>
      <PageHeading>{t("new.heading")}</PageHeading>
      <p>{t("new.intro")}</p>
      {answer?.step === "details" ? (
        <BorrowerDetails caller={answer.caller} options={options} lastResult={answer.result} already={answer.already} />
      ) : (
        <BorrowerLookup lastResult={answer?.result} />
      )}
    </>
  );
}
