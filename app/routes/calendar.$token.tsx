// A staff member's calendar feed (iCalendar), for calendar apps: no session, the secret in the address is the key.
// Unknown or revoked → 404. Never cached: a revoked link must stop working at once.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { calendarFeed } from "~/capabilities/scheduling/calendar.server";
import { withActor } from "~/context";

export async function loader({ params, context }: LoaderFunctionArgs) {
  const token = (params.token ?? "").replace(/\.ics$/, "");
  const feed = await calendarFeed(withActor(context.services, { kind: "system", name: "calendar-feed" }), token);
  if (!feed) return new Response("Not found", { status: 404, headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" } });
  return new Response(feed, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Cache-Control": "no-cache, no-store",
      "Content-Disposition": 'inline; filename="digitale-ambulanz.ics"',
      "X-Robots-Tag": "noindex",
    },
  });
}
