// The calendar file (.ics) of a booked appointment, reached by an HMAC-signed id: title, place, time and the
// reference, nothing about the person.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { appointmentCalendar } from "~/capabilities/scheduling/online-booking.server";
import { readCalendarToken } from "~/web/booking.server";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const id = readCalendarToken(context.services.config.sessionSecret, params.token ?? "");
  const ics = id ? await appointmentCalendar(context.services, id, context.services.config) : null;
  if (!ics) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8" } });
  return new Response(ics, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": 'attachment; filename="digitale-sprechstunde.ics"',
      "Cache-Control": "no-store",
    },
  });
}
