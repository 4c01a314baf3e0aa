// "Today at my location": short lists that each link to their page, plus the device counts. Plain HTML lists
// (no widgets): quick to render and read on a slow tablet.
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { topicName } from "~/i18n/own-labels";
import { DateTime } from "~/ui/kit/DateTime";
import { Link } from "~/ui/kit/Link";
import { Tag } from "~/ui/kit/Tag";
import "./TodayOverview.css";

interface LoanItem {
  id: string;
  firstName: string;
  assetTag: string;
  dueAt: string;
}

export interface TodayData {
  location: { name: string; timeZone: string };
  counts: { available: number; onLoan: number; inRepair: number };
  dueToday: LoanItem[];
  overdue: (LoanItem & { daysOverdue: number })[];
  sessions: {
    id: string;
    loanId: string;
    startsAt: string;
    durationMinutes: number;
    attendance: string;
    firstName: string;
    assetTag: string;
    mentor: string | null;
    topics: { id: string; key: string; labels: string }[];
  }[];
  waiting: { id: string; firstName: string; since: string }[];
  offers: { id: string; status: string; firstName: string; assetTag: string | null; expiresAt: string | null }[];
  needsReset: { id: string; assetTag: string; model: string }[];
  followUps: { id: string; firstName: string; assetTag: string; followUp: string }[];
}

function Section({ id, title, count, empty, children }: { id: string; title: string; count: number; empty: string; children: ReactNode }) {
  return (
    <section aria-labelledby={id} className="today-section">
      <h2 id={id}>
        {title} <span className="today-section__count">({count})</span>
      </h2>
      {count ? <ul className="today-list">{children}</ul> : <p>{empty}</p>}
    </section>
  );
}

export function TodayOverview({ data }: { data: TodayData }) {
  const { t, i18n } = useTranslation("today");
  const tz = data.location.timeZone;
  // One formatter for the whole page (building one costs ~0.1 ms).
  const clock = new Intl.DateTimeFormat(i18n.language, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: tz });
  const time = (iso: string) => clock.format(new Date(iso));

  return (
    <div className="today">
      <ul className="today-counts" aria-label={t("counts.label")}>
        <li>{t("counts.available", { count: data.counts.available })}</li>
        <li>{t("counts.onLoan", { count: data.counts.onLoan })}</li>
        <li>{t("counts.inRepair", { count: data.counts.inRepair })}</li>
      </ul>

      <Section id="today-sessions" title={t("sessions.heading")} count={data.sessions.length} empty={t("sessions.empty")}>
        {data.sessions.map((s) => (
          <li key={s.id}>
            <Link to={`/team/loans/${s.loanId}/sessions/${s.id}`}>
              {t("sessions.item", { time: time(s.startsAt), name: s.firstName, tag: s.assetTag })}
            </Link>{" "}
            <Tag tone={s.attendance === "attended" ? "success" : s.attendance === "no_show" ? "warning" : "info"}>
              {t(`lending:attendance.${s.attendance}`)}
            </Tag>
            <div className="today-list__detail">
              {t("sessions.detail", {
                minutes: s.durationMinutes,
                mentor: s.mentor ?? t("sessions.noMentor"),
                topics: s.topics.map((topic) => topicName(t, i18n.language, topic)).join(", ") || t("sessions.noTopics"),
              })}
            </div>
          </li>
        ))}
      </Section>

      <Section id="today-due" title={t("due.heading")} count={data.dueToday.length} empty={t("due.empty")}>
        {data.dueToday.map((l) => (
          <li key={l.id}>
            <Link to={`/team/loans/${l.id}`}>{t("loanItem", { name: l.firstName, tag: l.assetTag })}</Link>
            <div className="today-list__detail">{t("due.at", { time: time(l.dueAt) })}</div>
          </li>
        ))}
      </Section>

      <Section id="today-overdue" title={t("overdue.heading")} count={data.overdue.length} empty={t("overdue.empty")}>
        {data.overdue.map((l) => (
          <li key={l.id}>
            <Link to={`/team/loans/${l.id}`}>{t("loanItem", { name: l.firstName, tag: l.assetTag })}</Link>{" "}
            <Tag tone="warning">{t("overdue.days", { count: l.daysOverdue })}</Tag>
          </li>
        ))}
      </Section>

      <Section id="today-reset" title={t("reset.heading")} count={data.needsReset.length} empty={t("reset.empty")}>
        {data.needsReset.map((d) => (
          <li key={d.id}>
            <Link to={`/team/devices/${d.id}`}>{d.assetTag}</Link>
            <div className="today-list__detail">{d.model}</div>
          </li>
        ))}
      </Section>

      <Section id="today-waiting" title={t("waiting.heading")} count={data.waiting.length + data.offers.length} empty={t("waiting.empty")}>
        {data.waiting.map((r, index) => (
          <li key={r.id}>
            <Link to={`/team/waiting-list/${r.id}`}>{t("waiting.item", { position: index + 1, name: r.firstName })}</Link>
            <div className="today-list__detail">
              {t("waiting.since")} <DateTime iso={r.since} timeZone={tz} dateOnly />
            </div>
          </li>
        ))}
        {data.offers.map((r) => (
          <li key={r.id}>
            <Link to={`/team/waiting-list/${r.id}`}>{t("waiting.offer", { name: r.firstName, tag: r.assetTag ?? "—" })}</Link>{" "}
            <Tag tone="info">{t(`lending:reservationStatus.${r.status}`)}</Tag>
            {r.expiresAt ? (
              <div className="today-list__detail">
                {t("waiting.expires")} <DateTime iso={r.expiresAt} timeZone={tz} />
              </div>
            ) : null}
          </li>
        ))}
      </Section>

      <Section id="today-followups" title={t("followUps.heading")} count={data.followUps.length} empty={t("followUps.empty")}>
        {data.followUps.map((l) => (
          <li key={l.id}>
            <Link to={`/team/loans/${l.id}`}>{t("loanItem", { name: l.firstName, tag: l.assetTag })}</Link>
            <div className="today-list__detail">{t("followUps.missing", { what: l.followUp })}</div>
          </li>
        ))}
      </Section>
    </div>
  );
}
