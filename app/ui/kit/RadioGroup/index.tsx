// Radios on react-aria: native <input type="radio" name> underneath, so the choice submits without JS.
import type { ReactNode } from "react";
import {
  Radio,
  RadioGroup as AriaRadioGroup,
  type RadioGroupProps as AriaRadioGroupProps,
} from "react-aria-components";
import { ChoiceItems, FieldHeader, formGroupClassName, useFieldIds, type ChoiceOption } from "../Field";
import "./RadioGroup.css";

export type RadioOption = ChoiceOption;

export interface RadioGroupProps
  extends Omit<
    AriaRadioGroupProps,
    "children" | "className" | "style" | "isInvalid" | "validationBehavior" | "validate" | "render" | "id"
  > {
  label: ReactNode;
  description?: ReactNode;
  errors?: string[];
  name: string;
  options: RadioOption[];
  /** Goes on the first radio, so an error summary link (#id) lands on the choices. */
  id?: string;
  /** Side by side, for two short choices like Ja / Nein. */
  inline?: boolean;
  optional?: boolean;
  className?: string;
}

export function RadioGroup({
  label,
  description,
  errors,
  options,
  id,
  inline,
  optional,
  className,
  ...props
}: RadioGroupProps) {
  const ids = useFieldIds(id, description, errors);
  return (
    <AriaRadioGroup
      {...props}
      isInvalid={ids.isInvalid}
      validationBehavior="aria"
      className={formGroupClassName(ids.isInvalid, className)}
    >
      <FieldHeader label={label} optional={optional} description={description} errors={errors} />
      <ChoiceItems block="radios" className={inline ? "radios radios--inline" : "radios"} fieldId={ids.fieldId} options={options} Control={Radio} />
    </AriaRadioGroup>
  );
}
