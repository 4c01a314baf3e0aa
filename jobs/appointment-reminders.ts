// Every 15 minutes: queue the appointment reminders due before the next run (they go out at their time).
import type { Services } from "~/context";
import { withActor } from "~/context";
import { queueDueReminders } from "~/capabilities/scheduling/reminders.server";

export async function appointmentReminders(services: Services): Promise<void> {
  await queueDueReminders(withActor(services, { kind: "system", name: "appointment-reminders" }));
}
