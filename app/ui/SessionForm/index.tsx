// The mentoring session form (plan, record, change afterwards): date and time in the location's time zone,
// duration, topics, attendance, mentor and notes. A hidden key makes an offline replay do nothing twice.
import type { SubmissionResult } from "@conform-to/react";
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { topicName } from "~/i18n/own-labels";
import { Button } from "~/ui/kit/Button";
import { CheckboxGroup } from "~/ui/kit/Checkbox";
import { DateField, TimeField } from "~/ui/kit/DateField";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { checkboxGroupProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";

/** What a volunteer most often records first: it happened. */
const ATTENDANCE_ORDER = ["attended", "no_show", "planned"] as const;

export interface SessionTopic {
  id: string;
  key: string;
  labels: string;
  active: boolean;
}

export type SessionFormValues = {
  date: string;
  time: string;
  durationMinutes: string;
  topics: string[];
  attendance: string;
  notes: string;
  mentorId: string;
};

export interface SessionFormProps {
  id: string;
  topics: SessionTopic[];
  mentors: { id: string; name: string }[];
  defaultValue: SessionFormValues;
  idempotencyKey?: string;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}

export function SessionForm({ id, topics, mentors, defaultValue, idempotencyKey, lastResult, submitLabel }: SessionFormProps) {
  const { t, i18n } = useTranslation("mentoring");
  const [form, fields] = useAppForm<SessionFormValues>({ id, lastResult, defaultValue });
  // Retired topics stay visible only where this session already has them.
  const offered = topics.filter((topic) => topic.active || defaultValue.topics.includes(topic.id));
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        {idempotencyKey ? <input type="hidden" name="idempotencyKey" value={idempotencyKey} /> : null}
        <DateField {...fieldProps(fields.date)} label={t("form.date")} />
        <TimeField {...fieldProps(fields.time)} label={t("form.time")} description={t("form.timeHint")} />
        <TextField
          {...fieldProps(fields.durationMinutes)}
          label={t("form.duration")}
          description={t("form.durationHint")}
          inputMode="numeric"
          width="short"
        />
        <CheckboxGroup
          {...checkboxGroupProps(fields.topics)}
          label={t("form.topics")}
          description={t("form.topicsHint")}
          options={offered.map((topic) => ({ value: topic.id, label: topicName(t, i18n.language, topic) }))}
        />
        <RadioGroup
          {...fieldProps(fields.attendance)}
          label={t("form.attendance")}
          options={ATTENDANCE_ORDER.map((value) => ({
            value,
            label: t(`lending:attendance.${value}`),
            description: t(`form.attendanceHint.${value}`),
          }))}
        />
        <Select
          {...fieldProps(fields.mentorId)}
          label={t("form.mentor")}
          options={mentors.map((m) => ({ value: m.id, label: m.name }))}
        />
        <TextField {...fieldProps(fields.notes)} label={t("form.notes")} description={t("form.notesHint")} multiline optional />
        <Button type="submit" variant="primary">
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}
