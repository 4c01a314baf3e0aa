// The consultation-hour form (staff): weekly or one-off, times, slot length, places split by channel, topics,
// validity and whether it is offered. Shared by "new" and "edit"; errors come from the server.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { categoryName } from "~/i18n/own-labels";
import { Button } from "~/ui/kit/Button";
import { Checkbox, CheckboxGroup } from "~/ui/kit/Checkbox";
import { NativeDateInput } from "~/ui/kit/DateField";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { checkboxGroupProps, checkboxProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";

export const WEEKDAYS = [1, 2, 3, 4, 5, 6, 7] as const;
export const SLOT_LENGTHS = [20, 30, 45, 60] as const;

export interface HourFormProps {
  locationId: string;
  topics: { key: string; labels: string }[];
  defaultValue?: Record<string, string | string[]>;
  lastResult?: SubmissionResult<string[]> | null;
  submitLabel: string;
}

export function HourForm({ locationId, topics, defaultValue, lastResult, submitLabel }: HourFormProps) {
  const { t, i18n } = useTranslation("hours");
  const [form, fields] = useAppForm<Record<string, string | string[]>>({
    id: "hour",
    lastResult,
    defaultValue: defaultValue ?? {
      kind: "weekly",
      slotMinutes: "30",
      capacity: "1",
      onlineCapacity: "1",
      phoneCapacity: "0",
      active: "on",
    },
  });
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="locationId" value={locationId} />
        <RadioGroup
          {...fieldProps(fields.kind)}
          label={t("form.kind")}
          options={[
            { value: "weekly", label: t("form.kindWeekly"), description: t("form.kindWeeklyHint") },
            { value: "oneOff", label: t("form.kindOneOff"), description: t("form.kindOneOffHint") },
          ]}
        />
        <Select
          {...fieldProps(fields.weekday)}
          label={t("form.weekday")}
          description={t("form.weekdayHint")}
          placeholder={t("form.choose")}
          options={WEEKDAYS.map((d) => ({ value: String(d), label: t(`weekday.${d}`) }))}
        />
        <NativeDateInput {...fieldProps(fields.onDate)} label={t("form.onDate")} description={t("form.onDateHint")} />
        <TextField
          {...fieldProps(fields.startTime)}
          label={t("form.startTime")}
          description={t("form.timeHint")}
          width="short"
        />
        <TextField
          {...fieldProps(fields.endTime)}
          label={t("form.endTime")}
          description={t("form.timeHint")}
          width="short"
        />
        <Select
          {...fieldProps(fields.slotMinutes)}
          label={t("form.slotMinutes")}
          options={SLOT_LENGTHS.map((m) => ({ value: String(m), label: t("form.minutes", { minutes: m }) }))}
        />
        <TextField
          {...fieldProps(fields.capacity)}
          label={t("form.capacity")}
          description={t("form.capacityHint")}
          inputMode="numeric"
          width="short"
        />
        <TextField
          {...fieldProps(fields.onlineCapacity)}
          label={t("form.online")}
          description={t("form.onlineHint")}
          inputMode="numeric"
          width="short"
        />
        <TextField
          {...fieldProps(fields.phoneCapacity)}
          label={t("form.phone")}
          description={t("form.phoneHint")}
          inputMode="numeric"
          width="short"
        />
        <CheckboxGroup
          {...checkboxGroupProps(fields.topics)}
          label={t("form.topics")}
          description={t("form.topicsHint")}
          optional
          options={topics.map((c) => ({ value: c.key, label: categoryName(t, i18n.language, c) }))}
        />
        <NativeDateInput
          {...fieldProps(fields.validFrom)}
          label={t("form.validFrom")}
          description={t("form.validHint")}
          optional
        />
        <NativeDateInput
          {...fieldProps(fields.validUntil)}
          label={t("form.validUntil")}
          description={t("form.validHint")}
          optional
        />
        <Checkbox {...checkboxProps(fields.active)} description={t("form.activeHint")}>
          {t("form.active")}
        </Checkbox>
        <p>{t("form.bookingsStay")}</p>
        <Button type="submit" variant="primary" name="intent" value="save">
          {submitLabel}
        </Button>
      </Form>
    </>
  );
}

/** "3 places: 1 online, 1 by phone, 1 internal" */
export function SplitText({
  capacity,
  split,
}: {
  capacity: number;
  split: { web: number; phone: number; internal: number };
}) {
  const { t } = useTranslation("hours");
  return <>{t("split", { capacity, web: split.web, phone: split.phone, internal: split.internal })}</>;
}
