// Whose loan a mentoring page is about: first name, device tag, place, and the learning goals set at check-out.
import { useTranslation } from "react-i18next";
import { topicName } from "~/i18n/own-labels";
import { SummaryList } from "~/ui/kit/SummaryList";
import { Tag } from "~/ui/kit/Tag";

export interface LoanSummaryProps {
  loan: { firstName: string; assetTag: string; location: string; active: boolean };
  goals: { topic: { key: string; labels: string }; achieved: boolean | null }[];
}

export function LoanSummary({ loan, goals }: LoanSummaryProps) {
  const { t, i18n } = useTranslation("mentoring");
  const goalState = (achieved: boolean | null) =>
    achieved === true ? t("goals.achieved") : achieved === false ? t("goals.notAchieved") : t("goals.open");
  return (
    <SummaryList
      rows={[
        { key: "person", label: t("loan.person"), value: loan.firstName },
        { key: "device", label: t("loan.device"), value: loan.assetTag },
        { key: "location", label: t("loan.location"), value: loan.location },
        {
          key: "status",
          label: t("loan.status"),
          value: <Tag tone={loan.active ? "info" : "neutral"}>{t(`lending:loanStatus.${loan.active ? "active" : "returned"}`)}</Tag>,
        },
        {
          key: "goals",
          label: t("goals.heading"),
          value: goals.length ? (
            <ul>
              {goals.map((goal) => (
                <li key={goal.topic.key}>
                  {topicName(t, i18n.language, goal.topic)} ({goalState(goal.achieved)})
                </li>
              ))}
            </ul>
          ) : (
            t("goals.none")
          ),
        },
      ]}
    />
  );
}
