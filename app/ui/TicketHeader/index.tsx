// The top of a ticket: its reference large enough to read out on the phone (and spelled out), the facts,
// and the citizen's own words as plain text.
import { Link } from "@remix-run/react";
import { useEffect, useRef } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "~/ui/kit/DateTime";
import { PageHeading } from "~/ui/kit/Layout";
import { SummaryList } from "~/ui/kit/SummaryList";
import { Tag } from "~/ui/kit/Tag";
import { useTicketLabels, type CategoryRef } from "~/ui/TicketLabels";
import "./TicketHeader.css";
import { PersonAsGiven, type PersonAsGivenData } from "~/ui/PersonAsGiven";

export interface TicketSummary {
  reference: string;
  spelled: string;
  status: string;
  priority: string;
  channel: string;
  description: string;
  callbackWanted: boolean;
  /** The callbacks made from this ticket (the citizen's "please call me back"), for staff who make calls. */
  callbacks: { id: string; reference: string; status: string; scheduledAt: string | null }[];
  createdAt: string;
  pendingUntil: string | null;
  overdue: boolean;
  person: PersonAsGivenData;
  location: { id: string; name: string } | null;
  assignee: { id: string; name: string } | null;
}

export function TicketHeader({ ticket, category, justCreated }: { ticket: TicketSummary; category: CategoryRef | null; justCreated: boolean }) {
  const { t } = useTranslation("tickets");
  const labels = useTicketLabels();
  return (
    <>
      <PageHeading caption={t("ticket.caption")}>
        <span className="ticket-reference" dir="ltr">
          {ticket.reference}
        </span>
      </PageHeading>
      <p className="ticket-spelled">
        {t("ticket.spelled")}{" "}
        <span dir="ltr" className="ticket-spelled__code">
          {ticket.spelled}
        </span>
      </p>
      {justCreated ? <CreatedNotice /> : null}
      <SummaryList
        className="ticket-facts"
        rows={[
          {
            key: "status",
            label: t("ticket.status"),
            value: (
              <>
                {labels.status(ticket.status)} {ticket.overdue ? <Tag tone="warning">{t("ticket.overdue")}</Tag> : null}
              </>
            ),
          },
          { key: "priority", label: t("ticket.priority"), value: labels.priority(ticket.priority) },
          { key: "category", label: t("ticket.category"), value: labels.category(category) },
          { key: "person", label: t("ticket.person"), value: <PersonAsGiven person={ticket.person} /> },
          { key: "location", label: t("ticket.location"), value: ticket.location?.name ?? t("ticket.noLocation") },
          { key: "assignee", label: t("ticket.assignee"), value: ticket.assignee?.name ?? t("ticket.nobody") },
          { key: "channel", label: t("ticket.channel"), value: labels.channel(ticket.channel) },
          { key: "createdAt", label: t("ticket.createdAt"), value: <DateTime iso={ticket.createdAt} /> },
          {
            key: "pendingUntil",
            label: t("ticket.pendingUntil"),
            value: ticket.pendingUntil ? <DateTime iso={ticket.pendingUntil} dateOnly /> : t("ticket.noPending"),
          },
          {
            key: "callback",
            label: t("ticket.callbackWanted"),
            value: ticket.callbacks.length ? <CallbackLinks callbacks={ticket.callbacks} /> : ticket.callbackWanted ? t("ticket.yes") : t("ticket.no"),
          },
        ]}
      />
      <section aria-labelledby="ticket-description-heading">
        <h2 id="ticket-description-heading">{t("ticket.description")}</h2>
        {/* The citizen's text: React escapes it, so markup in it stays text. */}
        <p className="ticket-description">{ticket.description}</p>
      </section>
    </>
  );
}

/** The linked callbacks: reference, state and planned time, each opening the callback. */
function CallbackLinks({ callbacks }: { callbacks: TicketSummary["callbacks"] }) {
  const { t } = useTranslation("tickets");
  return (
    <ul className="ticket-callbacks">
      {callbacks.map((c) => (
        <li key={c.id}>
          <Link to={`/team/callbacks/${c.id}`}>
            {t("ticket.callbackLink")} <span dir="ltr">{c.reference}</span>
          </Link>
          {": "}
          {t(`callbacks:status.${c.status}`)}
          {c.scheduledAt ? (
            <>
              {", "}
              <DateTime iso={c.scheduledAt} />
            </>
          ) : null}
        </li>
      ))}
    </ul>
  );
}

/** After intake: takes focus, so keyboard and screen reader users land on the confirmation. */
function CreatedNotice() {
  const { t } = useTranslation("tickets");
  const ref = useRef<HTMLDivElement>(null);
  useEffect(() => ref.current?.focus(), []);
  return (
    <div ref={ref} tabIndex={-1} className="ticket-created">
      <p className="ticket-created__title">{t("ticket.created.title")}</p>
      <p>{t("ticket.created.body")}</p>
    </div>
  );
}
