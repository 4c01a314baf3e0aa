// "Today at my location": what a volunteer needs at the start of a shift, for one place, in a handful of indexed
// queries (each with a limit; nothing per row). "Today" is the calendar day in the location's time zone.
import { CalendarDate, fromDate, toCalendarDate, toZoned } from "@internationalized/date";
import type { Ctx } from "~/context";
import { forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can, type StaffActor } from "~/capabilities/people/permissions";
import { jsonList } from "./values";

type StaffCtx = Ctx & { actor: StaffActor };

/** Enough for a shift; a longer list belongs on the list pages. */
export const TODAY_LIST_LIMIT = 50;
export const WAITING_HEAD = 3;

const DAY_MS = 86_400_000;

/** Start of the local day that contains `at`, and of the next one (UTC instants; 23 or 25 hours at DST changes). */
export function localDayBounds(at: Date, timeZone: string): { start: Date; end: Date; date: CalendarDate } {
  const date = toCalendarDate(fromDate(at, timeZone));
  return { start: toZoned(date, timeZone).toDate(), end: toZoned(date.add({ days: 1 }), timeZone).toDate(), date };
}

function localDaysBetween(earlier: Date, later: Date, timeZone: string): number {
  const a = toCalendarDate(fromDate(earlier, timeZone));
  const b = toCalendarDate(fromDate(later, timeZone));
  return Math.round((toZoned(b, "UTC").toDate().getTime() - toZoned(a, "UTC").toDate().getTime()) / DAY_MS);
}

export async function todayAtLocation(ctx: StaffCtx, locationId: string) {
  if (!can(ctx.actor, "loan:view", locationId)) throw forbidden("loan:view");
  const location = await ctx.db.location.findUnique({ where: { id: locationId }, select: { id: true, name: true, timeZone: true } });
  if (!location) throw notFound("location");
  const now = ctx.clock.now();
  const tz = location.timeZone;
  const { start, end, date } = localDayBounds(now, tz);
  const loanSelect = {
    id: true,
    dueAt: true,
    person: { select: { firstName: true } },
    device: { select: { id: true, assetTag: true } },
  } as const;

  const [dueToday, overdue, sessions, waiting, offers, needsReset, followUps, counts, topics] = await Promise.all([
    ctx.db.loan.findMany({
      where: { locationId, status: "active", dueAt: { gte: start, lt: end } },
      select: loanSelect,
      orderBy: { dueAt: "asc" },
      take: TODAY_LIST_LIMIT,
    }),
    ctx.db.loan.findMany({
      where: { locationId, status: "active", dueAt: { lt: start } },
      select: loanSelect,
      orderBy: { dueAt: "asc" },
      take: TODAY_LIST_LIMIT,
    }),
    ctx.db.mentoringSession.findMany({
      where: { startsAt: { gte: start, lt: end }, loan: { locationId } },
      select: {
        id: true,
        startsAt: true,
        durationMinutes: true,
        attendance: true,
        topics: true,
        mentor: { select: { name: true } },
        loan: { select: { id: true, person: { select: { firstName: true } }, device: { select: { assetTag: true } } } },
      },
      orderBy: { startsAt: "asc" },
      take: TODAY_LIST_LIMIT,
    }),
    ctx.db.reservation.findMany({
      where: { locationId, status: "waiting" },
      select: { id: true, createdAt: true, person: { select: { firstName: true } } },
      orderBy: { position: "asc" },
      take: WAITING_HEAD,
    }),
    ctx.db.reservation.findMany({
      where: { locationId, status: { in: ["offered", "accepted"] } },
      select: { id: true, status: true, offerExpiresAt: true, person: { select: { firstName: true } }, offeredDevice: { select: { assetTag: true } } },
      orderBy: { offerExpiresAt: "asc" },
      take: TODAY_LIST_LIMIT,
    }),
    ctx.db.device.findMany({
      where: { locationId, status: "needs_reset" },
      select: { id: true, assetTag: true, model: true },
      orderBy: { assetTag: "asc" },
      take: TODAY_LIST_LIMIT,
    }),
    ctx.db.loan.findMany({
      where: { locationId, followUp: { not: null }, followUpResolvedAt: null },
      select: { id: true, followUp: true, person: { select: { firstName: true } }, device: { select: { assetTag: true } } },
      orderBy: { checkedOutAt: "desc" },
      take: TODAY_LIST_LIMIT,
    }),
    ctx.db.device.groupBy({ by: ["status"], where: { locationId }, _count: { _all: true } }),
    ctx.db.mentoringTopic.findMany({ select: { id: true, key: true, labels: true } }),
  ]);

  await audit(ctx.db, ctx, { action: "today.viewed", subjectType: "Location", subjectId: location.id, locationId: location.id });

  const count = (status: string) => counts.find((c) => c.status === status)?._count._all ?? 0;
  const loanRow = (l: (typeof dueToday)[number]) => ({
    id: l.id,
    firstName: l.person.firstName,
    assetTag: l.device.assetTag,
    dueAt: l.dueAt.toISOString(),
  });
  return {
    location,
    date: date.toString(),
    counts: { available: count("available"), onLoan: count("on_loan"), inRepair: count("in_repair") },
    dueToday: dueToday.map(loanRow),
    overdue: overdue.map((l) => ({ ...loanRow(l), daysOverdue: Math.max(1, localDaysBetween(l.dueAt, now, tz)) })),
    sessions: sessions.map((s) => ({
      id: s.id,
      loanId: s.loan.id,
      startsAt: s.startsAt.toISOString(),
      durationMinutes: s.durationMinutes,
      attendance: s.attendance,
      firstName: s.loan.person.firstName,
      assetTag: s.loan.device.assetTag,
      mentor: s.mentor?.name ?? null,
      topics: jsonList(s.topics).flatMap((id) => topics.filter((t) => t.id === id)),
    })),
    waiting: waiting.map((r) => ({ id: r.id, firstName: r.person.firstName, since: r.createdAt.toISOString() })),
    offers: offers.map((r) => ({
      id: r.id,
      status: r.status,
      firstName: r.person.firstName,
      assetTag: r.offeredDevice?.assetTag ?? null,
      expiresAt: r.offerExpiresAt?.toISOString() ?? null,
    })),
    needsReset,
    followUps: followUps.map((l) => ({ id: l.id, firstName: l.person.firstName, assetTag: l.device.assetTag, followUp: l.followUp ?? "" })),
  };
}
