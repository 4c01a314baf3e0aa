// One appointment at the desk: when and who, then what happened (done / no-show, topics, note, a ticket) and,
// while it is still booked, another time or cancelling it for the caller.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { categoryName } from "~/i18n/own-labels";
import { Button } from "~/ui/kit/Button";
import { CheckboxGroup } from "~/ui/kit/Checkbox";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { Link } from "~/ui/kit/Link";
import { RadioGroup } from "~/ui/kit/RadioGroup";
import { SummaryList } from "~/ui/kit/SummaryList";
import { Tag } from "~/ui/kit/Tag";
import { TextField } from "~/ui/kit/TextField";
import { checkboxGroupProps, fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { PersonAsGiven, type PersonAsGivenData } from "~/ui/PersonAsGiven";

export interface AppointmentData {
  id: string;
  reference: string;
  status: string;
  channel: string;
  startsAt: string;
  concern: string | null;
  wantsEarlyReminder: boolean;
  outcomeTopics: string[];
  outcomeNote: string | null;
  ticketId: string | null;
  person: PersonAsGivenData;
  location: { name: string; timeZone: string };
  helper: string | null;
  bookedBy: string | null;
}

export function AppointmentFacts({ appointment }: { appointment: AppointmentData }) {
  const { t, i18n } = useTranslation("desk");
  const when = new Intl.DateTimeFormat(i18n.language, { dateStyle: "full", timeStyle: "short", timeZone: appointment.location.timeZone });
  return (
    <SummaryList
      rows={[
        { key: "when", label: t("appointment.when"), value: when.format(new Date(appointment.startsAt)) },
        { key: "place", label: t("appointment.place"), value: appointment.location.name },
        { key: "person", label: t("appointment.person"), value: <PersonAsGiven person={appointment.person} /> },
        { key: "reference", label: t("appointment.reference"), value: <span dir="ltr">{appointment.reference}</span> },
        { key: "status", label: t("appointment.status"), value: <Tag>{t(`status.${appointment.status}`)}</Tag> },
        { key: "channel", label: t("appointment.channel"), value: t(`channel.${appointment.channel}`) },
        { key: "concern", label: t("appointment.concern"), value: appointment.concern ?? t("appointment.noConcern") },
        { key: "reminders", label: t("appointment.reminders"), value: appointment.wantsEarlyReminder ? t("appointment.remindersBoth") : t("appointment.remindersDayBefore") },
        ...(appointment.bookedBy ? [{ key: "bookedBy", label: t("appointment.bookedBy"), value: appointment.bookedBy }] : []),
        ...(appointment.helper ? [{ key: "helper", label: t("appointment.helper"), value: appointment.helper }] : []),
      ]}
    />
  );
}

type Result = SubmissionResult<string[]> | null | undefined;
type OutcomeFields = { status: string; outcomeTopics: string[]; outcomeNote: string; ticketId: string };

export function OutcomeForm({
  appointment,
  categories,
  openTickets,
  lastResult,
  saved,
}: {
  appointment: AppointmentData;
  categories: { key: string; labels: string }[];
  openTickets: { id: string; reference: string }[];
  lastResult: Result;
  saved: boolean;
}) {
  const { t, i18n } = useTranslation("desk");
  const [form, fields] = useAppForm<OutcomeFields>({
    id: "outcome",
    lastResult,
    defaultValue: {
      status: appointment.status === "no_show" ? "no_show" : "done",
      outcomeTopics: appointment.outcomeTopics,
      outcomeNote: appointment.outcomeNote ?? "",
      ticketId: appointment.ticketId ?? "",
    },
  });
  return (
    <section aria-labelledby="outcome-heading">
      <h2 id="outcome-heading">{t("appointment.outcomeHeading")}</h2>
      {saved ? <p role="status">{t("appointment.outcomeSaved")}</p> : null}
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="outcome" />
        <RadioGroup
          {...fieldProps(fields.status)}
          label={t("appointment.outcome")}
          inline
          options={[
            { value: "done", label: t("status.done") },
            { value: "no_show", label: t("status.no_show") },
          ]}
        />
        <CheckboxGroup
          {...checkboxGroupProps(fields.outcomeTopics)}
          label={t("appointment.topics")}
          optional
          options={categories.map((c) => ({ value: c.key, label: categoryName(t, i18n.language, c) }))}
        />
        <TextField {...fieldProps(fields.outcomeNote)} label={t("appointment.note")} optional multiline rows={3} />
        <RadioGroup
          {...fieldProps(fields.ticketId)}
          label={t("appointment.ticket")}
          optional
          options={[
            { value: "", label: t("appointment.noTicket") },
            ...openTickets.map((ticket) => ({ value: ticket.id, label: <span dir="ltr">{ticket.reference}</span> })),
          ]}
        />
        <p>
          <Link to="/team/tickets/new">{t("appointment.newTicket")}</Link>
        </p>
        <Button type="submit">{t("appointment.saveOutcome")}</Button>
      </Form>
    </section>
  );
}

export interface MoveData {
  slots: { value: string; startsAt: string; pool: "phone" | "internal" }[];
  idempotencyKey: string;
}

/** Another time for a caller: the next free phone (then internal) places, the first one chosen, so Enter moves. */
export function MoveForm({ move, timeZone, lastResult }: { move: MoveData; timeZone: string; lastResult: SubmissionResult<string[]> | null | undefined }) {
  const { t, i18n } = useTranslation("desk");
  const [form, fields] = useAppForm<{ choice: string }>({ id: "desk-move", lastResult, defaultValue: { choice: move.slots[0]?.value ?? "" } });
  const when = new Intl.DateTimeFormat(i18n.language, { weekday: "long", day: "numeric", month: "long", hour: "2-digit", minute: "2-digit", timeZone });
  return (
    <section aria-labelledby="move-heading">
      <h2 id="move-heading">{t("appointment.moveHeading")}</h2>
      <ErrorSummary errors={formErrors(form)} />
      {move.slots.length ? (
        <Form method="post" {...formProps(form)}>
          <input type="hidden" name="intent" value="move" />
          <input type="hidden" name="idempotencyKey" value={move.idempotencyKey} />
          <RadioGroup
            {...fieldProps(fields.choice)}
            label={t("appointment.moveSlots")}
            description={t("appointment.moveHint")}
            options={move.slots.map((s) => ({
              value: s.value,
              label: when.format(new Date(s.startsAt)),
              description: s.pool === "internal" ? t("book.internalPlace") : t("book.phonePlace"),
            }))}
          />
          <Button type="submit">{t("appointment.move")}</Button>
        </Form>
      ) : (
        <p>{t("book.noSlots")}</p>
      )}
    </section>
  );
}

export function CancelForm({ error }: { error: string | null }) {
  const { t } = useTranslation("desk");
  return (
    <section aria-labelledby="cancel-heading">
      <h2 id="cancel-heading">{t("appointment.cancelHeading")}</h2>
      <ErrorSummary errors={error ? [{ message: error }] : []} />
      <p>{t("appointment.cancelHint")}</p>
      <Form method="post">
        <input type="hidden" name="intent" value="cancel" />
        <Button type="submit" variant="danger">
          {t("appointment.cancel")}
        </Button>
      </Form>
    </section>
  );
}
