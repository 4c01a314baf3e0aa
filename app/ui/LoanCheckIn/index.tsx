// The return checklist: accessories (and which are missing), condition (a note and a photo when damaged), reset,
// account, SIM, the learning goals reached, and how the loan ended. Also the short reset confirmation.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { topicName } from "~/i18n/own-labels";
import { Button } from "~/ui/kit/Button";
import { Checkbox, CheckboxGroup } from "~/ui/kit/Checkbox";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { formGroupClassName, NativeFieldHeader, useFieldIds } from "~/ui/kit/Field";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { TextField } from "~/ui/kit/TextField";
import { checkboxGroupProps, checkboxProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";

import "./LoanCheckIn.css";

type Result = SubmissionResult<string[]> | null | undefined;

const ACCESSORIES = ["charger", "cable", "case", "stylus", "keyboard", "headphones", "sim_card", "manual"];
const CONDITIONS = ["good", "worn", "damaged"];
const SIMS = ["deactivated", "kept", "none"];
const OUTCOMES = ["returned", "bought_own", "extended", "referred_consultation"];

export interface CheckInProps {
  formKey: string;
  goals: { topicId: string; topic: { key: string; labels: string } }[];
  lastResult: Result;
}

export function CheckInForm({ formKey, goals, lastResult }: CheckInProps) {
  const { t, i18n } = useTranslation("loans");
  const [form, fields] = useAppForm<{
    accessoriesComplete: string;
    missingAccessories: string[];
    condition: string;
    damageNote: string;
    photo: string;
    factoryReset: string;
    accountRemoved: string;
    sim: string;
    achievedGoals: string[];
    outcome: string;
  }>({ id: "loan-check-in", lastResult });
  const yesNo = [
    { value: "yes", label: t("answer.yes") },
    { value: "no", label: t("answer.no") },
  ];
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" encType="multipart/form-data" {...formProps(form)}>
        <input type="hidden" name="idempotencyKey" value={formKey} />
        <RadioGroup {...fieldProps(fields.accessoriesComplete)} label={t("checkIn.accessoriesComplete")} inline options={yesNo} />
        <CheckboxGroup
          {...checkboxGroupProps(fields.missingAccessories)}
          label={t("checkIn.missingAccessories")}
          description={t("checkIn.missingAccessoriesHint")}
          optional
          options={ACCESSORIES.map((a) => ({ value: a, label: t(`lending:accessory.${a}`) }))}
        />
        <RadioGroup
          {...fieldProps(fields.condition)}
          label={t("checkIn.condition")}
          options={CONDITIONS.map((c) => ({ value: c, label: t(`lending:condition.${c}`) }))}
        />
        <TextField {...fieldProps(fields.damageNote)} label={t("checkIn.damageNote")} description={t("checkIn.damageNoteHint")} optional multiline rows={3} />
        <PhotoInput id={fields.photo.id} name="photo" errors={fields.photo.errors} />
        <RadioGroup {...fieldProps(fields.factoryReset)} label={t("checkIn.factoryReset")} inline options={yesNo} />
        <RadioGroup {...fieldProps(fields.accountRemoved)} label={t("checkIn.accountRemoved")} inline options={yesNo} />
        <RadioGroup {...fieldProps(fields.sim)} label={t("checkIn.sim")} options={SIMS.map((s) => ({ value: s, label: t(`lending:simAtReturn.${s}`) }))} />
        {goals.length ? (
          <CheckboxGroup
            {...checkboxGroupProps(fields.achievedGoals)}
            label={t("checkIn.achievedGoals")}
            description={t("checkIn.achievedGoalsHint")}
            optional
            options={goals.map((g) => ({ value: g.topicId, label: topicName(t, i18n.language, g.topic) }))}
          />
        ) : null}
        <RadioGroup
          {...fieldProps(fields.outcome)}
          label={t("checkIn.outcome")}
          options={OUTCOMES.map((o) => ({ value: o, label: t(`lending:outcome.${o}`) }))}
        />
        <Button type="submit">{t("checkIn.submit")}</Button>
      </Form>
    </>
  );
}

function PhotoInput({ id, name, errors }: { id: string; name: string; errors?: string[] }) {
  const { t } = useTranslation("loans");
  const ids = useFieldIds(id, t("checkIn.photoHint"), errors);
  return (
    <div className={formGroupClassName(ids.isInvalid)}>
      <NativeFieldHeader ids={ids} label={t("checkIn.photo")} optional description={t("checkIn.photoHint")} errors={errors} />
      <input
        type="file"
        id={ids.fieldId}
        name={name}
        accept="image/jpeg,image/png,image/webp"
        className="file-input"
        aria-describedby={ids.describedBy}
        aria-invalid={ids.isInvalid || undefined}
      />
    </div>
  );
}

export function ResetForm({ lastResult }: { lastResult: Result }) {
  const { t } = useTranslation("loans");
  const [form, fields] = useAppForm<{ factoryReset: string; accountsRemoved: string; charged: string }>({ id: "loan-reset", lastResult });
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <fieldset className="loan-reset">
          <legend className="field-label">{t("reset.legend")}</legend>
          <Checkbox {...checkboxProps(fields.factoryReset)}>{t("reset.factoryReset")}</Checkbox>
          <Checkbox {...checkboxProps(fields.accountsRemoved)}>{t("reset.accountsRemoved")}</Checkbox>
          <Checkbox {...checkboxProps(fields.charged)}>{t("reset.charged")}</Checkbox>
        </fieldset>
        <Button type="submit">{t("reset.submit")}</Button>
      </Form>
    </>
  );
}
