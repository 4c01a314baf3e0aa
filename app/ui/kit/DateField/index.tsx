// Dates and times. Staff pages (hydrated): react-aria segmented fields, submitted through a hidden
// input that react-aria renders for `name`. Citizen pages (no JS): NativeDateInput.
import { parseDate, parseTime, type CalendarDate, type Time } from "@internationalized/date";
import type { InputHTMLAttributes, ReactNode } from "react";
import {
  DateField as AriaDateField,
  type DateFieldProps as AriaDateFieldProps,
  DateInput,
  DateSegment,
  I18nProvider,
  TimeField as AriaTimeField,
  type TimeFieldProps as AriaTimeFieldProps,
} from "react-aria-components";
import { useTranslation } from "react-i18next";
import { FieldHeader, formGroupClassName, NativeFieldHeader, useFieldIds } from "../Field";
import "./DateField.css";

type OwnedProps =
  | "children"
  | "className"
  | "style"
  | "isInvalid"
  | "validationBehavior"
  | "validate"
  | "render"
  | "defaultValue"
  | "name";

interface CommonProps {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  name: string;
  optional?: boolean;
  className?: string;
}

export interface DateFieldProps extends Omit<AriaDateFieldProps<CalendarDate>, OwnedProps>, CommonProps {
  /** ISO date, "2025-03-31" (what the hidden input submits and Conform hands back). */
  defaultValue?: string;
}

export interface TimeFieldProps extends Omit<AriaTimeFieldProps<Time>, OwnedProps>, CommonProps {
  /** "14:30" or "14:30:00". */
  defaultValue?: string;
}

/** Bad strings (e.g. a value the server rejected) start the field empty instead of throwing. */
function safeParse<T>(value: string | undefined, parse: (value: string) => T): T | undefined {
  if (!value) return undefined;
  try {
    return parse(value);
  } catch {
    return undefined;
  }
}

/**
 * Segment order and names follow the page language (TT.MM.JJJJ in German). English means English
 * as used here, not in the US: day before month. Also, "en" 12-hour times render differently in
 * Node and Chrome (narrow vs plain space before "PM"), which would break hydration.
 */
const FIELD_LOCALES: Record<string, string> = { en: "en-GB" };

function useLocale() {
  const { i18n } = useTranslation();
  return FIELD_LOCALES[i18n.language] ?? i18n.language;
}

function SegmentedInput() {
  return (
    <DateInput className="date-input">
      {(segment) => <DateSegment segment={segment} className="date-input__segment" />}
    </DateInput>
  );
}

export function DateField({ label, description, errors, id, defaultValue, optional, className, ...props }: DateFieldProps) {
  const ids = useFieldIds(id, description, errors);
  const locale = useLocale();
  return (
    <I18nProvider locale={locale}>
      <AriaDateField
        {...props}
        id={ids.fieldId}
        defaultValue={safeParse(defaultValue, parseDate)}
        isInvalid={ids.isInvalid}
        validationBehavior="aria"
        className={formGroupClassName(ids.isInvalid, className)}
      >
        <FieldHeader label={label} optional={optional} description={description} errors={errors} />
        <SegmentedInput />
      </AriaDateField>
    </I18nProvider>
  );
}

export function TimeField({
  label,
  description,
  errors,
  id,
  defaultValue,
  optional,
  className,
  hourCycle = 24,
  ...props
}: TimeFieldProps) {
  const ids = useFieldIds(id, description, errors);
  const locale = useLocale();
  return (
    <I18nProvider locale={locale}>
      <AriaTimeField
        {...props}
        // 24-hour clock in every language: appointment times in letters and SMS are written that way.
        hourCycle={hourCycle}
        id={ids.fieldId}
        defaultValue={safeParse(defaultValue, parseTime)}
        isInvalid={ids.isInvalid}
        validationBehavior="aria"
        className={formGroupClassName(ids.isInvalid, className)}
      >
        <FieldHeader label={label} optional={optional} description={description} errors={errors} />
        <SegmentedInput />
      </AriaTimeField>
    </I18nProvider>
  );
}

export interface NativeDateInputProps
  extends Omit<InputHTMLAttributes<HTMLInputElement>, "type" | "required" | "aria-describedby" | "aria-invalid"> {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  name: string;
  optional?: boolean;
}

/** The browser's own date picker: no JavaScript of ours, submits "YYYY-MM-DD". */
export function NativeDateInput({ label, description, errors, id, optional, className, ...props }: NativeDateInputProps) {
  const ids = useFieldIds(id, description, errors);
  return (
    <div className={formGroupClassName(ids.isInvalid, className)}>
      <NativeFieldHeader ids={ids} label={label} optional={optional} description={description} errors={errors} />
      <input
        {...props}
        type="date"
        id={ids.fieldId}
        className="input input--medium"
        aria-describedby={ids.describedBy}
        aria-invalid={ids.isInvalid || undefined}
      />
    </div>
  );
}
