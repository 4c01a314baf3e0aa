// One ticket: its reference, facts and the citizen's words, the timeline, and the forms that work on it.
// Every form posts its own `intent`; errors come back to that form only.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { BackLink } from "~/ui/Link";
import { TicketActions, TicketLayout } from "~/ui/TicketActions";
import { TicketHeader } from "~/ui/TicketHeader";
import { TicketTimeline } from "~/ui/TicketTimeline";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { performTicketAction, ticketPage } from "~/web/tickets.server";

export const handle: RouteHandle = { titleKey: "tickets:ticket.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "ticket:view");
  return respondTo(() => ticketPage(ctx, params.ticketId!));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "ticket:manage");
  return performTicketAction(ctx, params.ticketId!, request);
}

export default function Ticket() {
  const { t } = useTranslation("tickets");
  const { ticket, events, names, categories, canManage, options } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <BackLink to="/team/tickets">{t("ticket.back")}</BackLink>
      <TicketHeader
        ticket={ticket}
        category={categories.find((c) => c.id === ticket.categoryId) ?? null}
        justCreated={params.has("created")}
      />
      <TicketLayout
        history={<TicketTimeline events={events} personName={ticket.person.name} names={names} categories={categories} />}
        actions={
          canManage ? (
            <TicketActions ticket={ticket} options={options} categories={categories} actionData={actionData} />
          ) : null
        }
      />
    </>
  );
}
