// Checkboxes as GOV.UK draws them: native <input type="checkbox" name value> inside their labels, so they submit and
// show their state without JavaScript; a group is a fieldset with the question as its legend (see ChoiceFieldset).
import type { ReactNode } from "react";
import { ChoiceControl, ChoiceFieldset, ChoiceItems, ErrorMessage, formGroupClassName, useFieldIds, type ChoiceOption } from "../Field";
import { ltrRuns } from "../Bidi";
import "./Checkbox.css";

export interface CheckboxProps {
  /** The label. */
  children: ReactNode;
  name: string;
  /** Submitted when checked; the browser sends nothing when unchecked. Defaults to "on". */
  value?: string;
  defaultSelected?: boolean;
  description?: ReactNode;
  errors?: string[];
  id?: string;
  className?: string;
}

/** A single yes/no box ("Ladekabel dabei"), with its own hint and error. */
export function Checkbox({ children, name, value = "on", defaultSelected, description, errors, id, className }: CheckboxProps) {
  const ids = useFieldIds(id, description, errors);
  return (
    <div className={formGroupClassName(ids.isInvalid, className)}>
      <ErrorMessage id={ids.errorId} errors={errors} />
      <div className="checkboxes__item">
        <ChoiceControl
          type="checkbox"
          id={ids.fieldId}
          name={name}
          value={value}
          defaultChecked={defaultSelected}
          describedBy={ids.describedBy}
          invalid={ids.isInvalid}
          className="checkboxes__label"
        >
          {children}
        </ChoiceControl>
        {description ? (
          <div id={ids.descriptionId} className="checkboxes__hint">
            {ltrRuns(description)}
          </div>
        ) : null}
      </div>
    </div>
  );
}

export type CheckboxOption = ChoiceOption;

export interface CheckboxGroupProps {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  name: string;
  options: CheckboxOption[];
  /** The values ticked when the page opens (kept answers). */
  defaultValue?: string[];
  /** Goes on the first box, so an error summary link (#id) lands on the list. */
  id?: string;
  optional?: boolean;
  className?: string;
}

/** Several boxes under one question, e.g. a checklist; submits one `name=value` pair per checked box. */
export function CheckboxGroup({ label, description, errors, name, options, defaultValue, id, optional, className }: CheckboxGroupProps) {
  const ids = useFieldIds(id, description, errors);
  return (
    <ChoiceFieldset ids={ids} label={label} optional={optional} description={description} errors={errors} className={className}>
      <ChoiceItems block="checkboxes" fieldId={ids.fieldId} name={name} options={options} defaultValue={defaultValue} />
    </ChoiceFieldset>
  );
}
