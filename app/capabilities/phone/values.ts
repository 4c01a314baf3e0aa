// The phone capability's closed value sets (stored as strings; no database, no React: safe to import anywhere).

/** A click-to-call's status, from the staff leg's first ring to the end of the conversation. */
export const CALL_STATUSES = ["initiated", "ringing", "in_progress", "completed", "busy", "no_answer", "failed", "canceled"] as const;
export type CallStatus = (typeof CALL_STATUSES)[number];
