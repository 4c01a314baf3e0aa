// One ticket: its reference, facts and the citizen's words, the timeline, and the forms that work on it.
// Every form posts its own `intent`; errors come back to that form only.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { data } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CallNow } from "~/ui/CallNow";
import { BackLink } from "~/ui/kit/Link";
import { TicketActions, TicketLayout } from "~/ui/TicketActions";
import { TicketHeader } from "~/ui/TicketHeader";
import { TicketTimeline } from "~/ui/TicketTimeline";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { callPanelFor, mergeHeaders } from "~/web/click-to-call.server";
import { performTicketAction, ticketPage } from "~/web/ticket-pages.server";

export const handle: RouteHandle = { titleKey: "tickets:ticket.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "ticket:view");
  const page = await respondTo(() => ticketPage(ctx, params.ticketId!));
  const call = await callPanelFor(request, context, ctx, { ticketId: params.ticketId! });
  return data({ ...page, callPanel: call.panel }, { headers: mergeHeaders(undefined, call.headers) });
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "ticket:manage");
  return performTicketAction(ctx, params.ticketId!, request, { publicUrl: context.services.config.publicUrl });
}

export default function Ticket() {
  const { t } = useTranslation("tickets");
  const { ticket, events, names, categories, canManage, options, callPanel } = useLoaderData<typeof loader>();
  const { t: tc } = useTranslation("calls");
  const callOver = callPanel.call && !callPanel.call.active && ["completed", "busy", "no_answer", "failed"].includes(callPanel.call.state);
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
      {canManage ? <CallNow {...callPanel} after={callOver ? tc("after.timeline") : null} /> : null}
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
