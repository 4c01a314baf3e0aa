// The time windows a person can be called in: one group of boxes per day ("Tuesday, 24 November: morning 9–12,
// afternoon 14–17"), all submitting `windows`. Works without JavaScript. The first box carries the field's id, so
// the error summary link lands on the list.
import { useTranslation } from "react-i18next";
import { CheckboxGroup } from "~/ui/kit/Checkbox";
import type { checkboxGroupProps } from "~/ui/kit/forms";
import "./CallbackRequest.css";

export interface WindowDay {
  day: string;
  label: string;
  windows: { value: string; part: string }[];
}

export function WindowChoices({ field, days }: { field: ReturnType<typeof checkboxGroupProps>; days: WindowDay[] }) {
  const { t } = useTranslation("callbacks");
  const legendId = `${field.id}-legend`;
  return (
    <fieldset className={["callback-windows", field.errors ? "callback-windows--invalid" : ""].filter(Boolean).join(" ")} aria-describedby={`${field.id}-intro`}>
      <legend id={legendId} className="callback-windows__legend">
        {t("form.windows")}
      </legend>
      <p id={`${field.id}-intro`} className="callback-windows__hint">
        {t("form.windowsHint")}
      </p>
      <div className="callback-windows__days">
        {days.map((day, index) => (
          <CheckboxGroup
            key={day.day}
            id={index === 0 ? field.id : `${field.id}-${day.day}`}
            name={field.name}
            label={day.label}
            errors={index === 0 ? field.errors : undefined}
            defaultValue={field.defaultValue.filter((v) => day.windows.some((w) => w.value === v))}
            options={day.windows.map((w) => ({ value: w.value, label: t(`windows.${w.part}`) }))}
            className="callback-windows__day"
          />
        ))}
      </div>
    </fieldset>
  );
}
