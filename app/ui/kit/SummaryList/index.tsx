// GOV.UK summary list: facts about one thing as label/value pairs (a <dl>), e.g. a ticket's status and owner.
import type { ReactNode } from "react";
import { ltrRuns } from "../Bidi";
import "./SummaryList.css";

export interface SummaryRow {
  key: string;
  label: ReactNode;
  value: ReactNode;
}

export function SummaryList({ rows, className }: { rows: SummaryRow[]; className?: string }) {
  return (
    <dl className={["summary-list", className].filter(Boolean).join(" ")}>
      {rows.map((row) => (
        <div key={row.key} className="summary-list__row">
          <dt className="summary-list__key">{row.label}</dt>
          <dd className="summary-list__value">{ltrRuns(row.value)}</dd>
        </div>
      ))}
    </dl>
  );
}
