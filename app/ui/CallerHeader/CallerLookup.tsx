// The first step of every phone intake: type the number the caller gives (and, at the desk, the place), then look
// them up. One form for the ticket, callback, booking and waiting-list intakes; each brings its own words.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import type { ReactNode } from "react";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";

type LookupFields = { phone: string } & Record<string, string>;

export function CallerLookup({
  id,
  lastResult,
  phoneLabel,
  phoneHint,
  submitLabel,
  className,
  defaultValue,
  more,
}: {
  id: string;
  lastResult: SubmissionResult<string[]> | null | undefined;
  phoneLabel: string;
  phoneHint: string;
  submitLabel: string;
  className?: string;
  defaultValue?: Record<string, string>;
  /** Further fields after the number (the desk's place), given the form's field props. */
  more?: (field: (name: string) => ReturnType<typeof fieldProps>) => ReactNode;
}) {
  const [form, fields] = useAppForm<LookupFields>({ id, lastResult, defaultValue });
  return (
    <>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)} className={className}>
        <input type="hidden" name="intent" value="lookup" />
        <TextField
          {...fieldProps(fields.phone)}
          label={phoneLabel}
          description={phoneHint}
          type="tel"
          inputMode="tel"
          autoComplete="off"
          width="medium"
          // The one thing to do on arrival: type the number the caller gives.
          autoFocus
        />
        {more?.((name) => fieldProps(fields[name]!))}
        <Button type="submit">{submitLabel}</Button>
      </Form>
    </>
  );
}
