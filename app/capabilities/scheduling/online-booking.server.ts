// What citizens booking online may see: the places that offer consultation hours, one place by its address slug,
// and the calendar file of a booked appointment (title, place, time, reference — nothing about the person).
import { createEvent } from "ics";
import type { Ctx } from "~/context";
import { getT } from "~/i18n/i18n.server";
import { foldIcs } from "~/lib/ics-lines";
import { formatPhone } from "~/lib/phone.server";

/** The places that offer consultation hours online, with what they help with (topic keys). */
export async function bookablePlaces(ctx: Pick<Ctx, "db">) {
  const places = await ctx.db.location.findMany({
    where: { consultationHours: { some: { active: true, onlineCapacity: { gt: 0 } } } },
    select: {
      id: true,
      slug: true,
      name: true,
      street: true,
      postalCode: true,
      city: true,
      consultationHours: { where: { active: true }, select: { topics: true } },
    },
    orderBy: { name: "asc" },
  });
  return places.map(({ consultationHours, ...place }) => ({
    ...place,
    topics: [...new Set(consultationHours.flatMap((h) => JSON.parse(h.topics) as string[]))],
  }));
}

export async function placeBySlug(ctx: Pick<Ctx, "db">, slug: string) {
  return ctx.db.location.findUnique({
    where: { slug },
    select: { id: true, slug: true, name: true, street: true, postalCode: true, city: true, timeZone: true },
  });
}

/** Where a citizen can cancel or change: the app's address and the programme's phone (settings, not the database). */
export interface CalendarContacts {
  publicUrl: string;
  programmePhone: string;
}

/**
 * The .ics of an appointment still booked, or null: in the language of the person who booked it, with how to cancel
 * or change it; its lines folded by octets (lib/ics-lines.ts).
 */
export async function appointmentCalendar(ctx: Pick<Ctx, "db">, appointmentId: string, contacts: CalendarContacts): Promise<string | null> {
  const appointment = await ctx.db.appointment.findUnique({
    where: { id: appointmentId },
    select: {
      reference: true,
      startsAt: true,
      endsAt: true,
      status: true,
      person: { select: { language: true } },
      location: { select: { name: true, street: true, postalCode: true, city: true } },
    },
  });
  if (!appointment || appointment.status !== "booked") return null;
  const { location } = appointment;
  const t = getT(appointment.person.language, "booking");
  const { error, value } = createEvent({
    title: t("calendar.title"),
    start: appointment.startsAt.getTime(),
    end: appointment.endsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    endInputType: "utc",
    endOutputType: "utc",
    location: `${location.name}, ${location.street}, ${location.postalCode} ${location.city}`,
    description: t("calendar.description", {
      reference: appointment.reference,
      link: `${contacts.publicUrl}/appointment`,
      phone: formatPhone(contacts.programmePhone),
    }),
    uid: `${appointment.reference}@digitale-ambulanz`,
    productId: "digitale-ambulanz/booking",
  });
  return error || !value ? null : foldIcs(value);
}
