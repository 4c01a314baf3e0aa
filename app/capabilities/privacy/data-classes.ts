// The record of processing (GDPR Art. 30) kept in code: every table, whose personal data it holds, in which fields,
// what for, and how long it is kept today. tests/unit/data-classes.test.ts fails when a table or a field that looks
// personal is not listed here; scripts/record-of-processing.ts writes docs/privacy/verarbeitungsverzeichnis.md from it.

/** Whose data a table holds. */
export type DataSubject = "Bürger:innen" | "Mitarbeitende";

export interface DataClass {
  model: string;
  subjects: DataSubject[];
  /** Fields that hold personal data (names, numbers, free text, pictures, recordings, links to a person). */
  fields: string[];
  /** Fields whose names sound personal but hold none, with the reason. */
  notPersonal?: Record<string, string>;
  purpose: string;
  retention: string;
}

export const DATA_CLASSES: DataClass[] = [
  { model: "Location", subjects: [], fields: [], notPersonal: { name: "Name des Standorts", phone: "Telefon des Standorts" }, purpose: "Standorte des Programms", retention: "solange der Standort besteht" },
  { model: "Staff", subjects: ["Mitarbeitende"], fields: ["name", "email", "phone", "passwordHash", "calendarTokenHash"], purpose: "Anmeldung, Zuständigkeit, Click-to-Call", retention: "solange das Konto besteht" },
  { model: "StaffMembership", subjects: ["Mitarbeitende"], fields: ["staffId"], purpose: "an welchen Standorten jemand arbeitet", retention: "solange das Konto besteht" },
  { model: "StaffSession", subjects: ["Mitarbeitende"], fields: ["staffId", "tokenHash"], purpose: "Anmeldung (Sitzung)", retention: "gelöscht nach Ablauf (stündlicher Job people.pruneSessions)" },
  { model: "Person", subjects: ["Bürger:innen"], fields: ["firstName", "lastNameInitial", "phone", "phoneType", "language", "contactPreference"], purpose: "Bürger:in erreichen (Vorname, Initial, Telefon, Sprache, Kanal)", retention: "gelöscht, sobald nichts anderes mehr über die Person gespeichert ist (Löschkonzept, nächtlicher Job privacy.applyRetention); auf Antrag gelöscht (Art. 17)" },
  { model: "Message", subjects: ["Bürger:innen"], fields: ["personId", "toPhone", "body", "lastError", "recordingSid"], notPersonal: { template: "Name der Textvorlage" }, purpose: "SMS und Sprachnachrichten an und von Bürger:innen", retention: "Text nach MESSAGE_RETENTION_DAYS (90) Tagen ab Endstatus geleert; beim Anbieter direkt nach dem Endstatus gelöscht; die Zeile selbst danach gelöscht, mit ihrem Anliegen oder mit der Person (Löschkonzept)" },
  { model: "VoiceRecording", subjects: ["Bürger:innen"], fields: ["data"], purpose: "Sprachnachricht aus dem Telefonmenü", retention: "gelöscht nach MESSAGE_RETENTION_DAYS (90) Tagen" },
  { model: "Consent", subjects: ["Bürger:innen", "Mitarbeitende"], fields: ["personId", "recordedById", "withdrawnById"], purpose: "Nachweis der Einwilligungen (Art. 7 Abs. 1 DSGVO): wozu, wann, auf welchem Weg, wer sie notiert oder widerrufen hat", retention: "mit der Person gelöscht (Cascade)" },
  { model: "OptOut", subjects: ["Bürger:innen"], fields: ["phone"], purpose: "STOP: keine Nachrichten mehr an diese Nummer", retention: "bis START gesendet wird" },
  { model: "Call", subjects: ["Bürger:innen", "Mitarbeitende"], fields: ["personId", "staffId"], purpose: "Click-to-Call: wer wen wann angerufen hat (kein Inhalt)", retention: "mit dem Anliegen oder Rückruf, zu dem der Anruf gehört; sonst RETENTION_CALLBACK_DAYS (90) Tage nach dem Anruf" },
  { model: "Job", subjects: [], fields: [], notPersonal: { payload: "nur Kennungen, nie personenbezogene Daten" }, purpose: "Hintergrundaufgaben", retention: "erledigte Aufgaben werden täglich entfernt (jobs.prune)" },
  { model: "MonthlyFigure", subjects: [], fields: [], purpose: "anonyme Monatszahlen für die Berichte, gezählt bevor das Löschkonzept Zeilen löscht (ohne Namen, Nummern, Texte oder Kennungen)", retention: "solange benötigt" },
  { model: "AuditEntry", subjects: ["Bürger:innen", "Mitarbeitende"], fields: ["actorId", "subjectId", "details"], purpose: "Zugriffsprotokoll: wer wann welche Daten angesehen oder geändert hat", retention: "gelöscht nach AUDIT_RETENTION_DAYS (730) Tagen (täglicher Job privacy.pruneAudit)" },
  { model: "TicketCategory", subjects: [], fields: [], purpose: "Kategorien von Anliegen", retention: "solange benötigt" },
  { model: "Ticket", subjects: ["Bürger:innen", "Mitarbeitende"], fields: ["personId", "assigneeId", "description", "givenName", "givenLanguage"], purpose: "Anliegen (Problem melden, Telefon, SMS, Vor-Ort)", retention: "RETENTION_TICKET_DAYS (365) Tage nach dem Schließen gelöscht, mit Verlauf, Nachrichten und Anrufen; offene nie" },
  { model: "TicketEvent", subjects: ["Bürger:innen", "Mitarbeitende"], fields: ["actorId", "body", "data"], purpose: "Verlauf eines Anliegens (Notizen, Nachrichten, Anrufe)", retention: "wie das Anliegen" },
  { model: "HelpArticle", subjects: [], fields: [], notPersonal: { body: "Anleitungstext", bodyEasy: "Anleitung in Leichter Sprache" }, purpose: "Anleitungen", retention: "solange benötigt" },
  { model: "Device", subjects: ["Mitarbeitende"], fields: ["notes"], purpose: "Geräte (Tablets) und ihr Zubehör", retention: "solange das Gerät im Bestand ist" },
  { model: "DeviceEvent", subjects: ["Mitarbeitende"], fields: ["actorId", "data"], purpose: "Verlauf eines Geräts", retention: "solange das Gerät im Bestand ist" },
  { model: "Loan", subjects: ["Bürger:innen", "Mitarbeitende"], fields: ["personId", "mentorId", "handedOutById", "receivedById", "learningGoals", "outcome", "damageNote", "followUp", "checklistOut", "checklistIn", "agreementLanguage"], purpose: "Ausleihe eines Tablets mit Vereinbarung und Begleitung", retention: "RETENTION_LOAN_DAYS (365) Tage nach Rückgabe, Verlust oder Diebstahl gelöscht (die Vereinbarung nennt dieselbe Frist); laufende nie" },
  { model: "LoanPhoto", subjects: ["Bürger:innen"], fields: ["data"], purpose: "Foto eines Schadens bei der Rückgabe", retention: "wie die Ausleihe" },
  { model: "MentoringTopic", subjects: [], fields: [], purpose: "Themen der Begleitung", retention: "solange benötigt" },
  { model: "MentoringSession", subjects: ["Bürger:innen", "Mitarbeitende"], fields: ["mentorId", "notes", "topics", "attendance"], purpose: "Begleittermine einer Ausleihe", retention: "wie die Ausleihe" },
  { model: "Reservation", subjects: ["Bürger:innen"], fields: ["personId", "wishes", "givenName", "givenLanguage"], purpose: "Platz auf der Warteliste für ein Tablet", retention: "RETENTION_WAITLIST_DAYS (0) Tage nach dem Ende gelöscht, also in der Nacht darauf; offene nie" },
  { model: "ReservationEvent", subjects: ["Bürger:innen", "Mitarbeitende"], fields: ["actorId", "reason", "data"], purpose: "Verlauf eines Wartelistenplatzes", retention: "wie der Wartelistenplatz" },
  { model: "ConsultationHour", subjects: [], fields: [], purpose: "Sprechstunden der Standorte", retention: "solange benötigt" },
  { model: "Closure", subjects: [], fields: [], notPersonal: { reason: "Grund der Schließung (z. B. Feiertag)" }, purpose: "Schließtage", retention: "solange benötigt" },
  { model: "Appointment", subjects: ["Bürger:innen", "Mitarbeitende"], fields: ["personId", "bookedById", "helperId", "topic", "concern", "outcomeTopics", "outcomeNote", "onlineHoldKey", "cancelKey", "givenName", "givenLanguage"], purpose: "Termine in der Sprechstunde", retention: "RETENTION_APPOINTMENT_DAYS (90) Tage nach dem Termin gelöscht" },
  { model: "WalkIn", subjects: ["Bürger:innen", "Mitarbeitende"], fields: ["personId", "displayName", "concern", "helperId", "outcomeNote"], purpose: "Spontanbesuche in der Sprechstunde", retention: "RETENTION_APPOINTMENT_DAYS (90) Tage nach dem Besuch gelöscht" },
  { model: "DayWait", subjects: ["Bürger:innen"], fields: ["personId", "holdKey", "givenName", "givenLanguage"], purpose: "Tageswarteliste einer ausgebuchten Sprechstunde", retention: "RETENTION_APPOINTMENT_DAYS (90) Tage nach dem Tag gelöscht" },
  { model: "CallbackHour", subjects: ["Mitarbeitende"], fields: ["staffId"], purpose: "Rückrufzeiten von Mitarbeitenden", retention: "solange benötigt" },
  { model: "Callback", subjects: ["Bürger:innen", "Mitarbeitende"], fields: ["personId", "assignedId", "windows", "topic", "concern", "slotKey", "givenName", "givenLanguage"], purpose: "Rückrufe", retention: "erledigt, gescheitert oder abgesagt: RETENTION_CALLBACK_DAYS (90) Tage danach gelöscht, mit Versuchen und Anrufen; offene nie" },
  { model: "CallbackAttempt", subjects: ["Mitarbeitende"], fields: ["staffId", "note"], purpose: "Rückrufversuche", retention: "wie der Rückruf" },
];

/**
 * Art. 15: the tables the access export answers from — the export's own list (privacy/access-export.server.ts), so
 * the two cannot drift. tests/unit/data-classes.test.ts: every table above with citizens' data must be in it.
 */
export { EXPORTED_MODELS } from "./access-export.server";
