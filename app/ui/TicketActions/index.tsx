// What staff do with a ticket: one small form per action, each posting its own `intent`. A form shows only
// its own errors (its own Conform id); after success it empties itself and says so in a live region.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { Fragment, useEffect, useRef, type ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { DateField } from "~/ui/kit/DateField";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { Select } from "~/ui/kit/Select";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm, type FieldProps } from "~/ui/kit/forms";
import { useTicketLabels, type CategoryRef } from "~/ui/TicketLabels";
import "./TicketActions.css";

export interface TicketActionResult {
  intent: string;
  saved: boolean;
  result: SubmissionResult<string[]>;
}

export interface TicketActionsProps {
  ticket: {
    status: string;
    priority: string;
    categoryId: string | null;
    location: { id: string } | null;
    assignee: { id: string } | null;
    person: { name: string };
    replyChannel: string;
  };
  options: {
    nextStatuses: readonly string[];
    staff: { id: string; name: string }[];
    locations: { id: string; name: string }[];
    articles: { id: string; title: string; titleEasy: string }[];
  };
  categories: (CategoryRef & { id: string; active: boolean })[];
  actionData?: TicketActionResult | null;
}

/** The ticket page below its header: the history, and beside it (where there is room) the actions. */
export function TicketLayout({ history, actions }: { history: ReactNode; actions: ReactNode }) {
  return (
    <div className="ticket-layout">
      <div>{history}</div>
      {actions ? <div>{actions}</div> : null}
    </div>
  );
}

const PRIORITIES = ["low", "normal", "high", "urgent"];
const CALL_OUTCOMES = ["reached", "no_answer", "wrong_number", "call_again"];

export function TicketActions({ ticket, options, categories, actionData }: TicketActionsProps) {
  const { t } = useTranslation("tickets");
  const labels = useTicketLabels();
  const common = { actionData };
  return (
    <section aria-labelledby="ticket-actions-heading" className="ticket-actions">
      <h2 id="ticket-actions-heading">{t("actions.heading")}</h2>

      <ActionForm {...common} intent="note" title={t("actions.note.heading")} submit={t("actions.note.submit")}>
        {(field) => (
          <TextField {...field("body")} multiline rows={4} label={t("actions.note.body")} description={t("actions.note.hint")} />
        )}
      </ActionForm>

      {ticket.status === "closed" ? (
        <section aria-labelledby="ticket-reply-closed" className="ticket-action">
          <h3 id="ticket-reply-closed">{t("actions.reply.heading")}</h3>
          <p>{t("actions.reply.closed")}</p>
        </section>
      ) : (
        <ActionForm {...common} intent="reply" title={t("actions.reply.heading")} submit={t("actions.reply.submit")}>
          {(field) => (
            <>
              <TextField
                {...field("body")}
                multiline
                rows={4}
                label={t("actions.reply.body")}
                description={t("actions.reply.hint", { name: ticket.person.name, channel: t(`common:channel.${ticket.replyChannel}`) })}
              />
              {options.articles.length ? (
                <Select
                  {...field("article")}
                  optional
                  label={t("actions.reply.article")}
                  description={t("actions.reply.articleHint")}
                  placeholder={t("actions.reply.noArticle")}
                  options={options.articles.flatMap((a) => [
                    { value: a.id, label: a.title },
                    { value: `${a.id}:easy`, label: t("actions.reply.easyVersion", { title: a.titleEasy }) },
                  ])}
                />
              ) : null}
            </>
          )}
        </ActionForm>
      )}

      <ActionForm {...common} intent="call" title={t("actions.call.heading")} submit={t("actions.call.submit")}>
        {(field) => (
          <>
            <RadioGroup
              {...field("outcome")}
              label={t("actions.call.outcome")}
              options={CALL_OUTCOMES.map((o) => ({ value: o, label: labels.callOutcome(o) }))}
            />
            <TextField {...field("note")} multiline rows={3} optional label={t("actions.call.note")} />
          </>
        )}
      </ActionForm>

      {options.nextStatuses.length ? (
        <ActionForm {...common} intent="status" version={ticket.status} title={t("actions.status.heading")} submit={t("actions.status.submit")}>
          {(field) => (
            <>
              <Select
                {...field("status")}
                label={t("actions.status.status", { current: labels.status(ticket.status) })}
                options={options.nextStatuses.map((s) => ({ value: s, label: labels.status(s) }))}
              />
              <TextField {...field("note")} multiline rows={3} optional label={t("actions.status.note")} />
            </>
          )}
        </ActionForm>
      ) : null}

      <ActionForm {...common} intent="pending" title={t("actions.pending.heading")} submit={t("actions.pending.submit")}>
        {(field) => (
          <>
            <DateField {...field("until")} label={t("actions.pending.until")} description={t("actions.pending.hint")} />
            <TextField {...field("note")} multiline rows={3} optional label={t("actions.pending.note")} />
          </>
        )}
      </ActionForm>

      <ActionForm
        {...common}
        intent="assign"
        version={`${ticket.assignee?.id}|${ticket.location?.id}`}
        title={t("actions.assign.heading")} submit={t("actions.assign.submit")}>
        {(field) => (
          <>
            <Select
              {...field("assigneeId", ticket.assignee?.id ?? "")}
              label={t("actions.assign.assignee")}
              placeholder={t("actions.assign.nobody")}
              options={options.staff.map((s) => ({ value: s.id, label: s.name }))}
            />
            <Select
              {...field("locationId", ticket.location?.id ?? "")}
              label={t("actions.assign.location")}
              placeholder={ticket.location ? undefined : t("ticket.noLocation")}
              options={options.locations.map((l) => ({ value: l.id, label: l.name }))}
            />
          </>
        )}
      </ActionForm>

      <ActionForm
        {...common}
        intent="classify"
        version={`${ticket.categoryId}|${ticket.priority}`}
        title={t("actions.classify.heading")} submit={t("actions.classify.submit")}>
        {(field) => (
          <>
            <Select
              {...field("categoryId", ticket.categoryId ?? "")}
              label={t("actions.classify.category")}
              placeholder={t("ticket.noCategory")}
              options={categories
                .filter((c) => c.active || c.id === ticket.categoryId)
                .map((c) => ({ value: c.id, label: labels.category(c) }))}
            />
            <Select
              {...field("priority", ticket.priority)}
              label={t("actions.classify.priority")}
              options={PRIORITIES.map((p) => ({ value: p, label: labels.priority(p) }))}
            />
          </>
        )}
      </ActionForm>
    </section>
  );
}

