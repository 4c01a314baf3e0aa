// The sections of a person's record page: one per capability (requests, loans and waiting list, appointments and callbacks).
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { useLocation } from "@remix-run/react";
import type { Pages } from "~/lib/pages";
import { DateTime } from "~/ui/kit/DateTime";
import { Link } from "~/ui/kit/Link";
import { DataTable, Pagination } from "~/ui/kit/Table";

/**
 * One area of a person's record. `pages`: its list is paged by `?<id>=`; the other lists keep their page, and the
 * link lands on this section.
 */
export function PersonSection({ id, title, pages, children }: { id: string; title: string; pages?: Pages; children: ReactNode }) {
  const { search } = useLocation();
  const hrefFor = (page: number) => {
    const query = new URLSearchParams(search);
    query.set(id, String(page));
    return `?${query}#${id}`;
  };
  return (
    <section id={id} aria-labelledby={`person-${id}-heading`}>
      <h2 id={`person-${id}-heading`}>{title}</h2>
      {children}
      {pages ? <Pagination page={pages.page} pageCount={pages.pageCount} hrefFor={hrefFor} list={title} /> : null}
    </section>
  );
}

export interface PersonLendingProps {
  loans: { id: string; reference: string; status: string; device: string; location: string; checkedOutAt: string; dueAt: string }[];
  loanPages: Pages;
  reservations: { id: string; reference: string; status: string; location: string; createdAt: string }[];
  reservationPages: Pages;
}

export function PersonLending({ loans, loanPages, reservations, reservationPages }: PersonLendingProps) {
  const { t } = useTranslation("tickets");
  return (
    <>
      <PersonSection id="loans" title={t("person.loans")} pages={loanPages}>
        <DataTable
          caption={t("person.loansCaption", { count: loanPages.total })}
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
      <PersonSection id="reservations" title={t("person.reservations")} pages={reservationPages}>
        <DataTable
          caption={t("person.reservationsCaption", { count: reservationPages.total })}
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
  appointmentPages: Pages;
  callbacks: { id: string; reference: string; status: string; scheduledAt: string | null; attempts: number }[];
  callbackPages: Pages;
}

export function PersonScheduling({ appointments, appointmentPages, callbacks, callbackPages }: PersonSchedulingProps) {
  const { t } = useTranslation("tickets");
  return (
    <>
      <PersonSection id="appointments" title={t("person.appointments")} pages={appointmentPages}>
        <DataTable
          caption={t("person.appointmentsCaption", { count: appointmentPages.total })}
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
      <PersonSection id="callbacks" title={t("person.callbacks")} pages={callbackPages}>
        <DataTable
          caption={t("person.callbacksCaption", { count: callbackPages.total })}
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
