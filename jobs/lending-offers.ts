// Job: end offers nobody answered in time, then offer free devices to the next people on the waiting lists.
import type { Services } from "~/context";
import { withActor } from "~/context";
import { pruneClosedReservations } from "~/capabilities/lending/waiting-list.server";
import { expireOffers, offerFreeDevices } from "~/capabilities/lending/waiting-list-offers.server";

export async function lendingOffers(services: Services): Promise<void> {
  const ctx = withActor(services, { kind: "system", name: "lending-offers" });
  await expireOffers(ctx);
  await offerFreeDevices(ctx);
}

/** Job: delete waiting-list requests that ended long ago (see the privacy note on /borrow). */
export async function pruneReservations(services: Services): Promise<void> {
  await pruneClosedReservations(services);
}
