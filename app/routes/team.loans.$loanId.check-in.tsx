// Check-in: the return checklist (with an optional photo of damage). The device then needs a reset; missing
// accessories keep a follow-up open on the loan.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CheckInInput, PHOTO_MAX_BYTES } from "~/capabilities/lending/loan-inputs.server";
import { checkInDevice } from "~/capabilities/lending/loan-check-in.server";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { CheckInForm } from "~/ui/LoanCheckIn";
import { respondTo } from "~/web/errors.server";
import { noticeCookie } from "~/web/flash.server";
import type { RouteHandle } from "~/web/handle";
import { checkInPage } from "~/web/loan-pages.server";
import { requireStaff } from "~/web/session.server";
import { attempt, refusalReply } from "~/web/refusals.server";
import { FORM_FIELDS_ALLOWANCE, newFormKey, parseFields, readFileForm } from "~/web/forms.server";

export const handle: RouteHandle = {
  titleKey: "loans:checkIn.title",
  hydrate: true,
  offline: { keep: true, queue: { kind: "checkIn", then: "/team/loans/:loanId", redo: "/team/loans/:loanId" } },
};

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:manage");
  return { ...(await respondTo(() => checkInPage(ctx, params.loanId!, "checkIn"))), formKey: newFormKey() };
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:manage");
  // Past the limit (with room for the other fields) the photo is refused while it streams in; the capability
  // refuses a photo just over it with the same message.
  const formData = await readFileForm(request, PHOTO_MAX_BYTES + FORM_FIELDS_ALLOWANCE);
  if (formData === "tooLarge") return data({ result: { status: "error" as const, error: { photo: ["loans:errors.photoTooLarge"] } } }, { status: 400 });
  const submission = parseFields(formData, CheckInInput);
  if (submission.status !== "success") return data({ result: submission.reply() }, { status: 400 });
  const file = formData.get("photo");
  const photo =
    file instanceof File && file.size > 0 ? { contentType: file.type, data: new Uint8Array(await file.arrayBuffer()) } : null;
  const outcome = await attempt(() => checkInDevice(ctx, params.loanId!, { ...submission.value, photo }));
  if (!outcome.ok) return data({ result: refusalReply(submission, outcome.refusal) }, { status: outcome.refusal.status });
  return redirect(`/team/loans/${params.loanId}`, { headers: { "Set-Cookie": await noticeCookie(context, "loans:checkIn.done") } });
}

export default function CheckIn() {
  const { t } = useTranslation("loans");
  const { loan, formKey } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  return (
    <>
      <BackLink to={`/team/loans/${loan.id}`}>{t("checkIn.back")}</BackLink>
      <PageHeading caption={`${loan.reference} · ${loan.assetTag}`}>{t("checkIn.heading")}</PageHeading>
      <CheckInForm formKey={formKey} goals={loan.goals} lastResult={answer?.result} />
    </>
  );
}
