// Citizen: cancel or change an appointment with its reference and phone number. No JavaScript; every answer is
// rendered from a POST (nothing in the URL); a wrong code and a wrong number get the same "not found".
import type { ActionFunctionArgs, HeadersFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { detectLanguage } from "~/i18n/detect.server";
import { useRootData } from "~/ui/root-data";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { CitizenShell } from "~/ui/Shell/CitizenShell";
import { PhoneNumber } from "~/ui/Shell/PhoneNumber";
import { SlotPicker } from "~/ui/SlotPicker";
import { SummaryList } from "~/ui/kit/SummaryList";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { appointmentAction, type AppointmentAnswer, type AppointmentView } from "~/web/appointment.server";
import type { RouteHandle } from "~/web/handle";
import { PrivacyNotice } from "~/ui/PrivacyNotice";

/** Each step has its own title: the one form, the appointment found, the free times (with their errors), and the end. */
const STEP_TITLES: Partial<Record<AppointmentAnswer["step"], string>> = {
  found: "booking:manage.foundHeading",
  slots: "booking:manage.slotsTitle",
  cancelled: "booking:manage.cancelledHeading",
  moved: "booking:manage.movedHeading",
};

export const handle: RouteHandle = {
  titleKey: "booking:manage.title",
  title: ({ actionData }) => {
    const answer = actionData as AppointmentAnswer | undefined;
    const key = answer ? STEP_TITLES[answer.step] : undefined;
    return key ? { key, error: answer?.step === "slots" && Boolean(answer.error) } : undefined;
  },
};
export const headers: HeadersFunction = () => ({ "Cache-Control": "no-store" });

export async function action({ request, context }: ActionFunctionArgs) {
  return appointmentAction(request, context, detectLanguage(request));
}

function Facts({ appointment }: { appointment: AppointmentView }) {
  const { t } = useTranslation("booking");
  return (
    <SummaryList
      rows={[
        { key: "reference", label: t("done.referenceLabel"), value: appointment.reference },
        { key: "day", label: t("done.day"), value: appointment.day },
        { key: "time", label: t("done.time"), value: appointment.time },
        { key: "place", label: t("done.place"), value: appointment.place },
      ]}
    />
  );
}

function Hidden({ lookup }: { lookup: { reference: string; phone: string } }) {
  return (
    <>
      <input type="hidden" name="reference" value={lookup.reference} />
      <input type="hidden" name="phone" value={lookup.phone} />
    </>
  );
}

export default function MyAppointment() {
  const { t } = useTranslation("booking");
  const root = useRootData();
  const answer = useActionData<typeof action>() as AppointmentAnswer | undefined;
  const [form, fields] = useAppForm({ id: "lookup", lastResult: answer?.step === "find" ? answer.result : undefined });
  const phone = root ? <PhoneNumber phone={root.programmePhone} label={t("manage.callUs")} /> : null;

  if (answer?.step === "cancelled" || answer?.step === "moved") {
    return (
      <CitizenShell>
        <PageHeading>
          {answer.step === "cancelled" ? t("manage.cancelledHeading") : t("manage.movedHeading")}
        </PageHeading>
        <Facts appointment={answer.appointment} />
        <p>{answer.step === "cancelled" ? t("manage.cancelledBody") : t("manage.movedBody")}</p>
        <p>
          <Link to="/book">{t("manage.bookAnother")}</Link>
        </p>
      </CitizenShell>
    );
  }
  if (answer?.step === "found" || answer?.step === "slots") {
    return (
      <CitizenShell>
        <PageHeading>{t("manage.foundHeading")}</PageHeading>
        {answer.step === "slots" && answer.error ? (
          <ErrorSummary errors={[{ fieldId: "slot", message: answer.error }]} />
        ) : null}
        <Facts appointment={answer.appointment} />
        {answer.step === "found" ? (
          <>
            <Form method="post">
              <Hidden lookup={answer.lookup} />
              <Button type="submit" name="intent" value="slots" variant="primary">
                {t("manage.move")}
              </Button>
            </Form>
            <h2>{t("manage.cancelHeading")}</h2>
            <p>{t("manage.cancelBody")}</p>
            <Form method="post">
              <Hidden lookup={answer.lookup} />
              <input type="hidden" name="key" value={answer.key} />
              <Button type="submit" name="intent" value="cancel" variant="secondary">
                {t("manage.cancel")}
              </Button>
            </Form>
          </>
        ) : (
          <Form method="post">
            <Hidden lookup={answer.lookup} />
            <input type="hidden" name="key" value={answer.key} />
            <p>{t("manage.moveIntro")}</p>
            <SlotPicker
              id="slot"
              name="slot"
              legend={t("manage.moveLegend")}
              days={answer.days}
              errors={answer.error ? [answer.error] : undefined}
              emptyText={t("slots.noneSoon")}
            />
            <Button type="submit" name="intent" value="move" variant="primary">
              {t("manage.moveSubmit")}
            </Button>
          </Form>
        )}
        {phone}
        <PrivacyNotice />
      </CitizenShell>
    );
  }
  return (
    <CitizenShell>
      <PageHeading>{t("manage.heading")}</PageHeading>
      <ErrorSummary errors={formErrors(form)} />
      {form.errors?.length ? phone : null}
      <p>{t("manage.intro")}</p>
      <Form method="post" {...formProps(form)}>
        <TextField
          {...fieldProps(fields.reference)}
          label={t("manage.reference")}
          description={t("manage.referenceHint")}
          autoComplete="off"
          width="short"
        />
        <TextField
          {...fieldProps(fields.phone)}
          label={t("details.phone")}
          description={t("manage.phoneHint")}
          type="tel"
          inputMode="tel"
          autoComplete="tel"
          width="medium"
        />
        <Button type="submit" name="intent" value="find" variant="primary">
          {t("manage.find")}
        </Button>
      </Form>
      {phone}
      <PrivacyNotice />
    </CitizenShell>
  );
}
