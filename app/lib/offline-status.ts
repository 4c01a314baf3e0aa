// What the service worker (app/service-worker.ts) tells staff pages (app/ui/OfflineStatus) about the entries it
// keeps for this device. One shape, shared by both sides of the message channel.

/** An entry the server refused when it was finally sent: what was typed, why, and where to redo it. */
export interface OfflineConflict {
  id: number;
  kind: string;
  savedAt: string;
  status: number;
  reason: string;
  text: string;
  redo: string;
}

export interface OfflineWorkerStatus {
  version: string;
  waiting: number;
  /** Entries someone else made on this device: they wait for that person. */
  othersWaiting: number;
  conflicts: OfflineConflict[];
  /** This person's entries sent since a page last said so. */
  sent: number;
  signInNeeded: boolean;
}
