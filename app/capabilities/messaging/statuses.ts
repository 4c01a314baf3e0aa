// Every status a message can have (labels in locales/*/common.json messageStatus). Shared by server and pages.
export const MESSAGE_STATUSES = ["queued", "sending", "sent", "delivered", "failed", "undelivered", "no_answer", "opted_out", "received", "cancelled"] as const;
export type MessageStatus = (typeof MESSAGE_STATUSES)[number];

export function isMessageStatus(value: unknown): value is MessageStatus {
  return typeof value === "string" && (MESSAGE_STATUSES as readonly string[]).includes(value);
}
