// The helpdesk's closed value sets and its workflow rules (no database, no React: safe to import anywhere).
export const TICKET_STATUSES = ["new", "open", "waiting", "scheduled", "resolved", "closed"] as const;
export type TicketStatus = (typeof TICKET_STATUSES)[number];

export const PRIORITIES = ["low", "normal", "high", "urgent"] as const;
export type Priority = (typeof PRIORITIES)[number];

export const CHANNELS = ["web", "phone", "sms", "walk_in", "staff"] as const;
export type TicketChannel = (typeof CHANNELS)[number];

/** A staff member's call about a ticket, as its timeline records it. */
export const CALL_OUTCOMES = ["reached", "no_answer", "wrong_number", "call_again"] as const;

/** What a ticket's timeline records (labels in locales/<lng>/tickets.json timeline). */
export const TICKET_EVENT_KINDS = ["created", "note", "message_out", "message_in", "status", "assigned", "call", "pending", "classified"] as const;
export type TicketEventKind = (typeof TICKET_EVENT_KINDS)[number];

export const OPEN_STATUSES: readonly TicketStatus[] = ["new", "open", "waiting", "scheduled"];

/** Which status may follow which. Closing happens automatically some days after resolving (or by staff). */
export const TRANSITIONS: Record<TicketStatus, readonly TicketStatus[]> = {
  new: ["open", "waiting", "scheduled", "resolved"],
  open: ["waiting", "scheduled", "resolved"],
  waiting: ["open", "scheduled", "resolved"],
  scheduled: ["open", "waiting", "resolved"],
  resolved: ["open", "closed"],
  closed: ["open"],
};

export function canMoveTo(from: string, to: string): boolean {
  return (TRANSITIONS[from as TicketStatus] ?? []).includes(to as TicketStatus);
}

/** A ticket is overdue when nobody has touched it for this long (by priority), or its pending date has passed. */
export const RESPONSE_HOURS: Record<Priority, number> = { urgent: 4, high: 24, normal: 72, low: 168 };

/** When staff must look next: the pending date if one is set, else the last activity plus the response time. */
export function dueAtFor(ticket: { priority: string; pendingUntil: Date | null; lastActivityAt: Date }): Date {
  const hours = RESPONSE_HOURS[ticket.priority as Priority] ?? RESPONSE_HOURS.normal;
  return ticket.pendingUntil ?? new Date(ticket.lastActivityAt.getTime() + hours * 3_600_000);
}

/** Resolved tickets close by themselves after this many days unless the citizen answers. */
export const AUTO_CLOSE_DAYS = 7;

export const DESCRIPTION_MAX = 3000;
