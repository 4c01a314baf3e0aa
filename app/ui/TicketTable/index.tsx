// One page of tickets as a table: the reference opens the ticket; overdue ones say so in words.
import { Link } from "@remix-run/react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DataTable } from "~/ui/kit/Table";
import { DateTime } from "~/ui/kit/DateTime";
import { Tag } from "~/ui/kit/Tag";
import { useTicketLabels, type CategoryRef } from "~/ui/TicketLabels";

export interface TicketRow {
  id: string;
  reference: string;
  person: string;
  category: CategoryRef | null;
  status: string;
  priority: string;
  location: string | null;
  assignee: string | null;
  lastActivityAt: string;
  overdue: boolean;
}

export function TicketTable({ caption, emptyText, tickets }: { caption: ReactNode; emptyText: ReactNode; tickets: TicketRow[] }) {
  const { t } = useTranslation("tickets");
  const labels = useTicketLabels();
  return (
    <DataTable
      caption={caption}
      emptyText={emptyText}
      rowKey={(_row, index) => tickets[index].id}
      columns={[
        { key: "reference", header: t("list.columns.reference"), isRowHeader: true },
        { key: "person", header: t("list.columns.person") },
        { key: "category", header: t("list.columns.category") },
        { key: "status", header: t("list.columns.status") },
        { key: "priority", header: t("list.columns.priority") },
        { key: "location", header: t("list.columns.location") },
        { key: "assignee", header: t("list.columns.assignee") },
        { key: "lastActivity", header: t("list.columns.lastActivity") },
        { key: "due", header: t("list.columns.due") },
      ]}
      rows={tickets.map((ticket) => ({
        reference: (
          <Link to={`/team/tickets/${ticket.id}`} className="ticket-reference-link" dir="ltr">
            {ticket.reference}
          </Link>
        ),
        person: ticket.person,
        category: labels.category(ticket.category),
        status: labels.status(ticket.status),
        priority: labels.priority(ticket.priority),
        location: ticket.location ?? t("ticket.noLocation"),
        assignee: ticket.assignee ?? t("ticket.nobody"),
        lastActivity: <DateTime iso={ticket.lastActivityAt} />,
        due: ticket.overdue ? <Tag tone="warning">{t("ticket.overdue")}</Tag> : "–",
      }))}
    />
  );
}
