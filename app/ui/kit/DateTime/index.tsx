// A point in time in the reader's language and the programme's time zone, as a <time> element.
import { useTranslation } from "react-i18next";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";

export interface DateTimeProps {
  iso: string;
  timeZone?: string;
  /** Only the day, for values that are dates (e.g. "look at this again on …"). */
  dateOnly?: boolean;
}

// Building an Intl.DateTimeFormat costs ~0.1 ms, formatting with one ~2 µs: a list of 50 dates kept making 50.
// One per language, zone and style, kept for the life of the process (a handful in practice).
const formats = new Map<string, Intl.DateTimeFormat>();
function formatFor(language: string, timeZone: string, dateOnly: boolean): Intl.DateTimeFormat {
  const key = `${language}|${timeZone}|${dateOnly}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(language, { dateStyle: "medium", ...(dateOnly ? {} : { timeStyle: "short" as const }), timeZone });
    if (formats.size < 100) formats.set(key, format);
  }
  return format;
}

export function DateTime({ iso, timeZone = PROGRAMME_TIME_ZONE, dateOnly = false }: DateTimeProps) {
  const { i18n } = useTranslation();
  const text = formatFor(i18n.language, timeZone, dateOnly).format(new Date(iso));
  return <time dateTime={iso}>{text}</time>;
}
