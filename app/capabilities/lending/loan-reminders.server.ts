// Reminders for borrowers: a few days before a loan is due, and on set days after it. The hourly job calls
// `sendLoanReminders`; each reminder has an idempotency key made of the loan and its due date, so it goes out once,
// and an extension (a new due date) gives new keys. Nothing is sent in quiet hours: it waits until 09:00 there.
import type { Ctx, Services } from "~/context";
import { withActor } from "~/context";
import { formatDueDate } from "./loan-dates";
import { type LoanStatus, OVERDUE_REMINDER_DAYS, REMIND_DAYS_BEFORE } from "./values";
import { spelledOut } from "~/lib/reference-code";
import { isUniqueViolation } from "~/lib/db-errors";

const DAY = 86_400_000;

export interface ReminderStage {
  template: "loanDueSoon" | "loanOverdue";
  key: string;
}

/**
 * The reminder due for a loan at `now`, or null. Each stage runs until the next one starts, so a job that
 * was down for a while still sends the stage in force, and never an older one after a newer.
 */
export function reminderStage(loan: { id: string; dueAt: Date }, now: Date): ReminderStage | null {
  const due = loan.dueAt.getTime();
  const t = now.getTime();
  const iso = loan.dueAt.toISOString();
  const overdue = [...OVERDUE_REMINDER_DAYS].sort((a, b) => b - a).find((days) => t >= due + days * DAY);
  if (overdue !== undefined) return { template: "loanOverdue", key: `loan-overdue:${loan.id}:${iso}:${overdue}` };
  if (t >= due - REMIND_DAYS_BEFORE * DAY && t < due) return { template: "loanDueSoon", key: `loan-due-soon:${loan.id}:${iso}` };
  return null;
}

/** Queues every reminder that is due now; returns how many were queued. */
export async function sendLoanReminders(services: Services): Promise<number> {
  const ctx: Ctx = withActor(services, { kind: "system", name: "loan-reminders" });
  const now = ctx.clock.now();
  const loans = await ctx.db.loan.findMany({
    where: { status: "active" satisfies LoanStatus, dueAt: { lte: new Date(now.getTime() + REMIND_DAYS_BEFORE * DAY) } },
    include: { person: true, device: { select: { model: true } }, location: { select: { name: true, phone: true, timeZone: true } } },
    orderBy: { dueAt: "asc" },
  });
  let queued = 0;
  for (const loan of loans) {
    const stage = reminderStage(loan, now);
    if (!stage) continue;
    if (await ctx.db.message.findUnique({ where: { idempotencyKey: stage.key }, select: { id: true } })) continue;
    try {
      await ctx.db.$transaction(async (tx) => {
        await ctx.messenger.send(tx, {
          to: loan.person,
          template: stage.template,
          params: {
            firstName: loan.person.firstName,
            reference: loan.reference,
            spelled: spelledOut(loan.reference),
            model: loan.device.model,
            dueDate: formatDueDate(loan.dueAt, loan.person.language, loan.location.timeZone),
            place: loan.location.name,
          },
          timeZone: loan.location.timeZone,
          idempotencyKey: stage.key,
        });
      });
      queued++;
    } catch (error) {
      // Another worker queued it a moment ago: once is enough.
      if (isUniqueViolation(error)) continue;
      throw error;
    }
  }
  return queued;
}
