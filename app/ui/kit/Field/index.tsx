// Shared pieces of every form field: ids, hint, error message, and the aria wiring between them.
import { useId, type ReactNode } from "react";
import { Label, Text } from "react-aria-components";
import { useTranslation } from "react-i18next";
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
      {errorText(error)}
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
          {description}
        </Text>
      ) : null}
      <ErrorMessage errors={errors} slot />
    </>
  );
}
