// Doing a citizen's or staff member's request once: the form's key and the retry that lets the database hold a race.
import { z } from "zod";
import { isUniqueViolation } from "./db-errors";

/**
 * The hidden `idempotencyKey` a page renders into its form (web/forms.server.ts `newFormKey`). Stored with what the
 * form created, under a unique index; a missing key (an old page, a bot) does the work as before.
 */
export const IdempotencyKey = z.string().trim().min(8).max(100).optional();

/**
 * Runs a transaction again when a unique index refused it: another request took the same slot, or the same form's
 * twin committed first — the next run then finds what the winner wrote (a replay) instead of writing again.
 */
export async function retryingOnRace<T>(body: () => Promise<T>, attempts = 30): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await body();
    } catch (error) {
      if (isUniqueViolation(error) && attempt < attempts) continue;
      throw error;
    }
  }
}
