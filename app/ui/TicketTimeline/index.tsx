// A ticket's history in words: every event kind the helpdesk writes, who did it and when. Entries the citizen
// never sees (notes, calls, assignments …) carry a visible "internal" label.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { DateTime } from "~/ui/kit/DateTime";
import { Tag } from "~/ui/kit/Tag";
import { Timeline, type TimelineItem, type TimelineTone } from "~/ui/kit/Timeline";
import { useTicketLabels, type CategoryRef } from "~/ui/TicketLabels";

export interface TicketEvent {
  id: string;
  at: string;
  kind: string;
  public: boolean;
  actor: string | null;
  body: string | null;
  data: Record<string, string | null>;
  /** A voice message's recording. */
  recording?: { id: string; seconds: number } | null;
}

export interface TicketTimelineProps {
  events: TicketEvent[];
  personName: string;
  /** Names for ids in event data. */
  names: { staff: Record<string, string>; locations: Record<string, string> };
  categories: (CategoryRef & { id: string })[];
}

const TONES: Record<string, TimelineTone> = { message_out: "outbound", message_in: "inbound" };
/** Events without a staff actor: the citizen's own, or the system's (e.g. closing after a week). */
const CITIZEN_EVENTS = ["created", "message_in"];

export function TicketTimeline({ events, personName, names, categories }: TicketTimelineProps) {
  const { t } = useTranslation("tickets");
  const labels = useTicketLabels();
  const category = (id: string | null) => categories.find((c) => c.id === id) ?? null;

  function describe(event: TicketEvent): { title: ReactNode; details?: ReactNode } {
    const d = event.data;
    switch (event.kind) {
      case "created":
        return { title: t("timeline.created"), details: <p>{t("timeline.via", { channel: labels.channel(d.channel ?? "") })}</p> };
      case "note":
        return { title: t("timeline.note") };
      case "message_out":
        return { title: t("timeline.messageOut") };
      case "message_in":
        return {
          title: t("timeline.messageIn"),
          details: event.recording ? (
            <audio controls preload="none" src={`/team/recordings/${event.recording.id}`} aria-label={t("voice:recording.play")} />
          ) : null,
        };
      case "status":
        return { title: t("timeline.status", { from: labels.status(d.from ?? ""), to: labels.status(d.to ?? "") }) };
      case "assigned":
        return {
          title: d.assigneeId
            ? t("timeline.assigned", { name: names.staff[d.assigneeId] ?? t("timeline.formerStaff") })
            : t("timeline.unassigned"),
          details: d.locationId ? <p>{t("timeline.atLocation", { location: names.locations[d.locationId] ?? "–" })}</p> : null,
        };
      case "call":
        return { title: t("timeline.call", { outcome: labels.callOutcome(d.outcome ?? "") }) };
      case "pending":
        return {
          title: t("timeline.pending"),
          details: d.until ? (
            <p>
              {t("timeline.pendingUntil")} <DateTime iso={d.until} dateOnly />
            </p>
          ) : null,
        };
      case "classified":
        return {
          title: t("timeline.classified"),
          details: (
            <p>
              {labels.category(category(d.categoryId))} · {labels.priority(d.priority ?? "")}
            </p>
          ),
        };
      default:
        return { title: t("timeline.other") };
    }
  }

  const items: TimelineItem[] = events.map((event) => {
    const who = event.actor ?? (CITIZEN_EVENTS.includes(event.kind) ? personName : t("timeline.system"));
    return {
      id: event.id,
      ...describe(event),
      meta: (
        <>
          {who} · <DateTime iso={event.at} />
        </>
      ),
      body: event.recording ? t("voice:recording.label", { seconds: event.recording.seconds }) : event.body,
      tone: event.public ? (TONES[event.kind] ?? "default") : "internal",
      badge: event.public ? null : <Tag tone="warning">{t("timeline.internal")}</Tag>,
    };
  });

  return (
    <section aria-labelledby="ticket-timeline-heading">
      <h2 id="ticket-timeline-heading">{t("timeline.heading")}</h2>
      <Timeline items={items} emptyText={t("timeline.empty")} />
    </section>
  );
}
