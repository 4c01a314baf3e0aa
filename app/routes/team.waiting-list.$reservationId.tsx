// One place on the waiting list: who, where, the running offer, the history (moves with their reasons and who
// moved), and the forms that work on it. Every form posts its own `intent`.
import type { ActionFunctionArgs, LoaderFunctionArgs } from "@remix-run/node";
import { useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { DateTime } from "~/ui/kit/DateTime";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { SummaryList } from "~/ui/kit/SummaryList";
import { ReservationHistory, ReservationStatus } from "~/ui/WaitingList";
import { ReservationActions } from "~/ui/WaitingList/Actions";
import { respondTo } from "~/web/errors.server";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";
import { performReservationAction, reservationPage } from "~/web/waitlist.server";
import { PersonAsGiven } from "~/ui/PersonAsGiven";

export const handle: RouteHandle = { titleKey: "waitlist:reservation.title", hydrate: true };

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "waitlist:view");
  return respondTo(() => reservationPage(ctx, params.reservationId!));
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "waitlist:manage");
  return performReservationAction(ctx, params.reservationId!, request);
}

export default function Reservation() {
  const { t } = useTranslation("waitlist");
  const { reservation: r, events, deviceTags, others, can } = useLoaderData<typeof loader>();
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  return (
    <>
      <BackLink to={`/team/waiting-list?location=${r.location.id}`}>{t("reservation.back")}</BackLink>
      <PageHeading caption={r.location.name}>{t("reservation.heading", { name: r.person.name })}</PageHeading>
      {params.has("created") ? (
        <p className="notice" role="status">
          {t("reservation.created", { reference: r.reference })}
        </p>
      ) : null}
      <SummaryList
        rows={[
          { key: "status", label: t("reservation.status"), value: <ReservationStatus status={r.status} /> },
          { key: "name", label: t("list.columns.name"), value: <PersonAsGiven person={r.person} /> },
          { key: "place", label: t("reservation.place"), value: r.place ?? "–" },
          { key: "reference", label: t("reservation.reference"), value: <span dir="ltr">{r.reference}</span> },
          { key: "since", label: t("list.columns.since"), value: <DateTime iso={r.createdAt} /> },
          { key: "channel", label: t("list.columns.channel"), value: t(`lending:reservationChannel.${r.channel}`) },
          { key: "wishes", label: t("borrow.wishes"), value: r.wishes ?? "–" },
          ...(r.device ? [{ key: "device", label: t("reservation.device"), value: `${r.device.assetTag} · ${r.device.model}` }] : []),
          ...(r.offerExpiresAt ? [{ key: "expires", label: t("list.columns.expires"), value: <DateTime iso={r.offerExpiresAt} /> }] : []),
        ]}
      />
      <div className="waiting-list__layout">
        <section aria-labelledby="reservation-history-heading">
          <h2 id="reservation-history-heading">{t("reservation.history")}</h2>
          <ReservationHistory events={events} deviceTags={deviceTags} />
        </section>
        <ReservationActions reservation={r} others={others} can={can} actionData={actionData} />
      </div>
    </>
  );
}
