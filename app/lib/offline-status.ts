// What the service worker (app/service-worker/) tells staff pages (app/ui/OfflineStatus) about the entries it
// keeps for this device. One shape, shared by both sides of the message channel.

/** An entry the server refused when it was finally sent: what was typed, why, and where to redo it. */
export interface OfflineConflict {
  id: number;
  kind: string;
  savedAt: string;
  status: number;
  /** Why: the refusal's translation keys (or text), as the page's error summary lists them; the page translates them. */
  reasons?: string[];
  /** Why, from workers before `reasons` (and in conflicts they kept): the page's error text itself. */
  reason?: string;
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
