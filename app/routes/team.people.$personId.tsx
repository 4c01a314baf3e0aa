// One person, for staff: how to reach them and everything the programme does with them — requests, loans,
// waiting-list places. Viewing it is audit-logged (personOverview, personLending).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "~/ui/DateTime";
import { PageHeading } from "~/ui/Layout";
import { Link } from "~/ui/Link";
import { SummaryList } from "~/ui/SummaryList";
import { DataTable } from "~/ui/Table";
import { useTicketLabels } from "~/ui/TicketLabels";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { personPage } from "~/web/tickets.server";

export const handle: RouteHandle = { titleKey: "tickets:person.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "person:view");
  return respondTo(() => personPage(ctx, params.personId!));
}

/** One area of a person's record (tickets now; loans, appointments and callbacks as they arrive). */
function PersonSection({ id, title, children }: { id: string; title: string; children: ReactNode }) {
  return (
    <section aria-labelledby={`person-${id}-heading`}>
      <h2 id={`person-${id}-heading`}>{title}</h2>
      {children}
    </section>
  );
}

type Lending = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>["lending"]>;

function PersonLending({ loans, reservations }: Lending) {
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

export default function Person() {
  const { t } = useTranslation("tickets");
  const labels = useTicketLabels();
  const { person, tickets, lending } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading caption={t("person.caption")}>{person.name}</PageHeading>
      <SummaryList
        rows={[
          {
            key: "phone",
            label: t("person.phone"),
            value: (
              <a href={`tel:${person.phone.e164}`} dir="ltr">
                {person.phone.display}
              </a>
            ),
          },
          { key: "phoneType", label: t("person.phoneType"), value: t(`person.phoneTypes.${person.phoneType}`) },
          {
            key: "language",
            label: t("person.language"),
            value: (
              <span lang={person.language.code} dir={person.language.dir}>
                {person.language.name}
              </span>
            ),
          },
          { key: "contact", label: t("person.contactPreference"), value: t(`common:channel.${person.contactPreference}`) },
        ]}
      />

      <PersonSection id="tickets" title={t("person.tickets")}>
        <DataTable
          caption={t("person.ticketsCaption", { count: tickets.length })}
          emptyText={t("person.noTickets")}
          rowKey={(_row, index) => tickets[index].id}
          columns={[
            { key: "reference", header: t("list.columns.reference"), isRowHeader: true },
            { key: "status", header: t("list.columns.status") },
            { key: "category", header: t("list.columns.category") },
            { key: "location", header: t("list.columns.location") },
            { key: "createdAt", header: t("person.createdAt") },
          ]}
          rows={tickets.map((ticket) => ({
            reference: (
              <Link to={`/team/tickets/${ticket.id}`} dir="ltr">
                {ticket.reference}
              </Link>
            ),
            status: labels.status(ticket.status),
            category: labels.category(ticket.category),
            location: ticket.location ?? t("ticket.noLocation"),
            createdAt: <DateTime iso={ticket.createdAt} />,
          }))}
        />
      </PersonSection>
      {lending ? <PersonLending {...lending} /> : null}
      {/* Extension point: appointments and callbacks each add a <PersonSection> here as they arrive. */}
    </>
  );
}
