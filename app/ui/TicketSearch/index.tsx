// Finding a ticket during a call: by reference, phone number or first name, optionally by category. The form
// posts (a phone number must never sit in a URL); the page comes back with an opaque search token.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { useTicketLabels, type CategoryRef } from "~/ui/TicketLabels";
import "./TicketSearch.css";

export interface CategoryOption extends CategoryRef {
  id: string;
}

export interface TicketSearchProps {
  categories: CategoryOption[];
  /** The search being shown, to keep it in the fields. */
  current?: { q?: string; categoryId?: string } | null;
  lastResult?: SubmissionResult<string[]> | null;
}

export function TicketSearch({ categories, current, lastResult }: TicketSearchProps) {
  const { t } = useTranslation("tickets");
  const labels = useTicketLabels();
  // The schema lives on the server: revalidating while typing would post the form at every keystroke.
  const [form, fields] = useAppForm({
    id: "ticket-search",
    lastResult,
    defaultValue: current ?? undefined,
    shouldRevalidate: "onSubmit",
  });
  return (
    <section aria-labelledby="ticket-search-heading" className="ticket-search">
      <h2 id="ticket-search-heading" className="ticket-search__heading">
        {t("search.heading")}
      </h2>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)} className="ticket-search__form">
        <TextField
          {...fieldProps(fields.q)}
          label={t("search.q")}
          description={t("search.qHint")}
          autoComplete="off"
          width="long"
        />
        <Select
          {...fieldProps(fields.categoryId)}
          label={t("search.category")}
          placeholder={t("search.anyCategory")}
          options={categories.map((c) => ({ value: c.id, label: labels.category(c) }))}
        />
        <Button type="submit">{t("search.submit")}</Button>
      </Form>
    </section>
  );
}

export interface QueueFilterProps {
  locations: { id: string; name: string }[];
  locationId: string | null;
  /** "All my locations" as the first choice (staff with several memberships). */
  allLabel?: string;
}

/** The location of the queue view: a GET form, since a location is not personal data. */
export function QueueFilter({ locations, locationId, allLabel }: QueueFilterProps) {
  const { t } = useTranslation("tickets");
  return (
    <Form method="get" className="ticket-search__form">
      <input type="hidden" name="view" value="queue" />
      <Select
        id="queue-location"
        name="location"
        label={t("list.queueLocation")}
        placeholder={allLabel}
        defaultValue={locationId ?? ""}
        options={locations.map((l) => ({ value: l.id, label: l.name }))}
      />
      <Button type="submit" variant="secondary">
        {t("list.show")}
      </Button>
    </Form>
  );
}
