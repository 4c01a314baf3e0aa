// The person page's consents: what they agreed to, when, through which channel, who noted it — and, for each
// agreement that still stands, the one button that withdraws it (a plain form: works without JavaScript).
import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { Button } from "~/ui/kit/Button";
import { DateTime } from "~/ui/kit/DateTime";
import { DataTable } from "~/ui/kit/Table";
import { PersonSection } from "./index";

export interface PersonConsent {
  id: string;
  purpose: string;
  channel: string;
  givenAt: string;
  recordedBy: string | null;
  withdrawnAt: string | null;
  withdrawnVia: string | null;
  withdrawnBy: string | null;
}

export function PersonConsents({ consents, canWithdraw }: { consents: PersonConsent[]; canWithdraw: boolean }) {
  const { t } = useTranslation("tickets");
  return (
    <PersonSection id="consents" title={t("person.consent.heading")}>
      <p>{t("person.consent.intro")}</p>
      <DataTable
        caption={t("person.consent.caption", { count: consents.length })}
        emptyText={t("person.consent.none")}
        rowKey={(_row, index) => consents[index].id}
        columns={[
          { key: "purpose", header: t("person.consent.columns.purpose"), isRowHeader: true },
          { key: "given", header: t("person.consent.columns.given") },
          { key: "channel", header: t("person.consent.columns.channel") },
          { key: "recordedBy", header: t("person.consent.columns.recordedBy") },
          { key: "state", header: t("person.consent.columns.state") },
        ]}
        rows={consents.map((c) => ({
          purpose: t(`person.consent.purposes.${c.purpose}`),
          given: <DateTime iso={c.givenAt} />,
          channel: t(`person.consent.channels.${c.channel}`),
          recordedBy: c.recordedBy ?? t("person.consent.self"),
          state: c.withdrawnAt ? (
            <>
              {t("person.consent.withdrawnAt")} <DateTime iso={c.withdrawnAt} /> ({c.withdrawnBy ?? t(`person.consent.via.${c.withdrawnVia ?? "staff"}`)})
            </>
          ) : canWithdraw ? (
            <Form method="post">
              <input type="hidden" name="intent" value="withdrawConsent" />
              <input type="hidden" name="purpose" value={c.purpose} />
              <Button type="submit" variant="secondary">
                {t("person.consent.withdraw", { purpose: t(`person.consent.purposes.${c.purpose}`) })}
              </Button>
            </Form>
          ) : (
            t("person.consent.standing")
          ),
        }))}
      />
    </PersonSection>
  );
}
