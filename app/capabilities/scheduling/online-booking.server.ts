// What citizens booking online may see: the places that offer consultation hours, one place by its address slug,
// and the calendar file of a booked appointment (title, place, time, reference — nothing about the person).
import { createEvent } from "ics";
import type { Ctx } from "~/context";

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

/** The .ics of an appointment still booked, or null. */
export async function appointmentCalendar(ctx: Pick<Ctx, "db">, appointmentId: string): Promise<string | null> {
  const appointment = await ctx.db.appointment.findUnique({
    where: { id: appointmentId },
    select: {
      reference: true,
      startsAt: true,
      endsAt: true,
      status: true,
      location: { select: { name: true, street: true, postalCode: true, city: true } },
    },
  });
  if (!appointment || appointment.status !== "booked") return null;
  const { location } = appointment;
  const { error, value } = createEvent({
    title: "Digitale Sprechstunde",
    start: appointment.startsAt.getTime(),
    end: appointment.endsAt.getTime(),
    startInputType: "utc",
    startOutputType: "utc",
    endInputType: "utc",
    endOutputType: "utc",
    location: `${location.name}, ${location.street}, ${location.postalCode} ${location.city}`,
    description: `Referenz / Reference: ${appointment.reference}`,
    uid: `${appointment.reference}@digitale-ambulanz`,
    productId: "digitale-ambulanz/booking",
  });
  return error ? null : value;
}
