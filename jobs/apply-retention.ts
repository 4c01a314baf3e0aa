// Job: the retention schedule (Löschkonzept) — deletes what has had its time, keeping anonymous monthly figures.
import type { Services } from "~/context";
import { withActor } from "~/context";
import { applyRetentionSchedule } from "~/capabilities/privacy/retention/run.server";
import { retentionSettings } from "~/capabilities/privacy/retention/overview.server";

export async function applyPrivacyRetention(services: Services): Promise<void> {
  await applyRetentionSchedule(
    withActor(services, { kind: "system", name: "privacy.applyRetention" }),
    retentionSettings(services.config)
  );
}
