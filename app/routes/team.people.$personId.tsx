// One person, for staff: how to reach them and everything the programme does with them — requests, loans,
// waiting-list places, appointments, callbacks, consents. Each view writes one audit entry (personPage); withdrawing a
// consent is the page's one form.
import { type ActionFunctionArgs, data, type LoaderFunctionArgs } from "@remix-run/node";
import { Form, useActionData, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button, ButtonLink } from "~/ui/kit/Button";
import { DateTime } from "~/ui/kit/DateTime";
import { PageHeading } from "~/ui/kit/Layout";
import { Link } from "~/ui/kit/Link";
import { SummaryList } from "~/ui/kit/SummaryList";
import { DataTable } from "~/ui/kit/Table";
import { useTicketLabels } from "~/ui/TicketLabels";
import { PersonLending, PersonScheduling, PersonSection } from "~/ui/PersonRecord";
import { PersonConsents } from "~/ui/PersonRecord/Consents";
import { can } from "~/capabilities/people/permissions";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { takeNotice } from "~/web/flash.server";
import { withdrawPersonConsent } from "~/web/person-consent.server";
import { pageFrom } from "~/web/pagination";
import { PERSON_SECTIONS, personPage } from "~/web/person-page.server";

export const handle: RouteHandle = { titleKey: "tickets:person.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "person:view");
  const pages = Object.fromEntries(PERSON_SECTIONS.map((name) => [name, pageFrom(request, name)]));
  const page = await respondTo(() => personPage(ctx, params.personId!, pages));
  const { notice, headers } = await takeNotice(request, context);
  return data({ ...page, notice, canWithdraw: can(ctx.actor, "person:manage") }, { headers });
}

/** intent=withdrawConsent, purpose=<purpose>: one action, audit-logged (consent.withdrawn); the page again, saying so. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "person:manage");
  const messageKey = await withdrawPersonConsent(ctx, params.personId!, await request.formData());
  return { notice: { messageKey, params: {} as Record<string, string> } };
}

export default function Person() {
  const { t } = useTranslation("tickets");
  const labels = useTicketLabels();
  const { person, tickets, ticketPages, lending, appointments, appointmentPages, callbacks, callbackPages, showScheduling, auditHref, exportHref, eraseHref, notice: loadedNotice, consents, canWithdraw } =
    useLoaderData<typeof loader>();
  const notice = useActionData<typeof action>()?.notice ?? loadedNotice;
  return (
    <>
      <PageHeading caption={t("person.caption")}>{person.name}</PageHeading>
      {notice ? (
        <p className="notice" role="status">
          {t(notice.messageKey, notice.params)}
        </p>
      ) : null}
      {person.erasurePendingSince ? (
        <p className="notice">
          {t("person.erase.pendingSince")} {t("person.erase.pendingSinceLabel")} <DateTime iso={person.erasurePendingSince} />
        </p>
      ) : null}
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
      <p>
        <Link to={`/team/people/${person.id}/edit`}>{t("person.edit.link")}</Link>
      </p>
      {exportHref ? (
        <p>
          <ButtonLink to={exportHref} variant="secondary">
            {t("accessReport:create")}
          </ButtonLink>
        </p>
      ) : null}

      <PersonSection id="tickets" title={t("person.tickets")} pages={ticketPages}>
        <DataTable
          caption={t("person.ticketsCaption", { count: ticketPages.total })}
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
      {showScheduling ? (
        <PersonScheduling appointments={appointments} appointmentPages={appointmentPages} callbacks={callbacks} callbackPages={callbackPages} />
      ) : null}
      <PersonConsents consents={consents} canWithdraw={canWithdraw} />
      {auditHref ? (
        <p>
          <Link to={auditHref}>{t("person.auditLink")}</Link>
        </p>
      ) : null}
      <section aria-labelledby="person-privacy-heading">
        <h2 id="person-privacy-heading">{t("person.erase.sectionHeading")}</h2>
        <p id="erasure-request-hint">{t("person.erase.request.hint")}</p>
        <Form method="post" action={`/team/people/${person.id}/erasure-request`}>
          <Button type="submit" variant="secondary" aria-describedby="erasure-request-hint">
            {t("person.erase.request.button")}
          </Button>
        </Form>
        {eraseHref ? (
          <p>
            <Link to={eraseHref}>{t("person.erase.link")}</Link>
          </p>
        ) : null}
      </section>
    </>
  );
}
