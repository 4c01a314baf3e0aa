// The sections of a person's record page: one per capability (requests, loans and waiting list, appointments and callbacks).
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "~/ui/DateTime";
import { Link } from "~/ui/Link";
import { DataTable } from "~/ui/Table";

/** One area of a person's record. */
export function PersonSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`person-${id}-heading`}>
      <h2 id={`person-${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

export interface PersonLendingProps {
  loans: { id: string; reference: string; status: string; device: string; location: string; checkedOutAt: string; dueAt: string }[];
  reservations: { id: string; reference: string; status: string; location: string; createdAt: string }[];
}

export function PersonLending({ loans, reservations }: PersonLendingProps) {
  const { t } = useTranslation("tickets");
  return (
    <>
      <PersonSection id="loans" title={t("person.loans")}>
        <DataTable
          caption={t("person.loansCaption", { count: loans.length })}
          emptyText={t("person.noLoans")}
          rowKey={(_row, index) => loans[index].id}
          columns={[
            { key: "reference", header: t("person.loanColumns.reference"), isRowHeader: true },
            { key: "device", header: t("person.loanColumns.device") },
            { key: "status", header: t("person.loanColumns.status") },
            { key: "location", header: t("person.loanColumns.location") },
            { key: "checkedOutAt", header: t("person.loanColumns.checkedOutAt") },
            { key: "dueAt", header: t("person.loanColumns.dueAt") },
          ]}
          rows={loans.map((loan) => ({
            reference: (
              <Link to={`/team/loans/${loan.id}`} dir="ltr">
                {loan.reference}
              </Link>
            ),
            device: <span dir="ltr">{loan.device}</span>,
            status: t(`lending:loanStatus.${loan.status}`),
            location: loan.location,
            checkedOutAt: <DateTime iso={loan.checkedOutAt} dateOnly />,
            dueAt: <DateTime iso={loan.dueAt} dateOnly />,
          }))}
        />
      </PersonSection>
      <PersonSection id="reservations" title={t("person.reservations")}>
        <DataTable
          caption={t("person.reservationsCaption", { count: reservations.length })}
          emptyText={t("person.noReservations")}
          rowKey={(_row, index) => reservations[index].id}
          columns={[
            { key: "reference", header: t("person.reservationColumns.reference"), isRowHeader: true },
            { key: "status", header: t("person.reservationColumns.status") },
            { key: "location", header: t("person.reservationColumns.location") },
            { key: "createdAt", header: t("person.reservationColumns.createdAt") },
          ]}
          rows={reservations.map((r) => ({
            reference: (
              <Link to={`/team/waiting-list/${r.id}`} dir="ltr">
                {r.reference}
              </Link>
            ),
            status: t(`lending:reservationStatus.${r.status}`),
            location: r.location,
            createdAt: <DateTime iso={r.createdAt} dateOnly />,
          }))}
        />
      </PersonSection>
    </>
  );
}


export interface PersonSchedulingProps {
  appointments: { id: string; reference: string; status: string; startsAt: string; timeZone: string; location: string }[];
  callbacks: { id: string; reference: string; status: string; scheduledAt: string | null; attempts: number }[];
}

export function PersonScheduling({ appointments, callbacks }: PersonSchedulingProps) {
  const { t } = useTranslation("tickets");
  return (
    <>
      <PersonSection id="appointments" title={t("person.appointments")}>
        <DataTable
          caption={t("person.appointmentsCaption", { count: appointments.length })}
          emptyText={t("person.noAppointments")}
          rowKey={(_row, index) => appointments[index].id}
          columns={[
            { key: "reference", header: t("person.appointmentColumns.reference"), isRowHeader: true },
            { key: "when", header: t("person.appointmentColumns.when") },
            { key: "location", header: t("person.appointmentColumns.location") },
            { key: "status", header: t("person.appointmentColumns.status") },
          ]}
          rows={appointments.map((a) => ({
            reference: (
              <Link to={`/team/appointments/${a.id}`} dir="ltr">
                {a.reference}
              </Link>
            ),
            when: <DateTime iso={a.startsAt} timeZone={a.timeZone} />,
            location: a.location,
            status: t(`desk:status.${a.status}`),
          }))}
        />
      </PersonSection>
      <PersonSection id="callbacks" title={t("person.callbacks")}>
        <DataTable
          caption={t("person.callbacksCaption", { count: callbacks.length })}
          emptyText={t("person.noCallbacks")}
          rowKey={(_row, index) => callbacks[index].id}
          columns={[
            { key: "reference", header: t("person.callbackColumns.reference"), isRowHeader: true },
            { key: "scheduledAt", header: t("person.callbackColumns.scheduledAt") },
            { key: "status", header: t("person.callbackColumns.status") },
            { key: "attempts", header: t("person.callbackColumns.attempts"), align: "end" },
          ]}
          rows={callbacks.map((c) => ({
            reference: (
              <Link to={`/team/callbacks/${c.id}`} dir="ltr">
                {c.reference}
              </Link>
            ),
            scheduledAt: c.scheduledAt ? <DateTime iso={c.scheduledAt} /> : t("person.notScheduled"),
            status: t(`callbacks:status.${c.status}`),
            attempts: c.attempts,
          }))}
        />
      </PersonSection>
    </>
  );
}
