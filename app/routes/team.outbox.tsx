// The outbox: every message the programme sent or would have sent, filterable by status (only the status is in the
// URL — never a number). The provider's id stays on the server. Reading it is audit-logged.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { countOptOuts, listMessages } from "~/capabilities/messaging/outbox.server";
import { isMessageStatus, MESSAGE_STATUSES } from "~/capabilities/messaging/values";
import { personName } from "~/lib/person-name";
import { maskPhone } from "~/lib/phone.server";

import { DataTable, Pagination } from "~/ui/kit/Table";
import { PageHeading } from "~/ui/kit/Layout";
import { DateTime } from "~/ui/kit/DateTime";
import { StatusFilter } from "~/ui/kit/StatusFilter";
import type { RouteHandle } from "~/web/handle";
import { pageFrom } from "~/web/pagination";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "team:outbox.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "message:view");
  const page = pageFrom(request);
  const wanted = new URL(request.url).searchParams.get("status");
  const status = isMessageStatus(wanted) ? wanted : null;
  const [{ messages, pageCount }, optedOut] = await Promise.all([listMessages(ctx, { page, status }), countOptOuts(ctx)]);
  return {
    page,
    pageCount,
    status,
    optedOut,
    messages: messages.map((m) => ({
      id: m.id,
      createdAt: m.createdAt.toISOString(),
      recipient: m.person ? personName(m.person) : null,
      phone: maskPhone(m.toPhone),
      channel: m.channel,
      status: m.status,
      body: m.body,
    })),
  };
}

export default function Outbox() {
  const { t } = useTranslation(["team", "messaging", "common"]);
  const { messages, page, pageCount, status, optedOut } = useLoaderData<typeof loader>();
  const query = (p: number) => `?${new URLSearchParams({ ...(status ? { status } : {}), page: String(p) })}`;
  return (
    <>
      <PageHeading>{t("team:outbox.heading")}</PageHeading>
      <p>{t("team:outbox.intro")}</p>
      <p data-testid="opt-out-count">{t("messaging:outbox.optedOut", { count: optedOut })}</p>
      <StatusFilter
        id="outbox-status"
        name="status"
        label={t("messaging:outbox.filterStatus")}
        submitLabel={t("messaging:outbox.show")}
        value={status ?? ""}
        options={[
          { value: "", label: t("messaging:outbox.allStatuses") },
          ...MESSAGE_STATUSES.map((s) => ({ value: s, label: t(`common:messageStatus.${s}`) })),
        ]}
      />
      <DataTable
        caption={status ? `${t("team:outbox.caption")} — ${t("messaging:outbox.filtered", { status: t(`common:messageStatus.${status}`) })}` : t("team:outbox.caption")}
        emptyText={t("team:outbox.empty")}
        columns={[
          { key: "createdAt", header: t("team:outbox.createdAt") },
          { key: "recipient", header: t("team:outbox.recipient") },
          { key: "channel", header: t("team:outbox.channel") },
          { key: "status", header: t("team:outbox.status") },
          { key: "body", header: t("team:outbox.body") },
        ]}
        rows={messages.map((m) => ({
          id: m.id,
          createdAt: <DateTime iso={m.createdAt} />,
          recipient: (
            <>
              {m.recipient ?? t("team:outbox.unknownRecipient")} <span dir="ltr">{m.phone}</span>
            </>
          ),
          channel: t(`common:channel.${m.channel}`),
          status: t(`common:messageStatus.${m.status}`),
          body: m.body,
        }))}
      />
      <Pagination page={page} pageCount={pageCount} hrefFor={query} />
    </>
  );
}
