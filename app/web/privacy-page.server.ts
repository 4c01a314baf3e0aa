// What the privacy notices say that the settings decide: how long things are kept (so the short notice on every form
// and the full page /datenschutz stay true when an operator changes a period), who is responsible, the provider.
import { type AppConfig, type Services, withActor } from "~/context";
import { listPublicLocations } from "~/capabilities/people/locations.server";

/**
 * Periods the notices name. Requests, loans and appointments: 12 months after they end — what the retention
 * schedule sets by default and what the loan agreement promises; when that schedule's settings land (issue 15 item 1),
 * read them here and nowhere else. Message texts and the access log come from their settings already.
 */
export function noticePeriods(config: Pick<AppConfig, "messaging" | "retention">) {
  return { requestMonths: 12, messageDays: config.messaging.retentionDays, auditDays: config.retention.auditDays };
}
export type NoticePeriods = ReturnType<typeof noticePeriods>;

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
