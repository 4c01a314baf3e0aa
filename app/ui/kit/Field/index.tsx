// Shared pieces of every form field: ids, hint, error message, and the aria wiring between them.
import { useId, type ReactNode } from "react";
import { Label, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
import { ltrRuns } from "../Bidi";
import "./Field.css";

export interface FieldIds {
  fieldId: string;
  descriptionId: string;
  errorId: string;
  /** Value for aria-describedby: only ids of elements that are really rendered. */
  describedBy: string | undefined;
  isInvalid: boolean;
}

/**
 * Ids follow Conform's scheme (`<id>-description`, `<id>-error`), so `field.descriptionId`
 * and `field.errorId` point at the same elements.
 */
export function useFieldIds(id: string | undefined, description: ReactNode, errors: string[] | undefined): FieldIds {
  const generated = useId();
  const fieldId = id ?? generated;
  const descriptionId = `${fieldId}-description`;
  const errorId = `${fieldId}-error`;
  const isInvalid = Boolean(errors?.length);
  const describedBy =
    [description ? descriptionId : null, isInvalid ? errorId : null].filter(Boolean).join(" ") || undefined;
  return { fieldId, descriptionId, errorId, describedBy, isInvalid };
}

export interface ErrorMessageProps {
  errors: string[] | undefined;
  /** Our own id, for fields that wire aria-describedby themselves. */
  id?: string;
  /**
   * Inside a react-aria group (radios, checkboxes, date fields): take react-aria's errorMessage slot,
   * whose id react-aria already lists on the group and on every radio or box, also in the server render.
   */
  slot?: boolean;
}

/**
 * The message beside the field, rendered by us (not react-aria's FieldError) so it shows in the
 * server render of a page that never hydrates. "Error:" is read out but not shown (GOV.UK).
 */
export function ErrorMessage({ errors, id, slot }: ErrorMessageProps) {
  const { t } = useTranslation("ui");
  const errorText = useErrorText();
  if (!errors?.length) return null;
  const messages = errors.map((error, index) => (
    <span key={index} className="field-error__message">
      <span className="visually-hidden">{t("field.errorPrefix")} </span>
      {ltrRuns(errorText(error))}
    </span>
  ));
  return slot ? (
    <Text slot="errorMessage" elementType="p" className="field-error">
      {messages}
    </Text>
  ) : (
    <p id={id} className="field-error">
      {messages}
    </p>
  );
}

/**
 * Errors arrive as translation keys from schemas and actions ("errors.required" in the default
 * namespace "common", or "auth:errors.x"). Text that is not a key is shown as it is, so callers may
 * also pass messages they translated themselves.
 */
export function useErrorText(): (error: string) => string {
  const { t } = useTranslation();
  return (error) => t(error, { defaultValue: error });
}

/** "(optional)" after a label: GOV.UK marks the few optional fields instead of the many required ones. */
export function OptionalMarker({ optional }: { optional?: boolean }) {
  const { t } = useTranslation("ui");
  return optional ? <span className="field-label__optional"> {t("field.optional")}</span> : null;
}

export function formGroupClassName(isInvalid: boolean, extra?: string) {
  return ["form-group", isInvalid && "form-group--error", extra].filter(Boolean).join(" ");
}

export type InputWidth = "short" | "medium" | "long" | "full";

/** The same for a native control (select, date, file): a <label for>, the hint and the error under their ids. */
export function NativeFieldHeader({
  ids,
  label,
  optional,
  description,
  errors,
}: {
  ids: FieldIds;
  label: ReactNode;
  optional?: boolean;
  description?: ReactNode;
  errors?: string[];
}) {
  return (
    <>
      <label htmlFor={ids.fieldId} className="field-label">
        {label}
        <OptionalMarker optional={optional} />
      </label>
      {description ? (
        <div id={ids.descriptionId} className="field-hint">
          {ltrRuns(description)}
        </div>
      ) : null}
      <ErrorMessage id={ids.errorId} errors={errors} />
    </>
  );
}

/** Label, hint and error of a react-aria field or group, in the same order everywhere (GOV.UK). */
export function FieldHeader({
  label,
  optional,
  description,
  errors,
}: {
  label: ReactNode;
  optional?: boolean;
  description?: ReactNode;
  errors?: string[];
}) {
  return (
    <>
      <Label className="field-label">
        {label}
        <OptionalMarker optional={optional} />
      </Label>
      {description ? (
        <Text slot="description" className="field-hint">
          {ltrRuns(description)}
        </Text>
      ) : null}
      <ErrorMessage errors={errors} slot />
    </>
  );
}

/** One choice of a checkbox or radio group, with an optional hint under it. */
export interface ChoiceOption {
  value: string;
  label: ReactNode;
  description?: ReactNode;
}

/**
 * A radio or checkbox group as GOV.UK draws it: a <fieldset> whose <legend> is the question, described by exactly the
 * hint and error that are rendered. Native inputs, no react-aria: its groups list ids of hint and error slots they
 * have not seen yet (they check the DOM after hydration), which dangle on pages without JavaScript.
 */
export function ChoiceFieldset({
  ids,
  label,
  optional,
  description,
  errors,
  className,
  children,
}: {
  ids: FieldIds;
  label: ReactNode;
  optional?: boolean;
  description?: ReactNode;
  errors?: string[];
  className?: string;
  children: ReactNode;
}) {
  return (
    <fieldset className={formGroupClassName(ids.isInvalid, ["fieldset", className].filter(Boolean).join(" "))} aria-describedby={ids.describedBy}>
      <legend className="field-label">
        {label}
        <OptionalMarker optional={optional} />
      </legend>
      {description ? (
        <div id={ids.descriptionId} className="field-hint">
          {ltrRuns(description)}
        </div>
      ) : null}
      <ErrorMessage id={ids.errorId} errors={errors} />
      {children}
    </fieldset>
  );
}

/**
 * The choices of a checkbox or radio group (`block` names the CSS block and the input type): native inputs inside
 * their labels, so they submit and show their state without JavaScript. The first input carries the group's id, so
 * an error summary link lands on the list; each hint is tied to its own input.
 */
export function ChoiceItems({
  block,
  className = block,
  fieldId,
  name,
  options,
  defaultValue,
}: {
  block: "checkboxes" | "radios";
  className?: string;
  fieldId: string;
  name: string;
  options: ChoiceOption[];
  /** The values chosen when the page opens (kept answers). */
  defaultValue?: string[];
}) {
  return (
    <div className={className}>
      {options.map((option, index) => {
        const controlId = index === 0 ? fieldId : `${fieldId}-${index}`;
        const hintId = `${controlId}-hint`;
        return (
          <div className={`${block}__item`} key={option.value}>
            <ChoiceControl
              type={block === "radios" ? "radio" : "checkbox"}
              id={controlId}
              name={name}
              value={option.value}
              defaultChecked={defaultValue?.includes(option.value)}
              describedBy={option.description ? hintId : undefined}
              className={`${block}__label`}
            >
              {option.label}
            </ChoiceControl>
            {option.description ? (
              <div id={hintId} className={`${block}__hint`}>
                {ltrRuns(option.description)}
              </div>
            ) : null}
          </div>
        );
      })}
    </div>
  );
}

/** One native radio or checkbox inside its label; the input is hidden and the label draws the box (see the CSS). */
export function ChoiceControl({
  type,
  id,
  name,
  value,
  defaultChecked,
  describedBy,
  invalid,
  className,
  children,
}: {
  type: "radio" | "checkbox";
  id: string;
  name: string;
  value: string;
  defaultChecked?: boolean;
  describedBy?: string;
  /** A single checkbox with an error; in a group the fieldset carries the error. */
  invalid?: boolean;
  className: string;
  children: ReactNode;
}) {
  return (
    <label className={className} htmlFor={id}>
      <input
        className="choice-input"
        type={type}
        id={id}
        name={name}
        value={value}
        defaultChecked={defaultChecked}
        aria-describedby={describedBy}
        aria-invalid={invalid || undefined}
      />
      <span className="choice-text">{children}</span>
    </label>
  );
}
