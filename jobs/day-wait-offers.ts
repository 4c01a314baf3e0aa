// Every minute: a place freed on a day with people waiting is booked for the first of them; past days expire.
import type { Services } from "~/context";
import { withActor } from "~/context";
import { offerFreedPlaces } from "~/capabilities/scheduling/day-waits.server";

export async function dayWaitOffers(services: Services): Promise<void> {
  await offerFreedPlaces(withActor(services, { kind: "system", name: "day-wait-offers" }));
}
