// The outbox: every message the programme sent or would have sent. Reading it is audit-logged.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { listMessages } from "~/capabilities/messaging/outbox.server";
import { audit } from "~/capabilities/privacy/audit.server";
import { maskPhone } from "~/lib/phone.server";
import { DataTable, Pagination } from "~/ui/Table";
import { PageHeading } from "~/ui/Layout";
import { DateTime } from "~/ui/DateTime";
import type { RouteHandle } from "~/web/handle";
import { pageFrom } from "~/web/pagination";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "team:outbox.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "message:view");
  const page = pageFrom(request);
  const { messages, pageCount } = await listMessages(ctx.db, { page });
  await audit(ctx.db, ctx, { action: "outbox.viewed", subjectType: "Message", details: { page, count: messages.length } });
  return {
    page,
    pageCount,
    messages: messages.map((m) => ({
      id: m.id,
      createdAt: m.createdAt.toISOString(),
      recipient: m.person ? `${m.person.firstName}${m.person.lastNameInitial ? ` ${m.person.lastNameInitial}.` : ""}` : null,
      phone: maskPhone(m.toPhone),
      channel: m.channel,
      status: m.status,
      body: m.body,
    })),
  };
}

export default function Outbox() {
  const { t } = useTranslation("team");
  const { messages, page, pageCount } = useLoaderData<typeof loader>();
  return (
    <>
      <PageHeading>{t("outbox.heading")}</PageHeading>
      <p>{t("outbox.intro")}</p>
      <DataTable
        caption={t("outbox.caption")}
        emptyText={t("outbox.empty")}
        columns={[
          { key: "createdAt", header: t("outbox.createdAt") },
          { key: "recipient", header: t("outbox.recipient") },
          { key: "channel", header: t("outbox.channel") },
          { key: "status", header: t("outbox.status") },
          { key: "body", header: t("outbox.body") },
        ]}
        rows={messages.map((m) => ({
          id: m.id,
          createdAt: <DateTime iso={m.createdAt} />,
          recipient: (
            <>
              {m.recipient ?? t("outbox.unknownRecipient")} <span dir="ltr">{m.phone}</span>
            </>
          ),
          channel: t(`common:channel.${m.channel}`),
          status: t(`common:messageStatus.${m.status}`),
          body: m.body,
        }))}
      />
      <Pagination page={page} pageCount={pageCount} hrefFor={(p) => `?page=${p}`} />
    </>
  );
}
