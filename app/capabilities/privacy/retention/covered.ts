// The tables the retention run deletes from (directly, or with the record they belong to), and those holding a
// citizen's data that it leaves on purpose, with the reason. tests/unit/retention-coverage.test.ts checks that every
// table with citizens' data (privacy/data-classes.ts) is in one of the two lists.

/** Deleted by the schedule: table → the kind of record it goes with. */
export const RETENTION_COVERS: Record<string, string> = {
  Ticket: "tickets",
  TicketEvent: "tickets",
  Loan: "loans",
  LoanPhoto: "loans",
  MentoringSession: "loans",
  Reservation: "reservations",
  ReservationEvent: "reservations",
  Appointment: "appointments",
  WalkIn: "walkIns",
  DayWait: "dayWaits",
  Callback: "callbacks",
  CallbackAttempt: "callbacks",
  Call: "calls (with their ticket or callback)",
  Message: "messages (with their ticket or person)",
  VoiceRecording: "messages (MESSAGE_RETENTION_DAYS)",
  Person: "persons (when nothing is left)",
  Consent: "persons (their consents go with them)",
};

/** Citizens' data the schedule does not delete, and why. */
export const RETENTION_LEAVES: Record<string, string> = {
  OptOut: "a STOP must hold until START, whoever the number belongs to",
  AuditEntry: "its own retention, AUDIT_RETENTION_DAYS (privacy.pruneAudit)",
};
