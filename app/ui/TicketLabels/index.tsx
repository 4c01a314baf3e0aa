// The helpdesk's values in the reader's language, for every staff ticket screen. Statuses, priorities,
// channels and call outcomes come from the shared "helpdesk" texts; where a citizen's wording would mislead
// staff ("Wartet auf Ihre Antwort"), "tickets:staffStatus" says it from the staff side.
import { useTranslation } from "react-i18next";
import { categoryName } from "~/i18n/own-labels";

export interface CategoryRef {
  key: string;
  labels: string;
}

export function useTicketLabels() {
  const { t, i18n } = useTranslation("tickets");
  return {
    status: (status: string) => t(`staffStatus.${status}`, { defaultValue: t(`helpdesk:status.${status}`) }),
    priority: (priority: string) => t(`helpdesk:priority.${priority}`),
    channel: (channel: string) => t(`helpdesk:channel.${channel}`),
    callOutcome: (outcome: string) => t(`helpdesk:callOutcome.${outcome}`),
    category: (category: CategoryRef | null | undefined) =>
      category ? categoryName(t, i18n.language, category) : t("ticket.noCategory"),
  };
}
