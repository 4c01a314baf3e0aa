// One mentoring session as facts: when (in the location's time zone), how long, topics, attendance, mentor, notes.
import { useTranslation } from "react-i18next";
import { topicName } from "~/i18n/own-labels";
import { DateTime } from "~/ui/kit/DateTime";
import { SummaryList } from "~/ui/kit/SummaryList";
import { Tag } from "~/ui/kit/Tag";
import "./SessionDetails.css";

export interface SessionDetailsProps {
  session: { startsAt: string; durationMinutes: number; topics: string[]; attendance: string; mentor: string | null; notes: string };
  topics: { id: string; key: string; labels: string }[];
  timeZone: string;
}

const TONES = { attended: "success", no_show: "warning", planned: "info" } as const;

export function SessionDetails({ session, topics, timeZone }: SessionDetailsProps) {
  const { t, i18n } = useTranslation("mentoring");
  const names = session.topics.flatMap((id) => topics.filter((topic) => topic.id === id)).map((topic) => topicName(t, i18n.language, topic));
  return (
    <SummaryList
      rows={[
        { key: "when", label: t("session.when"), value: <DateTime iso={session.startsAt} timeZone={timeZone} /> },
        { key: "duration", label: t("session.duration"), value: t("session.minutes", { count: session.durationMinutes }) },
        { key: "topics", label: t("session.topics"), value: names.length ? names.join(", ") : t("session.noTopics") },
        {
          key: "attendance",
          label: t("session.attendance"),
          value: <Tag tone={TONES[session.attendance as keyof typeof TONES] ?? "neutral"}>{t(`lending:attendance.${session.attendance}`)}</Tag>,
        },
        { key: "mentor", label: t("session.mentor"), value: session.mentor ?? t("session.noMentor") },
        {
          key: "notes",
          label: t("session.notes"),
          value: session.notes ? <p className="session-notes">{session.notes}</p> : t("session.noNotes"),
        },
      ]}
    />
  );
}
