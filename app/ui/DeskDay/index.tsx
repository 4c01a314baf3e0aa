// One day at the desk: the place and day (a plain GET form, nothing personal), the slots with who is booked,
// free places per pool, the walk-in queue in brief, and the day's waiting list (with a form for callers when the
// day is fully booked online).
import { Form } from "@remix-run/react";
import type { SubmissionResult } from "@conform-to/react";
import { useTranslation } from "react-i18next";
import { ErrorSummary } from "~/ui/kit/ErrorSummary";
import { TextField } from "~/ui/kit/TextField";
import { fieldProps, formErrors, formProps, useAppForm } from "~/ui/kit/forms";
import { Button, ButtonLink } from "~/ui/kit/Button";
import { NativeDateInput } from "~/ui/kit/DateField";
import { Link } from "~/ui/kit/Link";
import { Select } from "~/ui/kit/Select";
import { DataTable } from "~/ui/kit/Table";
import { Tag } from "~/ui/kit/Tag";
import "./DeskDay.css";

interface Booking {
  id: string;
  name: string;
  channel: string;
  status: string;
  concern: string | null;
}
export interface DayData {
  location: { id: string; name: string };
  day: string;
  today: string;
  slots: { key: string; time: string; free: Record<string, number>; appointments: Booking[] }[];
  loose: Booking[];
  walkIns: { waiting: number; called: number; done: number };
  waits: { id: string; name: string; status: string }[];
  waitOpen: boolean;
}

const shift = (day: string, days: number) => {
  const d = new Date(`${day}T12:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

export function DayPicker({ places, view }: { places: { id: string; name: string }[]; view: DayData }) {
  const { t } = useTranslation("desk");
  const href = (day: string) => `/team/appointments?location=${view.location.id}&day=${day}`;
  return (
    <>
      <Form method="get" className="desk-day__picker">
        <Select id="day-location" name="location" label={t("day.location")} defaultValue={view.location.id} options={places.map((p) => ({ value: p.id, label: p.name }))} />
        <NativeDateInput id="day-date" name="day" label={t("day.date")} defaultValue={view.day} />
        <Button type="submit" variant="secondary">
          {t("day.show")}
        </Button>
      </Form>
      <nav aria-label={t("day.daysNav")} className="desk-day__nav">
        <Link to={href(shift(view.day, -1))}>{t("day.previous")}</Link>
        {view.day !== view.today ? <Link to={href(view.today)}>{t("day.today")}</Link> : null}
        <Link to={href(shift(view.day, 1))}>{t("day.next")}</Link>
      </nav>
    </>
  );
}

function BookingLine({ booking }: { booking: Booking }) {
  const { t } = useTranslation("desk");
  return (
    <li>
      <Link to={`/team/appointments/${booking.id}`}>{booking.name}</Link> <Tag>{t(`channel.${booking.channel}`)}</Tag>{" "}
      <Tag tone={booking.status === "booked" ? "info" : booking.status === "done" ? "success" : "neutral"}>{t(`status.${booking.status}`)}</Tag>
      {booking.concern ? <span className="desk-day__concern"> – {booking.concern}</span> : null}
    </li>
  );
}

export function DaySlots({ view }: { view: DayData }) {
  const { t } = useTranslation("desk");
  const rows = view.slots.map((slot) => ({
    time: <span dir="ltr">{slot.time}</span>,
    bookings: slot.appointments.length ? (
      <ul className="desk-day__bookings">
        {slot.appointments.map((b) => (
          <BookingLine key={b.id} booking={b} />
        ))}
      </ul>
    ) : (
      t("day.nobody")
    ),
    free: t("day.freeCounts", { web: slot.free.web, phone: slot.free.phone, internal: slot.free.internal }),
  }));
  return (
    <>
      <DataTable
        caption={t("day.slotsCaption", { place: view.location.name })}
        columns={[
          { key: "time", header: t("day.time"), isRowHeader: true },
          { key: "bookings", header: t("day.bookings") },
          { key: "free", header: t("day.free") },
        ]}
        rows={rows}
        rowKey={(_, i) => view.slots[i].key}
        emptyText={t("day.noHours")}
      />
      {view.loose.length ? (
        <>
          <h2>{t("day.loose")}</h2>
          <ul className="desk-day__bookings">
            {view.loose.map((b) => (
              <BookingLine key={b.id} booking={b} />
            ))}
          </ul>
        </>
      ) : null}
    </>
  );
}

function DayWaitIntake({ view, lastResult, added }: { view: DayData; lastResult: SubmissionResult<string[]> | null | undefined; added: AddedWait | null }) {
  const { t } = useTranslation("desk");
  const [form, fields] = useAppForm<{ firstName: string; phone: string }>({ id: "desk-day-wait", lastResult });
  return (
    <>
      {added ? (
        <p role="status" className="notice">
          {added.already ? t("day.waitAlready", { name: added.name }) : t("day.waitAdded", { name: added.name })}{" "}
          {added.reference ? (
            <>
              {t("day.waitReference")} <strong dir="ltr">{added.reference}</strong>
            </>
          ) : null}
        </p>
      ) : null}
      <h3 id="day-wait-add">{t("day.waitAddHeading")}</h3>
      <ErrorSummary errors={formErrors(form)} />
      <Form method="post" {...formProps(form)} aria-labelledby="day-wait-add">
        <input type="hidden" name="locationId" value={view.location.id} />
        <input type="hidden" name="day" value={view.day} />
        <TextField {...fieldProps(fields.firstName)} label={t("day.waitFirstName")} autoComplete="off" width="medium" />
        <TextField {...fieldProps(fields.phone)} label={t("day.waitPhone")} type="tel" autoComplete="off" width="medium" />
        <Button type="submit" variant="secondary">
          {t("day.waitAdd")}
        </Button>
      </Form>
    </>
  );
}

interface AddedWait {
  name: string;
  reference: string | null;
  already: boolean;
}

export function DaySide({ view, lastResult, added }: { view: DayData; lastResult?: SubmissionResult<string[]> | null; added?: AddedWait | null }) {
  const { t } = useTranslation("desk");
  return (
    <div className="desk-day__side">
      <section aria-labelledby="day-walkins">
        <h2 id="day-walkins">{t("day.walkIns")}</h2>
        <p>{t("day.walkInSummary", view.walkIns)}</p>
        {view.day === view.today ? (
          <ButtonLink to={`/team/walk-ins?location=${view.location.id}`} variant="secondary">
            {t("day.walkInLink")}
          </ButtonLink>
        ) : null}
      </section>
      <section aria-labelledby="day-waits">
        <h2 id="day-waits">{t("day.waitingList")}</h2>
        {view.waits.length ? (
          <ol>
            {view.waits.map((w) => (
              <li key={w.id}>
                {w.name} <Tag>{t(`waitStatus.${w.status}`)}</Tag>
              </li>
            ))}
          </ol>
        ) : (
          <p>{t("day.noWaits")}</p>
        )}
        {view.waitOpen ? <DayWaitIntake view={view} lastResult={lastResult} added={added ?? null} /> : null}
      </section>
    </div>
  );
}
