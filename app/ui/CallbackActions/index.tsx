// The forms on a callback's page: record an attempt (four outcomes as big radio buttons, a note, and for "call
// again" the time the person asked for), move the call by hand, or cancel it.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";

type Result = SubmissionResult<string[]> | null | undefined;
export const OUTCOMES = ["reached", "no_answer", "call_again", "wrong_number"] as const;

/** `defaultOutcome`: preselected, e.g. "reached" after a click-to-call conversation. */
export function AttemptForm({ lastResult, defaultOutcome }: { lastResult: Result; defaultOutcome?: string }) {
  const { t } = useTranslation("callbacks");
  const [form, fields] = useAppForm<{ outcome: string; note: string; callAgainAt: string }>({
    id: "attempt",
    lastResult,
    defaultValue: defaultOutcome ? { outcome: defaultOutcome } : undefined,
  });
  return (
    <section aria-labelledby="attempt-heading">
      <h2 id="attempt-heading">{t("detail.attempt")}</h2>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="attempt" />
        <RadioGroup
          {...fieldProps(fields.outcome)}
          label={t("detail.outcome")}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`outcome.${o}`), description: t(`outcomeHint.${o}`) }))}
        />
        <TextField {...fieldProps(fields.callAgainAt)} label={t("detail.callAgainAt")} description={t("detail.callAgainAtHint")} type="datetime-local" optional width="medium" />
        <TextField {...fieldProps(fields.note)} label={t("detail.note")} optional multiline rows={3} />
        <Button type="submit">{t("detail.record")}</Button>
      </Form>
    </section>
  );
}

export function RescheduleForm({ lastResult }: { lastResult: Result }) {
  const { t } = useTranslation("callbacks");
  const [form, fields] = useAppForm<{ at: string }>({ id: "reschedule", lastResult });
  return (
    <section aria-labelledby="reschedule-heading">
      <h2 id="reschedule-heading">{t("detail.reschedule")}</h2>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="reschedule" />
        <TextField {...fieldProps(fields.at)} label={t("detail.rescheduleAt")} description={t("detail.rescheduleHint")} type="datetime-local" width="medium" />
        <Button type="submit" variant="secondary">
          {t("detail.rescheduleSubmit")}
        </Button>
      </Form>
    </section>
  );
}

export function CancelForm({ lastResult }: { lastResult: Result }) {
  const { t } = useTranslation("callbacks");
  const [form] = useAppForm({ id: "cancel", lastResult });
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t("detail.cancel")}</h2>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="cancel" />
        <p>{t("detail.cancelHint")}</p>
        <Button type="submit" variant="danger">
          {t("detail.cancelSubmit")}
        </Button>
      </Form>
    </section>
  );
}
