// The person page's model: who the person is (only if they are visible to this staff member — else 404) and,
// each list paged on its own, what the programme does with them at this staff member's places.
import { readsAuditLog } from "~/capabilities/privacy/audit.server";
import { makesAccessReports } from "~/capabilities/privacy/access-export.server";
import { mayErase } from "~/capabilities/privacy/erasure.server";
import { consentsOf } from "~/capabilities/privacy/consent.server";
import type { StaffCtx } from "~/context";
import { personName } from "~/lib/person-name";
import { phoneLink } from "~/lib/phone.server";
import { pagesOf } from "~/lib/pages";
import { languages } from "~/i18n/locales.server";
import { recordPersonViewed, requirePersonVisible } from "~/capabilities/people/visibility.server";
import { personTickets } from "~/capabilities/helpdesk/queries.server";
import { personLending } from "~/capabilities/lending/person-lending.server";
import { personScheduling } from "~/capabilities/scheduling/person-scheduling.server";

/** Each list on the person page comes in pages of this many (newest first). */
export const PERSON_ROWS_PER_PAGE = 25;

/** The person page's lists, each paged on its own: also their ?<name>= in the address and their section's id. */
export const PERSON_SECTIONS = ["tickets", "loans", "reservations", "appointments", "callbacks"] as const;
export type PersonPageNumbers = Partial<Record<(typeof PERSON_SECTIONS)[number], number>>;

/** The person page: ONE audit entry per view, with how much of each kind it showed (counts, nothing personal). */
export async function personPage(ctx: StaffCtx, personId: string, pages: PersonPageNumbers = {}) {
  const at = (name: keyof PersonPageNumbers) => pages[name] ?? 1;
  const pageSize = PERSON_ROWS_PER_PAGE;
  const person = await requirePersonVisible(ctx, personId);
  const { tickets, ticketCount } = await personTickets(ctx, personId, { page: at("tickets"), pageSize });
  const lending = await personLending(ctx, personId, { loans: at("loans"), reservations: at("reservations"), pageSize });
  const scheduling = await personScheduling(ctx, personId, { appointments: at("appointments"), callbacks: at("callbacks"), pageSize });
  await recordPersonViewed(ctx, person.id, {
    tickets: tickets.length,
    loans: lending?.loans.length ?? 0,
    reservations: lending?.reservations.length ?? 0,
    appointments: scheduling.appointments.length,
    callbacks: scheduling.callbacks.length,
  });
  const language = languages().find((l) => l.code === person.language);
  return {
    person: {
      id: person.id,
      name: personName(person),
      phone: phoneLink(person.phone),
      phoneType: person.phoneType,
      language: language ?? { code: person.language, name: person.language, dir: "ltr" as const },
      contactPreference: person.contactPreference,
      /** An erasure that waits for a tablet to come back: since when (everything else is gone). */
      erasurePendingSince: person.erasurePendingSince?.toISOString() ?? null,
    },
    ticketPages: pagesOf(ticketCount, at("tickets"), pageSize),
    appointmentPages: pagesOf(scheduling.appointmentCount, at("appointments"), pageSize),
    callbackPages: pagesOf(scheduling.callbackCount, at("callbacks"), pageSize),
    tickets: tickets.map((t) => ({
      id: t.id,
      reference: t.reference,
      status: t.status,
      createdAt: t.createdAt.toISOString(),
      category: t.category,
      location: t.location?.name ?? null,
    })),
    appointments: scheduling.appointments.map((a) => ({
      id: a.id,
      reference: a.reference,
      status: a.status,
      startsAt: a.startsAt.toISOString(),
      timeZone: a.location.timeZone,
      location: a.location.name,
    })),
    callbacks: scheduling.callbacks.map((c) => ({
      id: c.id,
      reference: c.reference,
      status: c.status,
      scheduledAt: c.scheduledAt?.toISOString() ?? null,
      attempts: c.attemptCount,
      createdAt: c.createdAt.toISOString(),
    })),
    showScheduling: scheduling.shown,
    /** What the person agreed to, when, through which channel and who noted it (decision 033). */
    consents: (await consentsOf(ctx, person.id)).map((c) => ({
      ...c,
      givenAt: c.givenAt.toISOString(),
      withdrawnAt: c.withdrawnAt?.toISOString() ?? null,
    })),
    /** Who looked at or changed this person's data: the access log narrowed to them, for those who read it. */
    auditHref: readsAuditLog(ctx) ? `/team/audit?person=${encodeURIComponent(person.id)}` : null,
    /** "Auskunft erstellen" (Art. 15), for those who may hand a person everything stored about them. */
    exportHref: makesAccessReports(ctx) ? `/team/people/${encodeURIComponent(person.id)}/access-report` : null,
    /** Erasure on request (Art. 17), for coordinators and admins. */
    eraseHref: mayErase(ctx) ? `/team/people/${encodeURIComponent(person.id)}/erase` : null,
    /** null when the staff member does not work with loans. */
    lending: lending && {
      loans: lending.loans.map((l) => ({
        id: l.id,
        reference: l.reference,
        status: l.status,
        device: l.device.assetTag,
        location: l.location.name,
        checkedOutAt: l.checkedOutAt.toISOString(),
        dueAt: l.dueAt.toISOString(),
      })),
      reservations: lending.reservations.map((r) => ({
        id: r.id,
        reference: r.reference,
        status: r.status,
        location: r.location.name,
        createdAt: r.createdAt.toISOString(),
      })),
      loanPages: pagesOf(lending.loanCount, at("loans"), pageSize),
      reservationPages: pagesOf(lending.reservationCount, at("reservations"), pageSize),
    },
  };
}

/** The form that corrects a person's details: what is stored now, and the languages the programme speaks. */
export async function personEditPage(ctx: StaffCtx, personId: string) {
  const person = await requirePersonVisible(ctx, personId);
  return {
    id: person.id,
    name: personName(person),
    languages: languages(),
    values: {
      firstName: person.firstName,
      lastNameInitial: person.lastNameInitial ?? "",
      phone: phoneLink(person.phone).display,
      language: person.language,
      contactPreference: person.contactPreference,
    },
  };
}
