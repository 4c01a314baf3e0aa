// The waiting list's pieces: the place chooser, the ordered table, and a reservation's history.
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { DateTime } from "~/ui/kit/DateTime";
import { Link } from "~/ui/kit/Link";
import { Select } from "~/ui/kit/Select";
import { DataTable } from "~/ui/kit/Table";
import { Tag, type TagTone } from "~/ui/kit/Tag";
import { Timeline } from "~/ui/kit/Timeline";
import "./WaitingList.css";

const TONES: Record<string, TagTone> = { waiting: "neutral", offered: "info", accepted: "success", expired: "warning", declined: "neutral", cancelled: "neutral", fulfilled: "success" };

export function ReservationStatus({ status }: { status: string }) {
  const { t } = useTranslation("lending");
  return <Tag tone={TONES[status] ?? "neutral"}>{t(`reservationStatus.${status}`)}</Tag>;
}

export function LocationChooser({ locations, locationId }: { locations: { id: string; name: string }[]; locationId: string | null }) {
  const { t } = useTranslation("waitlist");
  return (
    <Form method="get" className="waiting-list__chooser">
      <Select
        id="waiting-list-location"
        name="location"
        label={t("list.location")}
        defaultValue={locationId ?? ""}
        options={locations.map((l) => ({ value: l.id, label: l.name }))}
      />
      <Button type="submit" variant="secondary">
        {t("list.show")}
      </Button>
    </Form>
  );
}

export interface WaitingEntry {
  id: string;
  place: number;
  name: string;
  createdAt: string;
  channel: string;
  wishes: string | null;
  status: string;
  offerExpiresAt: string | null;
}

export function WaitingListTable({ caption, entries }: { caption: string; entries: WaitingEntry[] }) {
  const { t } = useTranslation("waitlist");
  return (
    <DataTable
      caption={caption}
      emptyText={t("list.empty")}
      rowKey={(_row, i) => entries[i]!.id}
      columns={[
        { key: "place", header: t("list.columns.place"), align: "end", isRowHeader: true },
        { key: "name", header: t("list.columns.name") },
        { key: "since", header: t("list.columns.since") },
        { key: "channel", header: t("list.columns.channel") },
        { key: "wishes", header: t("list.columns.wishes") },
        { key: "status", header: t("list.columns.status") },
        { key: "expires", header: t("list.columns.expires") },
      ]}
      rows={entries.map((e) => ({
        place: e.place,
        name: <Link to={`/team/waiting-list/${e.id}`}>{e.name}</Link>,
        since: <DateTime iso={e.createdAt} dateOnly />,
        channel: t(`lending:reservationChannel.${e.channel}`),
        wishes: e.wishes ?? "–",
        status: <ReservationStatus status={e.status} />,
        expires: e.offerExpiresAt ? <DateTime iso={e.offerExpiresAt} /> : "–",
      }))}
    />
  );
}

export interface ReservationEventView {
  id: string;
  at: string;
  kind: string;
  actor: string | null;
  reason: string | null;
  data: Record<string, string | number | null | undefined>;
}

export function ReservationHistory({ events, deviceTags }: { events: ReservationEventView[]; deviceTags: Record<string, string> }) {
  const { t } = useTranslation("waitlist");
  const device = (id: unknown) => (typeof id === "string" ? (deviceTags[id] ?? "–") : "–");
  return (
    <Timeline
      emptyText={t("reservation.noHistory")}
      items={events.map((e) => ({
        id: e.id,
        title: t(`reservation.events.${e.kind}`, {
          channel: e.data.channel ? t(`lending:reservationChannel.${e.data.channel}`) : "",
          from: e.data.from ?? "",
          to: e.data.to ?? "",
          device: device(e.data.deviceId),
        }),
        meta: (
          <>
            {e.actor ?? (e.kind === "joined" ? t("reservation.themselves") : t("reservation.system"))} · <DateTime iso={e.at} />
          </>
        ),
        details:
          e.kind === "offered" && typeof e.data.expiresAt === "string" ? (
            <p>
              {t("reservation.answerBy")} <DateTime iso={e.data.expiresAt} />
            </p>
          ) : undefined,
        body: e.reason,
      }))}
    />
  );
}
