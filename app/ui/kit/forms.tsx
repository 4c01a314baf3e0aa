// The one place that wires Conform to the UI kit: ids, names, kept answers and error keys.
// Validation is on the server only (GOV.UK; and zod would add ~100 KB gzip to every staff page): no
// `required`/pattern attributes, no browser pop-ups. Schemas live in `.server.ts` files for that reason.
//
// Errors stay translation keys here ("errors.required" in "common", or "auth:errors.x"); the field
// components and ErrorSummary translate them while rendering, so these helpers need no hook.
import { useForm, type FieldMetadata, type FormMetadata, type SubmissionResult } from "@conform-to/react";
import type { ErrorSummaryItem } from "./ErrorSummary";

type ConformOptions<Schema extends Record<string, unknown>> = Parameters<typeof useForm<Schema>>[0];

export interface AppFormOptions<Schema extends Record<string, unknown>>
  extends Omit<ConformOptions<Schema>, "id" | "lastResult" | "constraint" | "shouldValidate" | "defaultNoValidate"> {
  /** Stable per form on the page: field ids are `<id>-<name>`, which error summary links use. */
  id: string;
  /** What the action returned from `submission.reply()`; its errors render on the server too. */
  lastResult?: SubmissionResult<string[]> | null;
}

/**
 * Conform's useForm with this project's rules: validation only on submit, on the server (without a client
 * schema, Conform would post the form on every keystroke to revalidate), never constraint attributes.
 * Returns Conform's `[form, fields]`.
 */
export function useAppForm<Schema extends Record<string, unknown> = Record<string, unknown>>(options: AppFormOptions<Schema>) {
  return useForm<Schema>({
    shouldRevalidate: "onSubmit",
    ...options,
    shouldValidate: "onSubmit",
  });
}

// Any field or form: the helpers only read ids, names, initial values and errors, and Conform's
// metadata types are invariant in their schema, so a precise type would reject most real fields.
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyField = FieldMetadata<any, any, string[]>;
// eslint-disable-next-line @typescript-eslint/no-explicit-any
type AnyForm = FormMetadata<any, string[]>;

export interface FieldProps {
  id: string;
  name: string;
  defaultValue?: string;
  /** Translation keys; the component translates them. */
  errors?: string[];
}

const errorsOf = (field: AnyField) => (field.errors?.length ? field.errors : undefined);

/** Spread into TextField, Select, RadioGroup, DateField, TimeField, NativeDateInput. */
export function fieldProps(field: AnyField): FieldProps {
  return {
    id: field.id,
    name: field.name,
    defaultValue: typeof field.initialValue === "string" ? field.initialValue : undefined,
    errors: errorsOf(field),
  };
}

/** Spread into CheckboxGroup: the kept answers are a list. */
export function checkboxGroupProps(field: AnyField): Omit<FieldProps, "defaultValue"> & { defaultValue: string[] } {
  return { id: field.id, name: field.name, defaultValue: field.defaultOptions ?? [], errors: errorsOf(field) };
}

/** Spread into a single Checkbox; `value` is what a ticked box submits (the browser default is "on"). */
export function checkboxProps(
  field: AnyField,
  value = "on",
): Omit<FieldProps, "defaultValue"> & { value: string; defaultSelected: boolean } {
  return {
    id: field.id,
    name: field.name,
    value,
    defaultSelected: field.initialValue === value,
    errors: errorsOf(field),
  };
}

/**
 * Every error of the form for ErrorSummary, each linked to its field, in schema order (the order
 * zod reports them). Errors of the whole form (`formErrors` in `reply()`, e.g. "too many attempts")
 * come first and unlinked: they are not beside any field. `fields` is accepted so call sites read
 * naturally; everything is read from `form`.
 */
export function formErrors(form: AnyForm, _fields?: unknown): ErrorSummaryItem[] {
  const entries = Object.entries(form.allErrors).sort(([a], [b]) => Number(b === "") - Number(a === ""));
  return entries.flatMap(([name, errors]) =>
    (errors ?? []).map((message) => ({
      // Conform's element id is `<formId>-<name>`; an item of a list ("checklist[1]") links to the
      // list, whose first box carries the list's id.
      fieldId: name ? `${form.id}-${name.replace(/\[\d+\]$/, "")}` : undefined,
      message,
    })),
  );
}

/** Props for <Form>: id, Conform's submit handler, and always noValidate (no browser pop-ups). */
export function formProps(form: AnyForm) {
  return { id: form.id, onSubmit: form.onSubmit, noValidate: true };
}
