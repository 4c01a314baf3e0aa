// How many automatic answers one number gets (decision 025). An inbound SMS or call costs the sender nothing and us
// an outbound message, so a burst of them — or a provider passing on spoofed sender numbers — must not turn the
// outbox into an amplifier (SMS pumping). Counted from the outbox's own rows, so the budget holds across restarts and
// processes. The messenger asks this for every answer; no caller has to remember to.
import type { Tx } from "~/db.server";
import type { Clock } from "~/lib/clock";
import { ALWAYS_SENT_TEMPLATES, type MessageDirection } from "./values";

/** Answers (of any kind) to one number in any 60 minutes; enough for a person typing STATUS, HILFE and a question. */
export const ANSWERS_PER_HOUR = 5;
/** Carriers require STOP to be confirmed; once a day per number honours that without being a pump of its own. */
export const OPT_OUT_CONFIRMATIONS_PER_DAY = 1;

const HOUR_MS = 3_600_000;

/**
 * Whether one more automatic answer may go to `phone` now. An opt-out confirmation has its own daily allowance and
 * is sent even when the hour's answers are spent. Two answers racing in parallel transactions may both see the last
 * place free: the bound is the budget plus what arrives in the same instant, not a hold like the booking caps.
 */
export async function answerAllowed(clock: Clock, tx: Tx, answer: { phone: string; template: string }): Promise<boolean> {
  const now = clock.now().getTime();
  const answers = { toPhone: answer.phone, direction: "outbound" satisfies MessageDirection, answers: { not: null } };
  if (ALWAYS_SENT_TEMPLATES.includes(answer.template)) {
    const today = await tx.message.count({ where: { ...answers, template: answer.template, createdAt: { gt: new Date(now - 24 * HOUR_MS) } } });
    return today < OPT_OUT_CONFIRMATIONS_PER_DAY;
  }
  return (await tx.message.count({ where: { ...answers, createdAt: { gt: new Date(now - HOUR_MS) } } })) < ANSWERS_PER_HOUR;
}
