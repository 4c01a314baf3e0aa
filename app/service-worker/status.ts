// What the worker tells staff pages (app/ui/OfflineStatus): this person's waiting entries, someone else's, their
// conflicts, what was sent since a page last said so; answered on request and sent to every open page on change.
/// <reference lib="webworker" />
import type { OfflineWorkerStatus } from "../lib/offline-status";
import { conflictsOf } from "./conflicts";
import { waitingEntries } from "./queue";
import { VERSION } from "./settings";
import { getState, setState, who } from "./state";

declare const self: ServiceWorkerGlobalScope;

export async function status(): Promise<OfflineWorkerStatus> {
  const me = await who();
  const whose = await waitingEntries();
  const mine = me ? whose.filter((w) => w === me).length : 0;
  return {
    version: VERSION,
    waiting: mine,
    othersWaiting: whose.length - mine,
    conflicts: await conflictsOf(me),
    sent: me ? ((await getState<Record<string, number>>("sentUnseen")) ?? {})[me] ?? 0 : 0,
    signInNeeded: (await getState<boolean>("signInNeeded")) ?? false,
  };
}

export async function broadcast() {
  const clients = await self.clients.matchAll({ type: "window" });
  const current = await status();
  for (const client of clients) client.postMessage({ type: "OFFLINE_STATUS", status: current });
}

/** One more of `author`'s entries sent: counted until a page of theirs has said "sent". */
export async function countSent(author: string) {
  const unseen = (await getState<Record<string, number>>("sentUnseen")) ?? {};
  await setState("sentUnseen", { ...unseen, [author]: (unseen[author] ?? 0) + 1 });
}

/** A page of this person's said "sent". */
export async function sentSeen() {
  const me = await getState<string>("who");
  const unseen = (await getState<Record<string, number>>("sentUnseen")) ?? {};
  if (me) await setState("sentUnseen", { ...unseen, [me]: 0 });
}
