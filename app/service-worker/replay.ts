// Sending the forms saved offline: one at a time, in order, only the signed-in person's, stopping at the first
// network failure or after 15 s without an answer (the entry goes back; its idempotency key makes a resend
// harmless). A refusal becomes a conflict, with the reasons the server names in its X-Refusal header.
import { addConflict } from "./conflicts";
import { holdEntry, queue, type EntryMeta } from "./queue";
import { REFUSAL_HEADER } from "./settings";
import { countSent, broadcast } from "./status";
import { setState, who } from "./state";

/** A request that has not answered by then counts as "still offline" (a flaky line can stall one for minutes). */
const REPLAY_TIMEOUT_MS = 15_000;

let replaying: Promise<void> | null = null;
let replayAgain = false;
let inFlight: AbortController | null = null;

/** The page just came back online: an attempt stalled on the old connection is given up (and redone by the next replay). */
export function abortStalledSend() {
  inFlight?.abort();
}

/** The refusal's translation keys, as the server lists them (each URI-encoded, comma-separated). */
function refusalReasons(headers: Headers): string[] {
  return (headers.get(REFUSAL_HEADER) ?? "")
    .split(",")
    .map((item) => decodeURIComponent(item.trim()))
    .filter(Boolean);
}

/** One waiting entry sent: its answer (status, where it landed, the refusal's reasons), or null when the network failed. */
async function send(request: Request): Promise<{ status: number; landed: string; reasons: string[] } | null> {
  const controller = new AbortController();
  inFlight = controller;
  const timer = setTimeout(() => controller.abort(), REPLAY_TIMEOUT_MS);
  try {
    // A copy: building a Request from another uses up its body, and the entry may have to go back into the queue.
    const response = await fetch(new Request(request.clone(), { redirect: "follow", signal: controller.signal }));
    const landed = new URL(response.url || "/", self.location.origin).pathname;
    const reasons = response.status >= 400 ? refusalReasons(response.headers) : [];
    // The reasons came as a header: the page itself is not needed.
    await response.body?.cancel().catch(() => undefined);
    return { status: response.status, landed, reasons };
  } catch {
    return null;
  } finally {
    clearTimeout(timer);
    inFlight = null;
  }
}

/**
 * Sends the waiting forms one after the other, stopping at the first network failure (still offline). Only the
 * signed-in person's entries are sent; someone else's go back to the end of the queue and wait for them.
 */
export function replay(): Promise<void> {
  // Asked again while sending (e.g. back online during a stalled attempt): one more round afterwards.
  if (replaying) {
    replayAgain = true;
    return replaying;
  }
  replaying = (async () => {
    try {
      const me = await who();
      // Each entry at most once per round: someone else's go back to the end.
      let budget = (await queue.getAll()).length;
      while (budget-- > 0) {
        const entry = await queue.shiftRequest();
        if (!entry) break;
        const meta = (entry.metadata ?? {}) as EntryMeta;
        holdEntry(meta.who ?? "");
        if (!me || (meta.who ?? "") !== me) {
          await queue.pushRequest(entry);
          holdEntry(null);
          continue;
        }
        const answer = await send(entry.request);
        if (!answer || answer.landed === "/team/sign-in") {
          await queue.unshiftRequest(entry);
          holdEntry(null);
          // Signed out meanwhile: kept for after the next sign-in. No answer: still offline.
          if (answer) await setState("signInNeeded", true);
          break;
        }
        await setState("signInNeeded", false);
        if (answer.status >= 400) {
          await addConflict({
            kind: meta.kind ?? "form",
            savedAt: meta.savedAt ?? new Date(entry.timestamp ?? Date.now()).toISOString(),
            status: answer.status,
            reasons: answer.reasons,
            text: meta.text ?? "",
            redo: meta.redo ?? "/team",
            who: meta.who ?? "",
          });
        } else {
          await countSent(meta.who ?? "");
        }
        holdEntry(null);
      }
    } finally {
      holdEntry(null);
      replaying = null;
      await broadcast();
    }
    if (replayAgain) {
      replayAgain = false;
      await replay();
    }
  })();
  return replaying;
}
