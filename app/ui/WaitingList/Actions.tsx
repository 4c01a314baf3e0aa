// What staff do with a place on the list: one small form per action, each posting its own `intent` and showing
// only its own errors. Moving needs a reason; the check-out itself happens on the loans page.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button, ButtonLink } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm, type FieldProps } from "~/ui/kit/forms";

export interface ReservationActionResult {
  intent: string;
  saved: boolean;
  result: SubmissionResult<string[]>;
}

export interface ReservationActionsProps {
  reservation: { id: string; status: string };
  others: { id: string; place: number; name: string }[];
  can: { move: boolean; answer: boolean; cancel: boolean; checkOut: boolean };
  actionData?: ReservationActionResult | null;
}

export function ReservationActions({ reservation, others, can, actionData }: ReservationActionsProps) {
  const { t } = useTranslation("waitlist");
  if (!can.move && !can.answer && !can.cancel && !can.checkOut) return null;
  return (
    <section aria-labelledby="reservation-actions-heading" className="waiting-list__actions">
      <h2 id="reservation-actions-heading">{t("actions.heading")}</h2>
      {can.checkOut ? (
        <p>
          <ButtonLink to={`/team/loans/new?reservation=${reservation.id}`}>{t("actions.checkOut")}</ButtonLink>
        </p>
      ) : null}
      {can.answer ? (
        <ActionForm intent="answer" title={t("actions.answer.heading")} submit={t("actions.answer.submit")} actionData={actionData}>
          {(field) => (
            <>
              <RadioGroup
                {...field("answer")}
                label={t("actions.answer.answer")}
                options={(reservation.status === "offered" ? ["accepted", "declined"] : ["declined"]).map((a) => ({
                  value: a,
                  label: t(`actions.answer.${a}`),
                }))}
              />
              <TextField {...field("note")} label={t("actions.note")} optional multiline rows={2} />
            </>
          )}
        </ActionForm>
      ) : null}
      {can.move ? (
        <ActionForm intent="move" title={t("actions.move.heading")} submit={t("actions.move.submit")} actionData={actionData}>
          {(field) => (
            <>
              <Select
                {...field("placeAfterId")}
                label={t("actions.move.where")}
                placeholder={t("actions.move.choose")}
                options={[
                  { value: "top", label: t("actions.move.toTop") },
                  ...others.map((o) => ({ value: o.id, label: t("actions.move.after", { place: o.place, name: o.name }) })),
                ]}
              />
              <TextField {...field("reason")} label={t("actions.move.reason")} description={t("actions.move.reasonHint")} multiline rows={3} />
            </>
          )}
        </ActionForm>
      ) : null}
      {can.cancel ? (
        <ActionForm intent="cancel" title={t("actions.cancel.heading")} submit={t("actions.cancel.submit")} actionData={actionData}>
          {(field) => <TextField {...field("note")} label={t("actions.note")} optional multiline rows={2} />}
        </ActionForm>
      ) : null}
    </section>
  );
}

function ActionForm({
  intent,
  title,
  submit,
  actionData,
  children,
}: {
  intent: string;
  title: string;
  submit: string;
  actionData?: ReservationActionResult | null;
  children: (field: (name: string) => FieldProps) => ReactNode;
}) {
  const { t } = useTranslation("waitlist");
  const mine = actionData?.intent === intent ? actionData : null;
  const [form, fields] = useAppForm({ id: `reservation-${intent}`, lastResult: mine?.result });
  const ref = useRef<HTMLFormElement>(null);
  useEffect(() => {
    if (mine?.saved) ref.current?.reset();
  }, [mine]);
  const field = (name: string): FieldProps => {
    const props = fieldProps(fields[name]);
    return { ...props, defaultValue: mine?.saved ? undefined : props.defaultValue, errors: mine ? props.errors : undefined };
  };
  const headingId = `${form.id}-heading`;
  return (
    <section aria-labelledby={headingId}>
      <h3 id={headingId}>{title}</h3>
      <ErrorSummary errors={mine ? formErrors(form) : []} />
      <Form method="post" ref={ref} {...formProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        {children(field)}
        <Button type="submit" variant={intent === "cancel" ? "danger" : "secondary"}>
          {submit}
        </Button>
        <p role="status">{mine?.saved ? t(`actions.saved.${intent}`) : null}</p>
      </Form>
    </section>
  );
}
