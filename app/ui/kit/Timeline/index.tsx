// A record's history, oldest first: what happened, who did it and when, and any text that came with it.
// Entries can be marked (e.g. "internal"): a visible label and a different edge, not colour alone.
import type { ReactNode } from "react";
import "./Timeline.css";

export type TimelineTone = "default" | "internal" | "inbound" | "outbound";

export interface TimelineItem {
  id: string;
  title: ReactNode;
  /** Who and when, e.g. "Maria Schulz · 3. Dez. 2026, 10:15". */
  meta: ReactNode;
  /** Free text (a note, a message): shown as text, line breaks kept, markup inert. */
  body?: string | null;
  /** More facts under the title, e.g. the new assignee. */
  details?: ReactNode;
  /** A visible label beside the title, e.g. <Tag>Intern</Tag>. */
  badge?: ReactNode;
  tone?: TimelineTone;
  /** Language of `body` when it may differ from the page (a citizen's message). */
  bodyLang?: string;
}

export function Timeline({ items, emptyText }: { items: TimelineItem[]; emptyText: ReactNode }) {
  if (items.length === 0) return <p className="secondary-text">{emptyText}</p>;
  return (
    <ol className="timeline">
      {items.map((item) => (
        <li key={item.id} className={`timeline__item timeline__item--${item.tone ?? "default"}`}>
          <p className="timeline__title">
            <span>{item.title}</span>
            {item.badge ? <> {item.badge}</> : null}
          </p>
          <p className="timeline__meta">{item.meta}</p>
          {item.details ? <div className="timeline__details">{item.details}</div> : null}
          {item.body ? (
            <p className="timeline__body" lang={item.bodyLang}>
              {item.body}
            </p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}
