// What the privacy notices say that the settings decide: how long things are kept (so the short notice on every form
// and the full page /datenschutz stay true when an operator changes a period), who is responsible, the provider.
import { type Services, withActor } from "~/context";
import { listPublicLocations } from "~/capabilities/people/locations.server";
import { noticePeriods } from "~/capabilities/privacy/notice-periods";

export { noticePeriods } from "~/capabilities/privacy/notice-periods";

/** The full notice (Art. 13): controller (setting, else the places), DPO, authority, provider, periods. */
export async function privacyPage(services: Services) {
  const { config } = services;
  const places = config.privacy.controller
    ? []
    : (await listPublicLocations(withActor(services, { kind: "citizen" }))).map((l) => ({ name: l.name, address: `${l.street}, ${l.postalCode} ${l.city}`, phone: l.phone }));
  return {
    controller: config.privacy.controller,
    places,
    dpoContact: config.privacy.dpoContact,
    supervisoryAuthority: config.privacy.supervisoryAuthority,
    provider: config.messageProvider,
    periods: noticePeriods(config),
  };
}
