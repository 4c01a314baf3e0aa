// Native <select>: works without JS and is the control screen readers and phones handle best.
import type { ReactNode, SelectHTMLAttributes } from "react";
import { formGroupClassName, NativeFieldHeader, useFieldIds } from "../Field";

export interface SelectOption {
  value: string;
  label: string;
}

export interface SelectProps
  extends Omit<SelectHTMLAttributes<HTMLSelectElement>, "children" | "required" | "aria-describedby" | "aria-invalid"> {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  name: string;
  options: SelectOption[];
  /** First, empty choice ("Bitte auswählen"); submitted as "" so the server can ask again. */
  placeholder?: string;
  optional?: boolean;
}

export function Select({
  label,
  description,
  errors,
  id,
  options,
  placeholder,
  optional,
  className,
  ...props
}: SelectProps) {
  const ids = useFieldIds(id, description, errors);
  return (
    <div className={formGroupClassName(ids.isInvalid, className)}>
      <NativeFieldHeader ids={ids} label={label} optional={optional} description={description} errors={errors} />
      <select
        {...props}
        id={ids.fieldId}
        className="select"
        aria-describedby={ids.describedBy}
        aria-invalid={ids.isInvalid || undefined}
      >
        {placeholder !== undefined ? <option value="">{placeholder}</option> : null}
        {options.map((option) => (
          <option key={option.value} value={option.value}>
            {option.label}
          </option>
        ))}
      </select>
    </div>
  );
}
