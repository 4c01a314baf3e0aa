// The forms saved on this device while offline, waiting to be sent (a Workbox background-sync queue), and whose
// entry is out of it right now. Sending them is replay.ts's; this file only holds them, so both sides can count.
import { Queue } from "workbox-background-sync";

/** What the worker notes with each entry. */
export interface EntryMeta {
  /** The route's declared `queue.kind` (checkOut, checkIn, session, ticket). */
  kind?: string;
  /** Where to enter it again if it is refused. */
  redo?: string;
  /** What was typed that a refusal would lose (notes, a description). */
  text?: string;
  savedAt?: string;
  /** Whose entry it is (an opaque tag per person): only their session sends it. */
  who?: string;
}

let onSync: () => Promise<void> = async () => undefined;

/** What a background `sync` runs: the replay (set by index.ts; replay.ts needs this queue, so it cannot be imported here). */
export function whenSyncing(replay: () => Promise<void>) {
  onSync = replay;
}

export const queue = new Queue("offline-forms", {
  // Minutes. Workbox drops older entries without a word, so keep them as long as anyone would wait: 90 days.
  maxRetentionTime: 90 * 24 * 60,
  onSync: () => onSync(),
});

/**
 * Whose entry is out of the queue right now (being sent, or someone else's on its way back to the end): still
 * counted as waiting, or a page asking meanwhile would see it gone — and a sign-out then clear the device.
 */
let inHand: string | null = null;

export const entryInHand = () => inHand;

export function holdEntry(whose: string | null) {
  inHand = whose;
}

/** Whose each waiting entry is, the one in hand included. */
export async function waitingEntries(): Promise<string[]> {
  const entries = await queue.getAll();
  return [
    ...entries.map((e) => (e.metadata as EntryMeta | undefined)?.who ?? ""),
    ...(inHand === null ? [] : [inHand]),
  ];
}
