// Opening hours as a description list, weekday names in the reader's language.
import { useTranslation } from "react-i18next";

type Hours = Partial<Record<"mon" | "tue" | "wed" | "thu" | "fri" | "sat" | "sun", [string, string][]>>;
const WEEK = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export function OpeningHours({ hours }: { hours: Hours }) {
  const { t } = useTranslation();
  const days = WEEK.filter((d) => hours[d]?.length);
  if (days.length === 0) return <p>{t("openingHours.byAppointment")}</p>;
  return (
    <dl className="opening-hours">
      {days.map((day) => (
        <div key={day}>
          <dt>{t(`weekday.${day}`)}</dt>
          <dd dir="ltr">{hours[day]!.map(([from, to]) => `${from}–${to}`).join(", ")}</dd>
        </div>
      ))}
    </dl>
  );
}
