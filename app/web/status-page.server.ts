// The status page's answer: a request of any kind (helpdesk/status-check.server.ts) shaped for the page — dates as
// ISO strings, our last message as text with the links to our own guides as links.
import type { RequestStatus } from "~/capabilities/helpdesk/status-check.server";

/** A message as text, with the links to our own guides (sent along with a reply) as links. */
export type MessagePart = { text: string } | { guide: string; address: string };

/** What the citizen sees after a successful lookup: what the request is, where it stands and what comes next. */
export interface StatusView {
  kind: RequestStatus["kind"];
  reference: string;
  status: string;
  timeZone: string;
  /** `parts` is empty when the text is no longer stored: the date still says a message went out. */
  lastMessage: { parts: MessagePart[]; at: string } | null;
  /** The callback's planned call, the appointment's start, or how long an offered tablet is kept. */
  at: string | null;
  windows: { from: string; to: string }[];
  place: string | null;
  address: string | null;
  position: number | null;
  /** A ticket's callback (asked for with the report, under the same reference): its state and planned call. */
  callback: { status: string; at: string | null; windows: { from: string; to: string }[] } | null;
}

function messageParts(body: string, publicUrl: string): MessagePart[] {
  const escaped = publicUrl.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const guide = new RegExp(`${escaped}(/help/[a-z0-9]+(?:-[a-z0-9]+)*(?:/leichte-sprache)?)`, "g");
  const parts: MessagePart[] = [];
  let at = 0;
  for (const match of body.matchAll(guide)) {
    if (match.index > at) parts.push({ text: body.slice(at, match.index) });
    parts.push({ guide: match[1]!, address: match[0] });
    at = match.index + match[0].length;
  }
  if (at < body.length) parts.push({ text: body.slice(at) });
  return parts;
}

const isoWindows = (windows: { from: Date; to: Date }[]) => windows.map((w) => ({ from: w.from.toISOString(), to: w.to.toISOString() }));

export function statusView(found: RequestStatus, publicUrl: string): StatusView {
  const at =
    found.kind === "callback" ? found.scheduledAt : found.kind === "appointment" ? found.startsAt : found.kind === "reservation" ? found.offerExpiresAt : null;
  return {
    kind: found.kind,
    reference: found.reference,
    status: found.status,
    timeZone: found.timeZone,
    lastMessage: found.lastMessage ? { parts: messageParts(found.lastMessage.body, publicUrl), at: found.lastMessage.at.toISOString() } : null,
    at: at?.toISOString() ?? null,
    windows: found.kind === "callback" ? isoWindows(found.windows) : [],
    place: found.kind === "appointment" || found.kind === "reservation" ? found.place : null,
    address: found.kind === "appointment" ? found.address : null,
    position: found.kind === "reservation" ? found.position : null,
    callback:
      found.kind === "ticket" && found.callback
        ? { status: found.callback.status, at: found.callback.scheduledAt?.toISOString() ?? null, windows: isoWindows(found.callback.windows) }
        : null,
  };
}
