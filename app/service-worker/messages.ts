// Messages from staff pages (app/ui/OfflineStatus), each answered on the port it came with: the status, send now,
// sign-out, "sent" seen, keep ahead (warm), dismiss a conflict, and the update's "skip waiting".
/// <reference lib="webworker" />
import { dismissConflict } from "./conflicts";
import { forgetStaffData } from "./pages";
import { abortStalledSend, replay } from "./replay";
import { sentSeen, status } from "./status";
import { warm } from "./warm";

declare const self: ServiceWorkerGlobalScope;

export function onMessage(event: ExtendableMessageEvent) {
  const data = (event.data ?? {}) as { type?: string; id?: number; restart?: boolean };
  const port = event.ports[0];
  const answer = (value: unknown) => port?.postMessage(value);
  switch (data.type) {
    case "SKIP_WAITING":
      void self.skipWaiting();
      break;
    case "SIGN_OUT":
      event.waitUntil(forgetStaffData().then(() => answer({ ok: true })));
      break;
    case "STATUS":
      event.waitUntil(status().then(answer));
      break;
    case "REPLAY":
      // `restart`: the page just came back online; an attempt stalled on the old connection is given up and redone.
      if (data.restart) abortStalledSend();
      event.waitUntil(replay().then(status).then(answer));
      break;
    case "SEEN":
      event.waitUntil(sentSeen().then(() => answer({ ok: true })));
      break;
    case "WARM":
      event.waitUntil(warm().then(() => answer({ ok: true })));
      break;
    case "DISMISS":
      event.waitUntil(dismissConflict(Number(data.id)).then(status).then(answer));
      break;
  }
}
