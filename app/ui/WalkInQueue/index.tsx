// The walk-in queue at the desk: a large "now serving" line for a screen, adding someone (a number is enough),
// "call next", and finishing each one helped or gone without help.
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { Select } from "~/ui/kit/Select";
import { Tag } from "~/ui/kit/Tag";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import "./WalkInQueue.css";

type Result = SubmissionResult<string[]> | null | undefined;

export interface QueueEntry {
  id: string;
  number: number;
  displayName: string;
  concern: string | null;
  status: string;
  helper: string | null;
  waitedMinutes: number;
  openTickets?: { id: string; reference: string }[];
}

export function NowServing({ entry }: { entry: QueueEntry | null }) {
  const { t } = useTranslation("desk");
  return (
    <p className="walk-ins__serving" role="status">
      {entry ? t("walkIns.nowServing", { number: entry.number, name: entry.displayName || t("walkIns.numberOnly") }) : t("walkIns.nobodyServed")}
    </p>
  );
}

export function AddWalkIn({ locationId, lastResult, added }: { locationId: string; lastResult: Result; added: number | null }) {
  const { t } = useTranslation("desk");
  const [form, fields] = useAppForm<{ displayName: string; phone: string; concern: string }>({ id: "walk-in", lastResult });
  return (
    <section aria-labelledby="walk-in-add">
      <h2 id="walk-in-add">{t("walkIns.addHeading")}</h2>
      {added ? <p role="status" className="walk-ins__added">{t("walkIns.added", { number: added })}</p> : null}
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)}>
        <input type="hidden" name="intent" value="add" />
        <input type="hidden" name="locationId" value={locationId} />
        <TextField {...fieldProps(fields.displayName)} label={t("walkIns.firstName")} description={t("walkIns.firstNameHint")} optional autoComplete="off" width="medium" />
        <TextField {...fieldProps(fields.phone)} label={t("walkIns.phone")} description={t("walkIns.phoneHint")} optional type="tel" autoComplete="off" width="medium" />
        <TextField {...fieldProps(fields.concern)} label={t("walkIns.concern")} optional width="long" />
        <Button type="submit">{t("walkIns.add")}</Button>
      </Form>
    </section>
  );
}

export function CallNext({ locationId, error, waiting }: { locationId: string; error: string | null; waiting: number }) {
  const { t } = useTranslation("desk");
  return (
    <Form method="post" className="walk-ins__next">
      <ErrorSummary errors={error ? [{ message: error }] : []} />
      <input type="hidden" name="intent" value="next" />
      <input type="hidden" name="locationId" value={locationId} />
      <Button type="submit">{t("walkIns.callNext", { waiting })}</Button>
    </Form>
  );
}

function FinishForm({ entry }: { entry: QueueEntry }) {
  const { t } = useTranslation("desk");
  const noteId = `note-${entry.id}`;
  return (
    <Form method="post" className="walk-ins__finish">
      <input type="hidden" name="intent" value="finish" />
      <input type="hidden" name="walkInId" value={entry.id} />
      <TextField id={noteId} name="outcomeNote" label={t("walkIns.note", { number: entry.number })} optional width="long" />
      {entry.openTickets?.length ? (
        <Select
          id={`ticket-${entry.id}`}
          name="ticketId"
          label={t("walkIns.ticket", { number: entry.number })}
          optional
          placeholder={t("walkIns.noTicket")}
          options={entry.openTickets.map((ticket) => ({ value: ticket.id, label: ticket.reference }))}
        />
      ) : null}
      <div className="walk-ins__buttons">
        <Button type="submit" name="outcome" value="done">
          {t("walkIns.done", { number: entry.number })}
        </Button>
        <Button type="submit" name="outcome" value="left" variant="secondary">
          {t("walkIns.left", { number: entry.number })}
        </Button>
      </div>
    </Form>
  );
}

export function QueueList({ entries }: { entries: QueueEntry[] }) {
  const { t } = useTranslation("desk");
  if (!entries.length) return <p>{t("walkIns.empty")}</p>;
  return (
    <ol className="walk-ins__list">
      {entries.map((e) => (
        <li key={e.id} className="walk-ins__entry">
          <h3 className="walk-ins__name">
            {t("walkIns.number", { number: e.number })}
            {e.displayName ? ` – ${e.displayName}` : ""} <Tag tone={e.status === "called" ? "info" : e.status === "done" ? "success" : "neutral"}>{t(`walkInStatus.${e.status}`)}</Tag>
          </h3>
          <p>
            {e.status === "waiting" ? t("walkIns.waitingSoFar", { minutes: e.waitedMinutes }) : t("walkIns.waited", { minutes: e.waitedMinutes })}
            {e.helper ? ` · ${t("walkIns.helper", { name: e.helper })}` : ""}
            {e.concern ? ` · ${e.concern}` : ""}
          </p>
          {e.status === "waiting" || e.status === "called" ? <FinishForm entry={e} /> : null}
        </li>
      ))}
    </ol>
  );
}
