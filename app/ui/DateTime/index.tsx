// A point in time in the reader's language and the programme's time zone, as a <time> element.
import { useTranslation } from "react-i18next";

export function DateTime({ iso, timeZone = "Europe/Berlin" }: { iso: string; timeZone?: string }) {
  const { i18n } = useTranslation();
  const text = new Intl.DateTimeFormat(i18n.language, { dateStyle: "medium", timeStyle: "short", timeZone }).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}
