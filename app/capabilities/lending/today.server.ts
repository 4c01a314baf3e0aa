// "Today at my location": what a volunteer needs at the start of a shift, for one place, in a handful of indexed
// queries (each with a limit; nothing per row). "Today" is the calendar day in the location's time zone.
import { CalendarDate, fromDate, toCalendarDate, toZoned } from "@internationalized/date";
import type { StaffCtx } from "~/context";
import { forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";
import { type DeviceStatus, jsonList } from "./values";

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
  // Plain SQL with joins: each list is one statement on its index (see EXPLAIN QUERY PLAN in decision 011). The same
  // lists through Prisma's relation selects were about twenty statements and most of this page's server time.
  type LoanRow = { id: string; dueAt: Date; firstName: string; deviceId: string; assetTag: string };
  const loansDue = (from: Date | null, to: Date) => ctx.db.$queryRaw<LoanRow[]>`
    SELECT l.id, l.dueAt, p.firstName, d.id AS deviceId, d.assetTag
    FROM Loan l JOIN Person p ON p.id = l.personId JOIN Device d ON d.id = l.deviceId
    WHERE l.locationId = ${locationId} AND l.status = 'active' AND l.dueAt >= ${from ?? new Date(0)} AND l.dueAt < ${to}
    ORDER BY l.dueAt ASC, l.id ASC LIMIT ${TODAY_LIST_LIMIT}`;

  const [dueToday, overdue, sessions, waiting, offers, needsReset, followUps, counts, topics] = await Promise.all([
    loansDue(start, end),
    loansDue(null, start),
    ctx.db.$queryRaw<
      { id: string; startsAt: Date; durationMinutes: number | bigint; attendance: string; topics: string; mentor: string | null; loanId: string; firstName: string; assetTag: string }[]
    >`
      SELECT s.id, s.startsAt, s.durationMinutes, s.attendance, s.topics, m.name AS mentor, l.id AS loanId, p.firstName, d.assetTag
      FROM MentoringSession s JOIN Loan l ON l.id = s.loanId JOIN Person p ON p.id = l.personId JOIN Device d ON d.id = l.deviceId
      LEFT JOIN Staff m ON m.id = s.mentorId
      WHERE s.startsAt >= ${start} AND s.startsAt < ${end} AND l.locationId = ${locationId}
      ORDER BY s.startsAt ASC, s.id ASC LIMIT ${TODAY_LIST_LIMIT}`,
    ctx.db.$queryRaw<{ id: string; createdAt: Date; firstName: string }[]>`
      SELECT r.id, r.createdAt, p.firstName FROM Reservation r JOIN Person p ON p.id = r.personId
      WHERE r.locationId = ${locationId} AND r.status = 'waiting'
      ORDER BY r.position ASC LIMIT ${WAITING_HEAD}`,
    ctx.db.$queryRaw<{ id: string; status: string; offerExpiresAt: Date | null; firstName: string; assetTag: string | null }[]>`
      SELECT r.id, r.status, r.offerExpiresAt, p.firstName, d.assetTag
      FROM Reservation r JOIN Person p ON p.id = r.personId LEFT JOIN Device d ON d.id = r.offeredDeviceId
      WHERE r.locationId = ${locationId} AND r.status IN ('offered', 'accepted')
      ORDER BY r.offerExpiresAt ASC, r.id ASC LIMIT ${TODAY_LIST_LIMIT}`,
    ctx.db.$queryRaw<{ id: string; assetTag: string; model: string }[]>`
      SELECT id, assetTag, model FROM Device WHERE locationId = ${locationId} AND status = 'needs_reset'
      ORDER BY assetTag ASC LIMIT ${TODAY_LIST_LIMIT}`,
    ctx.db.$queryRaw<{ id: string; followUp: string | null; firstName: string; assetTag: string }[]>`
      SELECT l.id, l.followUp, p.firstName, d.assetTag
      FROM Loan l JOIN Person p ON p.id = l.personId JOIN Device d ON d.id = l.deviceId
      WHERE l.locationId = ${locationId} AND l.followUp IS NOT NULL AND l.followUpResolvedAt IS NULL
      ORDER BY l.checkedOutAt DESC, l.id ASC LIMIT ${TODAY_LIST_LIMIT}`,
    ctx.db.$queryRaw<{ status: string; n: number | bigint }[]>`
      SELECT status, COUNT(*) AS n FROM Device WHERE locationId = ${locationId} GROUP BY status`,
    ctx.db.$queryRaw<{ id: string; key: string; labels: string }[]>`SELECT id, key, labels FROM MentoringTopic`,
  ]);

  await audit(ctx, ctx.db, { action: "today.viewed", subjectType: "Location", subjectId: location.id, locationId: location.id });

  const count = (status: DeviceStatus) => Number(counts.find((c) => c.status === status)?.n ?? 0);
  const loanRow = (l: LoanRow) => ({ id: l.id, firstName: l.firstName, assetTag: l.assetTag, dueAt: l.dueAt.toISOString() });
  return {
    location,
    date: date.toString(),
    counts: { available: count("available"), onLoan: count("on_loan"), inRepair: count("in_repair") },
    dueToday: dueToday.map(loanRow),
    overdue: overdue.map((l) => ({ ...loanRow(l), daysOverdue: Math.max(1, localDaysBetween(l.dueAt, now, tz)) })),
    sessions: sessions.map((s) => ({
      id: s.id,
      loanId: s.loanId,
      startsAt: s.startsAt.toISOString(),
      durationMinutes: Number(s.durationMinutes),
      attendance: s.attendance,
      firstName: s.firstName,
      assetTag: s.assetTag,
      mentor: s.mentor,
      topics: jsonList(s.topics).flatMap((id) => topics.filter((t) => t.id === id)),
    })),
    waiting: waiting.map((r) => ({ id: r.id, firstName: r.firstName, since: r.createdAt.toISOString() })),
    offers: offers.map((r) => ({
      id: r.id,
      status: r.status,
      firstName: r.firstName,
      assetTag: r.assetTag,
      expiresAt: r.offerExpiresAt?.toISOString() ?? null,
    })),
    needsReset,
    followUps: followUps.map((l) => ({ id: l.id, firstName: l.firstName, assetTag: l.assetTag, followUp: l.followUp ?? "" })),
  };
}