interface ActionFormProps {
  intent: string;
  title: string;
  submit: string;
  /**
   * For forms that show the ticket's current values (status, assignee, category): changes with them, so the
   * fields start again from the new values. Other forms keep what is typed in them while the page updates.
   */
  version?: string;
  actionData?: TicketActionResult | null;
  /** `field(name, current)`: props for one field; `current` is its value before anything was typed. */
  children: (field: (name: string, current?: string) => FieldProps) => ReactNode;
}

function ActionForm({ intent, title, submit, version = "", actionData, children }: ActionFormProps) {
  const { t } = useTranslation("tickets");
  const mine = actionData?.intent === intent ? actionData : null;
  // The schema lives on the server: revalidating while typing would post the form at every keystroke.
  const [form, fields] = useAppForm({ id: `ticket-${intent}`, lastResult: mine?.result, shouldRevalidate: "onSubmit" });
  const ref = useRef<HTMLFormElement>(null);

  // Saved: empty this form (react-aria fields follow the native reset); the focus stays on its button.
  useEffect(() => {
    if (mine?.saved) ref.current?.reset();
  }, [mine]);

  const field = (name: string, current?: string): FieldProps => {
    const props = fieldProps(fields[name]);
    return {
      ...props,
      // Saved: start from the ticket's value. Refused: keep what was typed.
      defaultValue: mine?.saved ? current : (props.defaultValue ?? current),
      // Errors belong to this form's last answer only: once another form was sent, they are history.
      errors: mine ? props.errors : undefined,
    };
  };
  const headingId = `${form.id}-heading`;
  return (
    <section aria-labelledby={headingId} className="ticket-action">
      <h3 id={headingId}>{title}</h3>
      <ErrorSummary errors={mine ? formErrors(form) : []} />
      <Form method="post" ref={ref} {...formProps(form)}>
        <input type="hidden" name="intent" value={intent} />
        {/* A new key remounts the fields but not the button, which keeps the focus. */}
        <Fragment key={version}>{children(field)}</Fragment>
        <Button type="submit" variant="secondary">
          {submit}
        </Button>
        <p role="status" className="ticket-action__saved">
          {mine?.saved ? t(`actions.saved.${intent}`) : null}
        </p>
      </Form>
    </section>
  );
}
