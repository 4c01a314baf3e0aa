// Job: reminders to borrowers before and after a loan's due date (hourly; each goes out once).
import type { Services } from "~/context";
import { sendLoanReminders } from "~/capabilities/lending/loan-reminders.server";

export async function lendingReminders(services: Services): Promise<void> {
  await sendLoanReminders(services);
}
