// Adding or editing a device: tag, model, serial/IMEI, SIM, data plan end, the kit, notes (and, when adding, where).
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { CheckboxGroup } from "~/ui/kit/Checkbox";
import { NativeDateInput } from "~/ui/kit/DateField";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { checkboxGroupProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { useDeviceLabels } from "~/ui/DeviceDetails/labels";

export interface DeviceFormValues {
  assetTag?: string;
  model?: string;
  serial?: string;
  simNumber?: string;
  dataPlanEndsOn?: string;
  accessories?: string[];
  notes?: string;
  locationId?: string;
}

export interface DeviceFormProps {
  id: string;
  lastResult?: SubmissionResult<string[]> | null;
  defaultValue?: DeviceFormValues;
  /** Only when adding: where the device will be kept. */
  locations?: { id: string; name: string }[];
  submitLabel: string;
}

export function DeviceForm({ id, lastResult, defaultValue, locations, submitLabel }: DeviceFormProps) {
  const { t } = useTranslation("devices");
  const labels = useDeviceLabels();
  const [form, fields] = useAppForm<Record<string, unknown>>({ id, lastResult, defaultValue: defaultValue as never });
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        {locations ? (
          locations.length === 1 ? (
            <input type="hidden" name={fields.locationId.name} value={locations[0]!.id} />
          ) : (
            <Select
              {...fieldProps(fields.locationId)}
              label={t("form.location")}
              placeholder={t("form.chooseLocation")}
              options={locations.map((l) => ({ value: l.id, label: l.name }))}
            />
          )
        ) : null}
        <TextField {...fieldProps(fields.assetTag)} label={t("form.assetTag")} description={t("form.assetTagHint")} width="medium" autoComplete="off" />
        <TextField {...fieldProps(fields.model)} label={t("form.model")} description={t("form.modelHint")} autoComplete="off" />
        <TextField {...fieldProps(fields.serial)} label={t("form.serial")} optional width="medium" autoComplete="off" />
        <TextField {...fieldProps(fields.simNumber)} label={t("form.simNumber")} optional width="medium" autoComplete="off" />
        <NativeDateInput {...fieldProps(fields.dataPlanEndsOn)} label={t("form.dataPlanEndsOn")} description={t("form.dataPlanHint")} optional />
        <CheckboxGroup
          {...checkboxGroupProps(fields.accessories)}
          label={t("form.accessories")}
          optional
          options={labels.accessories.map((a) => ({ value: a.value, label: a.label }))}
        />
        <TextField {...fieldProps(fields.notes)} label={t("form.notes")} optional multiline rows={3} />
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  );
}
