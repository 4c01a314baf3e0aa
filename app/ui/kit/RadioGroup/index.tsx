// Radios as GOV.UK draws them: a fieldset with the question as its legend and native <input type="radio" name>, so
// the choice submits and shows without JavaScript (see ChoiceFieldset for why not react-aria's group).
import type { ReactNode } from "react";
import { ChoiceFieldset, ChoiceItems, useFieldIds, type ChoiceOption } from "../Field";
import "./RadioGroup.css";

export type RadioOption = ChoiceOption;

export interface RadioGroupProps {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  name: string;
  options: RadioOption[];
  /** The value chosen when the page opens. */
  defaultValue?: string;
  /** Goes on the first radio, so an error summary link (#id) lands on the choices. */
  id?: string;
  /** Side by side, for two short choices like Ja / Nein. */
  inline?: boolean;
  optional?: boolean;
  className?: string;
}

export function RadioGroup({ label, description, errors, name, options, defaultValue, id, inline, optional, className }: RadioGroupProps) {
  const ids = useFieldIds(id, description, errors);
  return (
    <ChoiceFieldset ids={ids} label={label} optional={optional} description={description} errors={errors} className={className}>
      <ChoiceItems
        block="radios"
        className={inline ? "radios radios--inline" : "radios"}
        fieldId={ids.fieldId}
        name={name}
        options={options}
        defaultValue={defaultValue === undefined ? undefined : [defaultValue]}
      />
    </ChoiceFieldset>
  );
}
