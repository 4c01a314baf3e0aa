// A list of callbacks for staff: time, first name, phone as a tel: link (on the page, never in a URL), topic,
// attempts so far, and a link to open it.
import { useTranslation } from "react-i18next";
import { Link } from "~/ui/kit/Link";
import { DataTable } from "~/ui/kit/Table";

export interface CallbackRow {
  id: string;
  reference: string;
  status: string;
  time: string | null;
  when: string | null;
  person: string;
  phone: { e164: string; display: string };
  topic: string | null;
  attempts: number;
  location: string | null;
}

export function CallbackTable({ caption, rows, emptyText, showDay = false }: { caption: string; rows: CallbackRow[]; emptyText: string; showDay?: boolean }) {
  const { t } = useTranslation("callbacks");
  return (
    <DataTable
      caption={caption}
      emptyText={emptyText}
      rowKey={(_, i) => rows[i].id}
      columns={[
        { key: "time", header: t("list.time") },
        { key: "person", header: t("list.person"), isRowHeader: true },
        { key: "phone", header: t("list.phone") },
        { key: "topic", header: t("list.topic") },
        { key: "attempts", header: t("list.attempts"), align: "end" },
        { key: "open", header: t("list.open") },
      ]}
      rows={rows.map((r) => ({
        time: (showDay ? r.when : r.time) ?? t("list.noTime"),
        person: r.person,
        phone: (
          <a href={`tel:${r.phone.e164}`} dir="ltr">
            {r.phone.display}
          </a>
        ),
        topic: r.topic ?? "–",
        attempts: r.attempts,
        open: (
          <Link to={`/team/callbacks/${r.id}`} aria-label={t("list.openLabel", { reference: r.reference, person: r.person })}>
            <span dir="ltr">{r.reference}</span>
          </Link>
        ),
      }))}
    />
  );
}
