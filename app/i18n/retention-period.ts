// "How long" for the retention schedule in words ("ein Jahr", "90 Tage", "in der nächsten Nacht"), so the loan
// agreement, the waiting list's privacy note and the schedule page say what the settings say.
import type { TFunction } from "i18next";

export function retentionPeriod(t: TFunction, days: number): string {
  if (days === 0) return t("common:retentionPeriod.atOnce");
  if (days % 365 === 0) return t("common:retentionPeriod.years", { count: days / 365 });
  return t("common:retentionPeriod.days", { count: days });
}
