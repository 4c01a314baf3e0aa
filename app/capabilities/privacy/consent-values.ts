// The consent records' closed value sets and which messages serve which purpose (labels in locales/*/tickets.json
// person.consent). Shared by the worker, the person page and the tests.

/**
 * contact: SMS and calls about the person's own requests; reminders: the extra reminder two hours before an
 * appointment (asked for with a tick on the booking form); mentoring: reminders of mentoring sessions during a loan
 * (agreed with the signed loan agreement).
 */
export const CONSENT_PURPOSES = ["contact", "reminders", "mentoring"] as const;
export type ConsentPurpose = (typeof CONSENT_PURPOSES)[number];

export const CONSENT_CHANNELS = ["web", "phone", "sms", "paper"] as const;
export type ConsentChannel = (typeof CONSENT_CHANNELS)[number];

/** Messages that serve a purpose besides "contact" (every message is contact). */
const EXTRA_PURPOSE: Record<string, ConsentPurpose> = {
  appointmentSoon: "reminders",
  mentoringReminder: "mentoring",
};

/**
 * The purposes a message serves. The STOP confirmation and HILFE's answers after STOP are answers the person asked
 * for just now and serve none: they go even after "contact" was withdrawn (as they go after STOP).
 */
export function purposesOfTemplate(template: string): ConsentPurpose[] {
  if (["optOutConfirmed", "helpOptedOutScheduled", "helpOptedOutOpen"].includes(template)) return [];
  const extra = EXTRA_PURPOSE[template];
  return extra ? ["contact", extra] : ["contact"];
}
