// Check-out: find the person (by phone or name, or add them), choose the device, fill in the details. Three steps
// on one page; each posts, so no phone number or name ever sits in the URL. `?reservation=<id>` starts at the
// details with the person and the device offered to them from the waiting list.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { ChoosePersonStep, DetailsStep, DeviceStep, FindPersonStep, NewPersonStep } from "~/ui/LoanCheckout";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { fromReservation, languageOptions, performCheckoutStep } from "~/web/check-out.server";
import { newFormKey } from "~/web/forms.server";

export const handle: RouteHandle = {
  titleKey: "loans:new.title",
  hydrate: true,
  // Only the last step (details) can be sent offline: finding the person and the device needs the server.
  offline: { keep: true, queue: { kind: "checkOut", then: "/team/loans", redo: "/team/loans/new" } },
};

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:manage");
  const reservationId = new URL(request.url).searchParams.get("reservation");
  const start = reservationId ? await respondTo(() => fromReservation(ctx, reservationId)) : null;
  return { formKey: newFormKey(), languages: languageOptions(), start, loanRetentionDays: context.services.config.retention.loanDays };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:manage");
  const answer = await performCheckoutStep(ctx, request);
  if ("step" in answer && answer.step === "done") return redirect(`/team/loans/${answer.loanId}?created=1`);
  return answer;
}

export default function NewLoan() {
  const { t } = useTranslation("loans");
  const { formKey, languages, start, loanRetentionDays } = useLoaderData<typeof loader>();
  const raw = useActionData<typeof action>();
  const answer = raw && "step" in raw ? raw : null;
  const step = () => {
    switch (answer?.step) {
      case "newPerson":
        return <NewPersonStep found={answer.found} languages={languages} lastResult={answer.result} />;
      case "choose":
        return <ChoosePersonStep matches={answer.found.matches} query={answer.query} lastResult={answer.result} />;
      case "device":
        return <DeviceStep borrower={answer.borrower} devices={answer.devices} lastResult={answer.result} />;
      case "details":
        return <DetailsStep loanRetentionDays={loanRetentionDays} borrower={answer.borrower} options={answer.options} formKey={formKey} lastResult={answer.result} />;
      case "find":
        return <FindPersonStep lastResult={answer.result} />;
      default:
        return start ? (
          <DetailsStep loanRetentionDays={loanRetentionDays} borrower={start.borrower} options={start.options} formKey={formKey} lastResult={null} />
        ) : (
          <FindPersonStep lastResult={null} />
        );
    }
  };
  return (
    <>
      <BackLink to="/team/loans">{t("new.back")}</BackLink>
      <PageHeading>{t("new.heading")}</PageHeading>
      {step()}
    </>
  );
}
