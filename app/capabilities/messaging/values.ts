// The messaging capability's closed value sets (stored as strings): a message's statuses (labels in
// locales/*/common.json messageStatus), directions and channels. Shared by server and pages.
export const MESSAGE_STATUSES = ["queued", "sending", "sent", "delivered", "failed", "undelivered", "no_answer", "opted_out", "received", "cancelled"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export function isMessageStatus(value: unknown): value is MessageStatus {
  return typeof value === "string" && (MESSAGE_STATUSES as readonly string[]).includes(value);
}

export const MESSAGE_DIRECTIONS = ["outbound", "inbound"] as const;
export type MessageDirection = (typeof MESSAGE_DIRECTIONS)[number];

export const MESSAGE_CHANNELS = ["sms", "voice"] as const;
export type MessageChannel = (typeof MESSAGE_CHANNELS)[number];

/** How a number opted out: STOP by SMS, by the voice menu, or set by staff. */
export const OPT_OUT_VIA = ["sms", "voice", "staff"] as const;
export type OptOutVia = (typeof OPT_OUT_VIA)[number];

/** Templates sent even to a number that opted out: the confirmation of the opt-out itself (carriers require it). */
export const ALWAYS_SENT_TEMPLATES: readonly string[] = ["optOutConfirmed"];

/**
 * Also sent to a number that opted out, as answers it asked for: HILFE texted after STOP is answered with what
 * happens (the callback stands, messages stay off, START turns them on). Unlike the STOP confirmation these count
 * towards the number's answers and hourly share like any reply.
 */
export const ANSWERS_DESPITE_OPT_OUT: readonly string[] = ["helpOptedOutScheduled", "helpOptedOutOpen"];

/** What an automatic message answers: the citizen's own SMS, or their call to the voice menu (decision 025). */
export const ANSWERS = ["sms", "call"] as const;
export type Answers = (typeof ANSWERS)[number];
