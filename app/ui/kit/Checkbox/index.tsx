// Checkboxes on react-aria: native <input type="checkbox" name value> underneath, so they submit without JS.
import type { ReactNode } from "react";
import {
  Checkbox as AriaCheckbox,
  CheckboxGroup as AriaCheckboxGroup,
  type CheckboxGroupProps as AriaCheckboxGroupProps,
  type CheckboxProps as AriaCheckboxProps,
} from "react-aria-components";
import { ChoiceItems, ErrorMessage, FieldHeader, formGroupClassName, useFieldIds, type ChoiceOption } from "../Field";
import "./Checkbox.css";

export interface CheckboxProps
  extends Omit<
    AriaCheckboxProps,
    "children" | "className" | "style" | "isInvalid" | "validationBehavior" | "validate" | "render"
  > {
  /** The label. */
  children: ReactNode;
  name: string;
  /** Submitted when checked; the browser sends nothing when unchecked. Defaults to "on". */
  value?: string;
  description?: ReactNode;
  errors?: string[];
  className?: string;
}

/** A single yes/no box ("Ladekabel dabei"), with its own hint and error. */
export function Checkbox({ children, description, errors, id, className, ...props }: CheckboxProps) {
  const ids = useFieldIds(id, description, errors);
  return (
    <div className={formGroupClassName(ids.isInvalid, className)}>
      <ErrorMessage id={ids.errorId} errors={errors} />
      <div className="checkboxes__item">
        <AriaCheckbox
          {...props}
          id={ids.fieldId}
          isInvalid={ids.isInvalid}
          validationBehavior="aria"
          aria-describedby={ids.describedBy}
          className="checkboxes__label"
        >
          {children}
        </AriaCheckbox>
        {description ? (
          <div id={ids.descriptionId} className="checkboxes__hint">
            {description}
          </div>
        ) : null}
      </div>
    </div>
  );
}

export type CheckboxOption = ChoiceOption;

export interface CheckboxGroupProps
  extends Omit<
    AriaCheckboxGroupProps,
    "children" | "className" | "style" | "isInvalid" | "validationBehavior" | "validate" | "render" | "id"
  > {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  name: string;
  options: CheckboxOption[];
  /** Goes on the first box, so an error summary link (#id) lands on the list. */
  id?: string;
  optional?: boolean;
  className?: string;
}

/** Several boxes under one question, e.g. a checklist; submits one `name=value` pair per checked box. */
export function CheckboxGroup({
  label,
  description,
  errors,
  options,
  id,
  optional,
  className,
  ...props
}: CheckboxGroupProps) {
  const ids = useFieldIds(id, description, errors);
  return (
    <AriaCheckboxGroup
      {...props}
      isInvalid={ids.isInvalid}
      validationBehavior="aria"
      className={formGroupClassName(ids.isInvalid, className)}
    >
      <FieldHeader label={label} optional={optional} description={description} errors={errors} />
      <ChoiceItems block="checkboxes" fieldId={ids.fieldId} options={options} Control={AriaCheckbox} />
    </AriaCheckboxGroup>
  );
}
