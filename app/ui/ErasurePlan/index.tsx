// The erasure confirmation's content: exactly what will be removed (per kind, with counts) and what must stay, why.
import { useTranslation } from "react-i18next";
import { DateTime } from "~/ui/kit/DateTime";
import { DataTable } from "~/ui/kit/Table";

/** The order the kinds are listed in: the person's requests first, the access log last. */
export const ERASURE_KINDS = [
  "tickets", "ticketEvents", "messages", "recordings", "appointments", "walkIns", "dayWaits", "callbacks", "callbackAttempts", "calls",
  "loans", "mentoringSessions", "loanPhotos", "reservations", "optOuts", "auditEntries",
] as const;

export interface ErasurePlanProps {
  remove: Record<(typeof ERASURE_KINDS)[number], number>;
  activeLoans: { reference: string; device: string; location: string; dueAt: string; sessions: number }[];
}

export function ErasurePlan({ remove, activeLoans }: ErasurePlanProps) {
  const { t } = useTranslation("tickets");
  const rows = ERASURE_KINDS.filter((kind) => remove[kind] > 0);
  return (
    <>
      <section aria-labelledby="erase-remove-heading">
        <h2 id="erase-remove-heading">{t("person.erase.removeHeading")}</h2>
        <DataTable
          caption={t("person.erase.removeCaption")}
          emptyText={t("person.erase.keepNothing")}
          rowKey={(_row, index) => rows[index]}
          columns={[
            { key: "kind", header: t("person.erase.kindColumn"), isRowHeader: true },
            { key: "count", header: t("person.erase.countColumn") },
          ]}
          rows={rows.map((kind) => ({ kind: t(`person.erase.kinds.${kind}`), count: String(remove[kind]) }))}
        />
        <p>{t("person.erase.alsoRemoved")}</p>
        <p>{t("person.erase.openNote")}</p>
      </section>
      <section aria-labelledby="erase-keep-heading">
        <h2 id="erase-keep-heading">{t("person.erase.keepHeading")}</h2>
        {activeLoans.length ? (
          <>
            <ul>
              {activeLoans.map((loan) => (
                <li key={loan.reference}>
                  {t("person.erase.keepLoan", { reference: loan.reference, device: loan.device, location: loan.location, sessions: loan.sessions })}{" "}
                  {t("person.erase.keepLoanDue")} <DateTime iso={loan.dueAt} dateOnly />
                </li>
              ))}
            </ul>
            <p>{t("person.erase.keepWhy")}</p>
          </>
        ) : (
          <p>{t("person.erase.keepNothing")}</p>
        )}
      </section>
    </>
  );
}
