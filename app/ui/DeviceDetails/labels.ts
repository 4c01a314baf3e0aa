// Translated names of device statuses and accessories (shared labels in the `lending` namespace).
import { useTranslation } from "react-i18next";
import type { TagTone } from "~/ui/kit/Tag";

const ACCESSORY_KEYS = ["charger", "cable", "case", "stylus", "keyboard", "headphones", "sim_card", "manual"];
const STATUS_KEYS = ["available", "reserved", "on_loan", "needs_reset", "in_repair", "retired"];

const TONES: Record<string, TagTone> = {
  available: "success",
  reserved: "info",
  on_loan: "info",
  needs_reset: "warning",
  in_repair: "warning",
  retired: "neutral",
};

export function useDeviceLabels() {
  const { t } = useTranslation("lending");
  return {
    status: (status: string) => t(`deviceStatus.${status}`),
    statusTone: (status: string): TagTone => TONES[status] ?? "neutral",
    accessory: (key: string) => t(`accessory.${key}`),
    accessories: ACCESSORY_KEYS.map((value) => ({ value, label: t(`accessory.${value}`) })),
    statuses: STATUS_KEYS.map((value) => ({ value, label: t(`deviceStatus.${value}`) })),
    loanStatus: (status: string) => t(`loanStatus.${status}`),
  };
}
