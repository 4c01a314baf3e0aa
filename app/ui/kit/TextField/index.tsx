// Text input or textarea on react-aria, with our own server-rendered error message (works without JS).
import type { ReactNode } from "react";
import {
  Input,
  Label,
  Text,
  TextArea,
  TextField as AriaTextField,
  type TextFieldProps as AriaTextFieldProps,
} from "react-aria-components";
import { ErrorMessage, OptionalMarker, formGroupClassName, useFieldIds, type InputWidth } from "../Field";
import { ltrRuns } from "../Bidi";

export interface TextFieldProps
  extends Omit<
    AriaTextFieldProps,
    "children" | "className" | "style" | "isInvalid" | "validationBehavior" | "validate" | "render"
  > {
  label: ReactNode;
  description?: ReactNode;
  /** Translation keys (from Conform) or text; any entry marks the field invalid. */
  errors?: string[];
  name: string;
  multiline?: boolean;
  rows?: number;
  placeholder?: string;
  /** Width hint: "short" for postcodes or codes, "medium" for phone numbers. */
  width?: InputWidth;
  /** Adds "(optional)" to the label. */
  optional?: boolean;
  /** Question pages: the label is the page's <h1>. */
  isPageHeading?: boolean;
  className?: string;
}

export function TextField({
  label,
  description,
  errors,
  id,
  multiline,
  rows = 5,
  placeholder,
  width,
  optional,
  isPageHeading,
  className,
  ...props
}: TextFieldProps) {
  const ids = useFieldIds(id, description, errors);
  // react-aria would also list ids of hint/error slots it has not seen yet (it checks the DOM after
  // hydration); on pages without JS those would dangle, so the control gets exactly our list.
  const controlProps = {
    "aria-describedby": ids.describedBy,
    "aria-invalid": ids.isInvalid || undefined,
  };
  const labelElement = (
    <Label className={isPageHeading ? "field-label field-label--page-heading" : "field-label"}>
      {label}
      <OptionalMarker optional={optional} />
    </Label>
  );

  return (
    <AriaTextField
      {...props}
      id={ids.fieldId}
      isInvalid={ids.isInvalid}
      // "aria": never set native validity, so the browser shows no pop-ups and never blocks submit.
      validationBehavior="aria"
      className={formGroupClassName(ids.isInvalid, className)}
    >
      {isPageHeading ? <h1 className="field-heading">{labelElement}</h1> : labelElement}
      {description ? (
        <Text slot="description" id={ids.descriptionId} className="field-hint">
          {ltrRuns(description)}
        </Text>
      ) : null}
      <ErrorMessage id={ids.errorId} errors={errors} />
      {multiline ? (
        <TextArea
          rows={rows}
          placeholder={placeholder}
          className="textarea"
          render={(domProps) => <textarea {...withoutType(domProps)} {...controlProps} />}
        />
      ) : (
        <Input
          placeholder={placeholder}
          className={["input", width && `input--${width}`].filter(Boolean).join(" ")}
          render={(domProps) => <input {...domProps} {...controlProps} />}
        />
      )}
    </AriaTextField>
  );
}

/** react-aria sets type="text" until it has seen the element; a textarea has no such attribute. */
function withoutType<P extends object>(props: P): Omit<P, "type"> {
  const { type: _ignored, ...rest } = props as P & { type?: unknown };
  return rest;
}
