// The retention schedule screen: each kind of record in plain words, how long it is kept, the operator's setting,
// and how many the next nightly run removes.
import { useTranslation } from "react-i18next";
import { retentionPeriod } from "~/i18n/retention-period";
import { PageHeading } from "~/ui/kit/Layout";
import { BackLink } from "~/ui/kit/Link";
import { DataTable } from "~/ui/kit/Table";

export interface RetentionScheduleProps {
  rows: { key: string; days: number | null; setting: string | null; due: number }[];
}

export function RetentionSchedule({ rows }: RetentionScheduleProps) {
  const { t } = useTranslation("team");
  return (
    <>
      <BackLink to="/team/audit">{t("retention.back")}</BackLink>
      <PageHeading>{t("retention.heading")}</PageHeading>
      <p>{t("retention.intro")}</p>
      <DataTable
        caption={t("retention.caption")}
        emptyText=""
        rowKey={(_row, index) => rows[index].key}
        columns={[
          { key: "kind", header: t("retention.kind") },
          { key: "rule", header: t("retention.rule") },
          { key: "setting", header: t("retention.setting") },
          { key: "due", header: t("retention.due") },
        ]}
        rows={rows.map((r) => ({
          kind: t(`retention.classes.${r.key}.name`),
          // "0 days" reads badly: a place that ends goes in the next night's run.
          rule:
            r.days === 0
              ? t(`retention.classes.${r.key}.ruleAtOnce`)
              : t(`retention.classes.${r.key}.rule`, { period: r.days === null ? "" : retentionPeriod(t, r.days) }),
          setting: r.setting ? <code dir="ltr">{r.setting}</code> : t("retention.noSetting"),
          due: String(r.due),
        }))}
      />
      <h2>{t("retention.figuresHeading")}</h2>
      <p>{t("retention.figures")}</p>
      <h2>{t("retention.keptHeading")}</h2>
      <p>{t("retention.kept")}</p>
    </>
  );
}
