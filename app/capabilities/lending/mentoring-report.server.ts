// The programme in numbers for the funder: per location and month, counts only (no names, no notes).
import { CalendarDate, toZoned } from "@internationalized/date";
import type { StaffCtx } from "~/context";
import { forbidden } from "~/lib/errors";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { can, locationScope } from "~/capabilities/people/permissions";
import { monthlyFigures } from "~/capabilities/privacy/retention/figures.server";
import { jsonList, type SessionAttendance } from "./values";

export const TOP_TOPICS = 3;

/** Month boundaries are taken in the programme's time zone (every location is in Germany). */
export function monthBounds(month: string) {
  const [y, m] = month.split("-").map(Number);
  const first = new CalendarDate(y, m, 1);
  return { start: toZoned(first, PROGRAMME_TIME_ZONE).toDate(), end: toZoned(first.add({ months: 1 }), PROGRAMME_TIME_ZONE).toDate() };
}

/** Programme-level reporting: coordinators and admins (who manage the topic list). */
export async function mentoringReport(ctx: StaffCtx, month: string) {
  if (!can(ctx.actor, "topic:manage")) throw forbidden("topic:manage");
  const { start, end } = monthBounds(month);
  const scope = locationScope(ctx.actor);
  const inScope = scope === "all" ? {} : { id: { in: [...scope] } };
  const [locations, loans, sessions, kept] = await Promise.all([
    ctx.db.location.findMany({ where: inScope, select: { id: true, name: true }, orderBy: { name: "asc" } }),
    ctx.db.loan.groupBy({ by: ["locationId"], where: { checkedOutAt: { gte: start, lt: end } }, _count: { _all: true } }),
    ctx.db.mentoringSession.findMany({
      where: { startsAt: { gte: start, lt: end }, attendance: { in: ["attended", "no_show"] satisfies SessionAttendance[] } },
      select: { attendance: true, durationMinutes: true, topics: true, loan: { select: { locationId: true } } },
    }),
    // Loans and sessions the retention schedule has deleted left their counts behind (decision 030).
    monthlyFigures(ctx, month, ""),
  ]);
  const figure = (locationId: string, measure: string) => kept.find((f) => f.locationId === locationId && f.measure === measure)?.value ?? 0;
  return locations.map((location) => {
    const here = sessions.filter((s) => s.loan.locationId === location.id);
    const attended = here.filter((s) => s.attendance === "attended");
    const topicCounts = new Map<string, number>();
    for (const s of attended) for (const id of jsonList(s.topics)) topicCounts.set(id, (topicCounts.get(id) ?? 0) + 1);
    for (const f of kept) {
      if (f.locationId === location.id && f.measure.startsWith("mentoring.topic.")) {
        const id = f.measure.slice("mentoring.topic.".length);
        topicCounts.set(id, (topicCounts.get(id) ?? 0) + f.value);
      }
    }
    const noShow = here.length - attended.length + figure(location.id, "mentoring.noShow");
    const attendedCount = attended.length + figure(location.id, "mentoring.attended");
    return {
      locationId: location.id,
      location: location.name,
      loansStarted: (loans.find((l) => l.locationId === location.id)?._count._all ?? 0) + figure(location.id, "loans.started"),
      sessionsHeld: attendedCount + noShow,
      attended: attendedCount,
      noShow,
      minutes: attended.reduce((sum, s) => sum + s.durationMinutes, 0) + figure(location.id, "mentoring.attendedMinutes"),
      topTopics: [...topicCounts.entries()]
        .sort((a, b) => b[1] - a[1] || a[0].localeCompare(b[0]))
        .slice(0, TOP_TOPICS)
        .map(([topicId, count]) => ({ topicId, count })),
    };
  });
}
