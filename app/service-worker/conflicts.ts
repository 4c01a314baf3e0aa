// Entries the server refused when they were finally sent ("conflicts"): kept for the person who made them until they
// dismiss them, with why (the refusal's translation keys, which their page translates), what was typed and where to redo it.
import type { OfflineConflict } from "../lib/offline-status";
import { getState, setState } from "./state";

interface Conflict extends OfflineConflict {
  /** Whose entry it was: only they see it. */
  who: string;
}

export async function addConflict(conflict: Omit<Conflict, "id">) {
  const conflicts = (await getState<Conflict[]>("conflicts")) ?? [];
  const id = conflicts.reduce((max, c) => Math.max(max, c.id), 0) + 1;
  await setState("conflicts", [...conflicts, { ...conflict, id }]);
}

export async function dismissConflict(id: number) {
  const conflicts = (await getState<Conflict[]>("conflicts")) ?? [];
  await setState(
    "conflicts",
    conflicts.filter((c) => c.id !== id),
  );
}

export async function conflictsOf(whose: string): Promise<OfflineConflict[]> {
  const conflicts = (await getState<Conflict[]>("conflicts")) ?? [];
  return conflicts.filter((c) => c.who === whose).map(({ who: _who, ...c }) => c);
}
