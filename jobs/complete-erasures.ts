// Job: erasures that waited for a tablet to come back (privacy/erasure.server.ts) are finished once it is returned.
import { type Services, withActor } from "~/context";
import { completePendingErasures } from "~/capabilities/privacy/erasure.server";

export async function completeErasures(services: Services): Promise<void> {
  await completePendingErasures(withActor(services, { kind: "system", name: "privacy.completeErasures" }));
}
