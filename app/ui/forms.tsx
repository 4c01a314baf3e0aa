// The one place that wires Conform to the UI kit: ids, names, kept answers, translated errors.
// Validation is on the server (GOV.UK): no `required`/pattern attributes, no browser pop-ups. On pages
// that hydrate, the same zod schema can also validate in the browser after the first submit.
import { useForm, type FieldMetadata, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v4";
import { useCallback, useMemo } from "react";
import { useTranslation } from "react-i18next";
import type { $ZodType } from "zod/v4/core";
import type { ErrorSummaryItem } from "./ErrorSummary";

type ConformOptions<Schema extends Record<string, unknown>> = Parameters<typeof useForm<Schema>>[0];

export interface AppFormOptions<Schema extends Record<string, unknown>>
  extends Omit<ConformOptions<Schema>, "id" | "lastResult" | "constraint" | "shouldValidate" | "defaultNoValidate"> {
  /** Stable per form on the page: field ids are `<id>-<name>`, which error summary links use. */
  id: string;
  /** What the action returned from `submission.reply()`; its errors render on the server too. */
  lastResult?: SubmissionResult<string[]> | null;
  /** The action's zod schema: enables validation in the browser where the page hydrates. */
  schema?: $ZodType<unknown, Schema>;
}

// Conform's field type with any value shape; we only read ids, names, initial values and errors.
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- FieldMetadata is invariant in its schema
type AnyField = FieldMetadata<any, any, string[]>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- as above
type AnyForm = FormMetadata<any, string[]>;

export interface FieldProps {
  id: string;
  name: string;
  defaultValue?: string;
  errors?: string[];
}

export interface CheckboxGroupFieldProps extends Omit<FieldProps, "defaultValue"> {
  defaultValue: string[];
}

export interface CheckboxFieldProps extends Omit<FieldProps, "defaultValue"> {
  value: string;
  defaultSelected: boolean;
}

export interface FormHelpers {
  /** Spread into TextField, Select, RadioGroup, DateField, NativeDateInput. */
  fieldProps: (field: AnyField) => FieldProps;
  /** Spread into CheckboxGroup. */
  checkboxGroupProps: (field: AnyField) => CheckboxGroupFieldProps;
  /** Spread into a single Checkbox; `value` is what a ticked box submits (default "on"). */
  checkboxProps: (field: AnyField, value?: string) => CheckboxFieldProps;
  /** Every error of the form, in schema order, for ErrorSummary; form-level errors come unlinked. */
  formErrors: (form: AnyForm) => ErrorSummaryItem[];
}

/**
 * Error strings in schemas and actions are translation keys: "errors.required" (namespace
 * "common") or "auth:errors.x". They are translated here with the default namespace, not the
 * page's, so one key works on every page.
 */
export function useFormHelpers(): FormHelpers {
  const { t } = useTranslation();
  const translate = useCallback(
    (errors: string[] | undefined) => (errors?.length ? errors.map((key) => t(key)) : undefined),
    [t],
  );
  return useMemo<FormHelpers>(
    () => ({
      fieldProps: (field) => ({
        id: field.id,
        name: field.name,
        defaultValue: typeof field.initialValue === "string" ? field.initialValue : undefined,
        errors: translate(field.errors),
      }),
      checkboxGroupProps: (field) => ({
        id: field.id,
        name: field.name,
        defaultValue: field.defaultOptions ?? [],
        errors: translate(field.errors),
      }),
      checkboxProps: (field, value = "on") => ({
        id: field.id,
        name: field.name,
        value,
        defaultSelected: field.initialValue === value,
        errors: translate(field.errors),
      }),
      formErrors: (form) =>
        Object.entries(form.allErrors).flatMap(([name, errors]) =>
          (translate(errors) ?? []).map((message) => ({
            // Conform names a field's id `<formId>-<name>`; "" holds errors of the whole form.
            fieldId: name ? `${form.id}-${name}` : undefined,
            message,
          })),
        ),
    }),
    [translate],
  );
}

/**
 * Conform's useForm with this project's rules: validate on submit, revalidate while correcting,
 * no constraint attributes. Returns Conform's [form, fields] plus the bound helpers.
 */
export function useAppForm<Schema extends Record<string, unknown> = Record<string, unknown>>({
  schema,
  ...options
}: AppFormOptions<Schema>) {
  const [form, fields] = useForm<Schema>({
    shouldRevalidate: "onInput",
    onValidate: schema ? ({ formData }) => parseWithZod(formData, { schema }) as never : undefined,
    ...options,
    shouldValidate: "onSubmit",
  });
  const helpers = useFormHelpers();
  return [form, fields, helpers] as const;
}

/** Props for <Form>: id, Conform's submit handler, and always noValidate (no browser pop-ups). */
export function formProps(form: AnyForm) {
  return { id: form.id, onSubmit: form.onSubmit, noValidate: true };
}
