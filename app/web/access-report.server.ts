// The access report's two forms (Art. 15): the printable document in the person's own language — one heading per
// kind of record, every stored field named, times in Berlin time — and the JSON file. Both come from the one
// capability (collectPersonData), which checks who may ask and records that a copy was made.
import type { TFunction } from "i18next";
import { collectPersonData, type ExportRow, type ExportValue, type PersonData, type SectionName } from "~/capabilities/privacy/access-export.server";
import type { StaffCtx } from "~/context";
import { auditActionLabel, auditSubjectLabel } from "~/i18n/audit-labels";
import { getT } from "~/i18n/i18n.server";
import { isSupportedLanguage, languages } from "~/i18n/locales.server";
import { personName } from "~/lib/person-name";
import { formatPhone } from "~/lib/phone.server";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";

type DocumentSection = SectionName | "consents";

/** What the document shows, in this order; children are listed inside the record they belong to. */
const LAYOUT: { section: DocumentSection; children?: { section: SectionName; by: string; note?: string }[] }[] = [
  { section: "person" },
  { section: "tickets", children: [{ section: "ticketEvents", by: "ticketId" }] },
  {
    section: "loans",
    children: [
      { section: "mentoringSessions", by: "loanId" },
      { section: "loanPhotos", by: "loanId", note: "document.photoStored" },
      { section: "deviceEvents", by: "loanId" },
    ],
  },
  { section: "reservations", children: [{ section: "reservationEvents", by: "reservationId" }] },
  { section: "appointments" },
  { section: "walkIns" },
  { section: "dayWaits" },
  { section: "callbacks", children: [{ section: "callbackAttempts", by: "callbackId" }] },
  { section: "calls" },
  { section: "messages", children: [{ section: "voiceRecordings", by: "messageId", note: "document.recordingStored" }] },
  { section: "optOuts" },
  { section: "consents" },
];

/** Every section the export has appears in the document: either on its own or inside its parent's records. */
export const DOCUMENT_SECTIONS: readonly string[] = [...LAYOUT.flatMap((l) => [l.section, ...(l.children ?? []).map((c) => c.section)]), "accessLog"];

export interface ReportField {
  key: string;
  label: string;
  value: string;
  /** Numbers, codes and technical values read left to right, also inside Arabic text. */
  ltr: boolean;
}

export interface ReportRecord {
  id: string;
  title: string;
  fields: ReportField[];
  note: string | null;
  children: { section: string; title: string; records: ReportRecord[] }[];
}

export interface ReportSection {
  section: string;
  title: string;
  records: ReportRecord[];
}

/** Stored codes the programme already names in every language ("resolved", "on_loan"): the document uses those names. */
const VALUE_LABELS: Partial<Record<string, Record<string, string>>> = {
  person: { phoneType: "tickets:person.phoneTypes", contactPreference: "common:channel" },
  tickets: { status: "helpdesk:status", priority: "helpdesk:priority", channel: "helpdesk:channel", category: "helpdesk:category" },
  ticketEvents: { kind: "team:audit.actions.ticket" },
  loans: { status: "lending:loanStatus", outcome: "lending:outcome", agreementMode: "accessReport:values.agreementMode" },
  mentoringSessions: { attendance: "lending:attendance" },
  deviceEvents: { kind: "devices:history.kind" },
  reservations: { status: "lending:reservationStatus", channel: "accessReport:values.channel" },
  reservationEvents: { kind: "accessReport:values.reservationEvent" },
  appointments: { status: "desk:status", channel: "desk:channel", pool: "accessReport:values.pool" },
  walkIns: { status: "desk:walkInStatus" },
  dayWaits: { status: "desk:waitStatus" },
  callbacks: { status: "callbacks:status", channel: "accessReport:values.channel" },
  callbackAttempts: { outcome: "callbacks:outcome" },
  calls: { status: "accessReport:values.callStatus" },
  messages: { status: "common:messageStatus", channel: "common:channel", direction: "accessReport:values.direction" },
  optOuts: { via: "accessReport:values.optOutVia" },
};

const LANGUAGE_FIELDS = new Set(["language", "givenLanguage", "agreementLanguage"]);
const PHONE_FIELDS = new Set(["phone", "toPhone"]);
/** Shown as a record's heading, or not meant for paper (ids link records in the JSON file; a photo's bytes). */
const HIDDEN = (field: string) => field === "id" || field.endsWith("Id") || field === "image";
const ISO_MOMENT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/;
const ISO_DAY = /^\d{4}-\d{2}-\d{2}$/;

