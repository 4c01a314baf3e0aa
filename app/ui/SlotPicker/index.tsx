// Free appointments as plain radio buttons, one group per day with the day as its legend, so a screen reader
// reads "Tuesday, 1 December: 14:00, 14:30 …". Native inputs: works without JavaScript.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { ErrorMessage } from "~/ui/kit/Field";
import "~/ui/kit/RadioGroup/RadioGroup.css";
import "./SlotPicker.css";

export interface SlotDay {
  day: string;
  label: string;
  slots: { value: string; time: string }[];
  /** The day has consultation hours but no free online place. */
  fullyBooked: boolean;
  /** What the day's hours are for, by name (shown under the day). */
  topics?: string[];
}

export interface SlotPickerProps {
  id: string;
  name: string;
  legend: ReactNode;
  days: SlotDay[];
  errors?: string[];
  /** What to show under a fully booked day, e.g. a waiting-list link. */
  fullDay?: (day: SlotDay) => ReactNode;
  emptyText: ReactNode;
}

function listFormat(lng: string) {
  try {
    return new Intl.ListFormat(lng, { type: "conjunction" });
  } catch {
    return new Intl.ListFormat("de", { type: "conjunction" });
  }
}

export function SlotPicker({ id, name, legend, days, errors, fullDay, emptyText }: SlotPickerProps) {
  const { t, i18n } = useTranslation("booking");
  const errorId = `${id}-error`;
  let first = true;
  return (
    <fieldset
      className={errors?.length ? "form-group form-group--error slot-picker" : "form-group slot-picker"}
      aria-describedby={errors?.length ? errorId : undefined}
    >
      <legend className="field-label">{legend}</legend>
      <ErrorMessage id={errorId} errors={errors} />
      {days.length === 0 ? <p>{emptyText}</p> : null}
      {days.map((day) => (
        <fieldset key={day.day} className="slot-picker__day">
          <legend>
            <h2 className="slot-picker__heading">{day.label}</h2>
          </legend>
          {day.topics?.length ? <p className="slot-picker__topics">{t("slots.topics", { topics: listFormat(i18n.language).format(day.topics) })}</p> : null}
          {day.slots.length ? (
            <div className="radios radios--inline">
              {day.slots.map((slot) => {
                const inputId = first ? id : `${id}-${slot.value.replace(/[^\w-]/g, "")}`;
                first = false;
                return (
                  <div className="radios__item" key={slot.value}>
                    <label className="radios__label" htmlFor={inputId}>
                      <input className="visually-hidden" type="radio" id={inputId} name={name} value={slot.value} />
                      {slot.time}
                    </label>
                  </div>
                );
              })}
            </div>
          ) : (
            <>
              <p>{day.fullyBooked ? t("slots.fullyBooked") : t("slots.noneFree")}</p>
              {day.fullyBooked && fullDay ? fullDay(day) : null}
            </>
          )}
        </fieldset>
      ))}
    </fieldset>
  );
}
