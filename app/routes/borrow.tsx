// A citizen asks to borrow a tablet. No JavaScript: one plain form, errors from the server, and Post/Redirect/Get
// to /borrow/done with the reference in a signed flash cookie (never in the URL). The phone is the other way in.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data, redirect } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { askToBorrow, AskToBorrowInput } from "~/capabilities/lending/waiting-list.server";
import { lendingLocations } from "~/capabilities/lending/waiting-list-queries.server";
import { channelFor } from "~/capabilities/messaging/messenger.server";
import { findPersonByPhone } from "~/capabilities/people/persons.server";
import { withActor } from "~/context";
import { detectLanguage } from "~/i18n/detect.server";
import { isSupportedLanguage } from "~/i18n/locales.server";
import { AppError } from "~/lib/errors";
import { useRootData } from "~/ui/root-data";
import { BorrowForm, type BorrowFields } from "~/ui/BorrowForm";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { errorResponse } from "~/web/errors.server";
import { BORROW_FLASH, clearFlash, setFlash } from "~/web/flash.server";
import { invalid, newFormKey, parseForm } from "~/web/forms.server";
import type { RouteHandle } from "~/web/handle";
import { allowBorrowRequest } from "~/web/rate-limit.server";

export const handle: RouteHandle = { titleKey: "waitlist:borrow.title" };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const locations = await lendingLocations(context.services);
  // Starting again forgets the last confirmation (a shared computer at the library).
  const staleFlash = request.headers.get("Cookie")?.includes("da_flash=");
  return data(
    // The form's key: pressing "send" twice on a slow line asks once and shows the first reference.
    { locations, formKey: newFormKey() },
    staleFlash ? { headers: { "Set-Cookie": await clearFlash(context, BORROW_FLASH) } } : undefined,
  );
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { submission } = await parseForm(request, AskToBorrowInput);
  if (submission.status !== "success") return invalid(submission);
  const input = submission.value;
  const language = isSupportedLanguage(input.language) ? input.language : detectLanguage(request);
  if (!(await allowBorrowRequest(context.clientIp, input.phone.e164))) {
    return data({ result: submission.reply({ formErrors: ["waitlist:borrow.tooMany"] }) }, { status: 429 });
  }
  let reference: string;
  try {
    // Already on the list? The same answer as for a new request; the capability sends their reference again.
    ({ reference } = await askToBorrow(withActor(context.services, { kind: "citizen" }), { ...input, language }));
  } catch (error) {
    if (error instanceof AppError && error.status === 400) {
      return data({ result: submission.reply({ fieldErrors: { locationId: [error.messageKey] } }) }, { status: 400 });
    }
    if (error instanceof AppError) throw errorResponse(error);
    throw error;
  }
  const person = await findPersonByPhone(withActor(context.services, { kind: "citizen" }), input.phone.e164);
  const channel = channelFor(person ?? { phone: input.phone.e164, phoneType: input.phone.type, language, contactPreference: input.contactPreference });
  const location = (await lendingLocations(context.services)).find((l) => l.id === input.locationId)?.name ?? "";
  return redirect("/borrow/done", {
    headers: { "Set-Cookie": await setFlash(context, BORROW_FLASH, { kind: "borrowRequested", reference, channel, location }) },
  });
}

export default function Borrow() {
  const { t } = useTranslation("waitlist");
  const { locations, formKey } = useLoaderData<typeof loader>();
  const root = useRootData();
  const actionData = useActionData<typeof action>();
  const [form, fields] = useAppForm<BorrowFields>({ id: "borrow", lastResult: actionData?.result });
  const tooMany = form.errors?.includes("waitlist:borrow.tooMany");
  return (
    <CitizenShell>
      <PageHeading>{t("borrow.heading")}</PageHeading>
      <ErrorSummary errors={formErrors(form)} />
      {tooMany && root ? <PhoneNumber phone={root.programmePhone} label={t("borrow.callUs")} /> : null}
      <p className="lead">{t("borrow.intro")}</p>
      <ul>
        <li>{t("borrow.points.free")}</li>
        <li>{t("borrow.points.weeks")}</li>
        <li>{t("borrow.points.mentor")}</li>
        <li>{t("borrow.points.contact")}</li>
      </ul>
      {root ? <PhoneNumber phone={root.programmePhone} label={t("borrow.phoneInstead")} /> : null}
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="idempotencyKey" value={formKey} />
        <BorrowForm fields={fields} locations={locations} />
      </Form>
    </CitizenShell>
  );
}