function formatter(lng: string) {
  const moment = new Intl.DateTimeFormat(lng, { dateStyle: "medium", timeStyle: "short", timeZone: PROGRAMME_TIME_ZONE });
  const day = new Intl.DateTimeFormat(lng, { dateStyle: "medium", timeZone: "UTC" });
  const languageNames = new Map(languages().map((l) => [l.code, l.name]));
  return {
    moment: (iso: string) => moment.format(new Date(iso)),
    value(t: TFunction, section: string, field: string, value: ExportValue): { text: string; ltr: boolean } {
      const named = VALUE_LABELS[section]?.[field];
      if (named && typeof value === "string") return { text: t(`${named}.${value}`, { defaultValue: value }), ltr: false };
      if (typeof value === "boolean") return { text: t(value ? "document.yes" : "document.no"), ltr: false };
      if (typeof value === "number") return { text: String(value), ltr: true };
      if (typeof value === "string") {
        if (LANGUAGE_FIELDS.has(field)) return { text: languageNames.get(value) ?? value, ltr: false };
        if (PHONE_FIELDS.has(field)) return { text: formatPhone(value), ltr: true };
        if (ISO_MOMENT.test(value)) return { text: moment.format(new Date(value)), ltr: false };
        if (ISO_DAY.test(value)) return { text: day.format(new Date(`${value}T00:00:00Z`)), ltr: false };
        return { text: value, ltr: field === "reference" };
      }
      return { text: JSON.stringify(value), ltr: true };
    },
  };
}

const isEmpty = (value: ExportValue) =>
  value === null || value === "" || (Array.isArray(value) ? value.length === 0 : typeof value === "object" && Object.keys(value).length === 0);

const firstMoment = (row: ExportRow) => [row.at, row.startsAt, row.arrivedAt, row.createdAt].find((v): v is string => typeof v === "string") ?? null;

/** The document in the person's language (German where the programme has no translation of its own). */
export async function accessReportDocument(ctx: StaffCtx, personId: string) {
  const data = await collectPersonData(ctx, personId, "document");
  const lng = isSupportedLanguage(data.language) ? data.language : "de";
  const t = getT(lng, "accessReport");
  const format = formatter(lng);
  const person = data.sections.person[0];

  const record = (section: string, row: ExportRow, title: string, note: string | null, children: ReportRecord["children"] = []): ReportRecord => ({
    id: String(row.id ?? `${section}-${row.phone ?? ""}`),
    title,
    note,
    children,
    fields: Object.entries(row)
      .filter(([field, value]) => !HIDDEN(field) && !isEmpty(value))
      .map(([field, value]) => {
        const { text, ltr } = format.value(t, section, field, value);
        return { key: field, label: t(`fields.${field}`, { defaultValue: field }), value: text, ltr };
      }),
  });
  const when = (row: ExportRow) => {
    const at = firstMoment(row);
    return at ? format.moment(at) : "";
  };

  const sections: ReportSection[] = LAYOUT.map(({ section, children = [] }) => {
    const rows: ExportRow[] = data.sections[section];
    return {
      section,
      title: t(`sections.${section}`),
      records: rows.map((row) => {
        const label = typeof row.reference === "string" ? row.reference : when(row);
        const title = section === "person" ? personName({ firstName: String(row.firstName), lastNameInitial: (row.lastNameInitial as string | null) ?? null }) : t(`record.${section}`, { label });
        const nested = children.map((child) => ({
          section: child.section,
          title: t(`sections.${child.section}`),
          records: data.sections[child.section].filter((c) => c[child.by] === row.id).map((c) => record(child.section, c, when(c), child.note ? t(child.note) : null)),
        }));
        return record(section, row, title, null, nested.filter((n) => n.records.length > 0));
      }),
    };
  });

  const team = getT(lng, "team");
  return {
    lng,
    dir: languages().find((l) => l.code === lng)?.dir ?? ("ltr" as const),
    personId: data.personId,
    languageName: languages().find((l) => l.code === lng)?.name ?? lng,
    name: person ? personName({ firstName: String(person.firstName), lastNameInitial: (person.lastNameInitial as string | null) ?? null }) : "",
    createdAt: format.moment(data.createdAt),
    text: {
      title: t("document.title"),
      law: t("document.law"),
      for: t("document.for"),
      createdAt: t("document.createdAt"),
      intro: t("document.intro"),
      file: t("document.file"),
      rights: t("document.rights"),
      empty: t("document.empty"),
      accessLog: t("sections.accessLog"),
      accessLogCaption: t("accessLog.caption"),
      when: t("accessLog.when"),
      who: t("accessLog.who"),
      what: t("accessLog.what"),
      record: t("accessLog.record"),
    },
    sections,
    accessLog: data.sections.accessLog.map((e) => ({
      id: String(e.id),
      when: format.moment(String(e.at)),
      who: typeof e.actor === "string" ? e.actor : t("document.automatic"),
      what: auditActionLabel(team, String(e.action)),
      record: auditSubjectLabel(team, String(e.subjectType), typeof e.subjectId === "string" ? e.subjectId : null),
    })),
  };
}

export type AccessReportDocument = Awaited<ReturnType<typeof accessReportDocument>>;

/** The JSON file: the export as stored, each access-log entry with its label in the person's language. */
export async function accessReportFile(ctx: StaffCtx, personId: string): Promise<{ fileName: string; body: string }> {
  const data: PersonData = await collectPersonData(ctx, personId, "json");
  const team = getT(isSupportedLanguage(data.language) ? data.language : "de", "team");
  const accessLog = data.sections.accessLog.map((e) => ({ ...e, actionLabel: auditActionLabel(team, String(e.action)) }));
  const body = JSON.stringify({ ...data, sections: { ...data.sections, accessLog } }, null, 2);
  // A name without the person in it: the file may sit in a downloads folder or travel by e-mail.
  return { fileName: `auskunft-art15-${data.createdAt.slice(0, 10)}.json`, body };
}
