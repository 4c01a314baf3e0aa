// A point in time in the reader's language and the programme's time zone, as a <time> element.
import { useTranslation } from "react-i18next";

export interface DateTimeProps {
  iso: string;
  timeZone?: string;
  /** Only the day, for values that are dates (e.g. "look at this again on …"). */
  dateOnly?: boolean;
}

export function DateTime({ iso, timeZone = "Europe/Berlin", dateOnly = false }: DateTimeProps) {
  const { i18n } = useTranslation();
  const text = new Intl.DateTimeFormat(i18n.language, {
    dateStyle: "medium",
    ...(dateOnly ? {} : { timeStyle: "short" as const }),
    timeZone,
  }).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}
