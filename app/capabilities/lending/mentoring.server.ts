// Mentoring sessions (Betreuungstermine) of a loan: plan one, record what happened, change it afterwards.
// A planned session reminds the borrower the day before at 10:00 local time through the outbox.
import { CalendarDateTime, fromDate, parseDate, toCalendarDate, toZoned } from "@internationalized/date";
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { nextSendableTime } from "~/lib/quiet-hours";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";
import { jsonList, NOTES_MAX, SESSION_ATTENDANCE, type SessionAttendance } from "./values";
import type { MessageStatus } from "~/capabilities/messaging/values";
import type { Role } from "~/capabilities/people/values";
import { isCalendarDay } from "~/lib/calendar-input";

export const SESSION_MIN_MINUTES = 15;
export const SESSION_MAX_MINUTES = 240;
/** The reminder goes out the day before at this hour, in the location's time zone. */
export const REMINDER_HOUR = 10;

export const SessionInput = z
  .object({
    date: z
      .string({ error: "mentoring:errors.dateRequired" })
      .trim()
      .refine(isCalendarDay, { error: "mentoring:errors.dateRequired" }),
    time: z
      .string({ error: "mentoring:errors.timeRequired" })
      .trim()
      .regex(/^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/, { error: "mentoring:errors.timeRequired" }),
    durationMinutes: z.coerce
      .number({ error: "mentoring:errors.durationInvalid" })
      .int({ error: "mentoring:errors.durationInvalid" })
      .min(SESSION_MIN_MINUTES, { error: "mentoring:errors.durationInvalid" })
      .max(SESSION_MAX_MINUTES, { error: "mentoring:errors.durationInvalid" }),
    topics: z.array(z.string().trim().min(1)).default([]),
    attendance: z.enum(SESSION_ATTENDANCE, { error: "mentoring:errors.attendanceRequired" }),
    notes: z.string().trim().max(NOTES_MAX, { error: "mentoring:errors.notesTooLong" }).optional(),
    mentorId: z.string().trim().optional(),
    idempotencyKey: z.string().trim().max(100).optional(),
  })
  .refine((s) => s.attendance !== "attended" || s.topics.length > 0, {
    error: "mentoring:errors.topicsRequired",
    path: ["topics"],
  });
export type SessionData = z.output<typeof SessionInput>;

/** Date + time of day in a place → the UTC instant (DST-safe: times in the spring gap move forward). */
export function localToUtc(date: string, time: string, timeZone: string): Date {
  const day = parseDate(date);
  const [hour, minute] = time.split(":").map(Number);
  return toZoned(new CalendarDateTime(day.year, day.month, day.day, hour, minute), timeZone).toDate();
}

/** The UTC instant back to the form's date and time in a place. */
export function utcToLocal(at: Date, timeZone: string): { date: string; time: string } {
  const local = fromDate(at, timeZone);
  const pad = (n: number) => String(n).padStart(2, "0");
  return { date: toCalendarDate(local).toString(), time: `${pad(local.hour)}:${pad(local.minute)}` };
}

/** 10:00 local on the day before the session. */
export function reminderTime(startsAt: Date, timeZone: string): Date {
  const day = toCalendarDate(fromDate(startsAt, timeZone)).subtract({ days: 1 });
  return toZoned(new CalendarDateTime(day.year, day.month, day.day, REMINDER_HOUR, 0), timeZone).toDate();
}

const sameLocalDay = (a: Date, b: Date, timeZone: string) =>
  toCalendarDate(fromDate(a, timeZone)).compare(toCalendarDate(fromDate(b, timeZone))) === 0;

const reminderKey = (sessionId: string, startsAt: Date) => `mentoring-reminder:${sessionId}:${startsAt.toISOString()}`;

async function loanForStaff(ctx: StaffCtx, tx: Tx, loanId: string) {
  const loan = await tx.loan.findUnique({
    where: { id: loanId },
    include: { person: true, location: true },
  });
  if (!loan) throw notFound("loan");
  if (!can(ctx.actor, "loan:manage", loan.locationId)) throw forbidden("loan:manage");
  return loan;
}
type LoanWithPlace = Awaited<ReturnType<typeof loanForStaff>>;

async function checkTopics(ctx: Ctx, tx: Tx, ids: string[], allowed: string[] = []) {
  const unique = [...new Set(ids)];
  const found = await tx.mentoringTopic.findMany({ where: { id: { in: unique } }, select: { id: true, active: true } });
  const ok = unique.every((id) => found.some((t) => t.id === id && (t.active || allowed.includes(id))));
  if (!ok) throw new AppError(400, "mentoring:errors.topicUnknown");
  return unique;
}

/** The mentor: given, else the loan's, else the actor; must work at the loan's place or programme-wide. */
async function checkMentor(ctx: StaffCtx, tx: Tx, loan: LoanWithPlace, mentorId: string | undefined | null) {
  const id = mentorId || loan.mentorId || ctx.actor.staffId;
  const mentor = await tx.staff.findUnique({ where: { id }, include: { memberships: { where: { locationId: loan.locationId } } } });
  if (!mentor || !mentor.active) throw new AppError(400, "mentoring:errors.mentorNotAtLocation");
  const programmeWide = mentor.role === "coordinator" || mentor.role === "admin";
  if (!programmeWide && mentor.memberships.length === 0) throw new AppError(400, "mentoring:errors.mentorNotAtLocation");
  return mentor;
}

function checkOutcomeTime(ctx: StaffCtx, attendance: SessionAttendance, startsAt: Date) {
  if (attendance !== "planned" && startsAt.getTime() > ctx.clock.now().getTime()) {
    throw new AppError(400, "mentoring:errors.outcomeInFuture");
  }
}

/** Queues (or revives) the reminder for a planned session; nothing when its time has gone by. */
async function queueReminder(ctx: StaffCtx, tx: Tx, loan: LoanWithPlace, session: { id: string; startsAt: Date; mentorId: string | null }) {
  const now = ctx.clock.now();
  if (session.startsAt.getTime() <= now.getTime()) return;
  const tz = loan.location.timeZone;
  const due = reminderTime(session.startsAt, tz);
  const sendAfter = nextSendableTime(due.getTime() > now.getTime() ? due : now, tz);
  // The message says "tomorrow": planned late, it still goes out the day before (outside quiet hours), or not at all.
  if (!sameLocalDay(sendAfter, due, tz)) return;
  const mentor = session.mentorId ? await tx.staff.findUnique({ where: { id: session.mentorId }, select: { name: true } }) : null;
  const lng = loan.person.language;
  const params = {
    firstName: loan.person.firstName,
    date: new Intl.DateTimeFormat(lng, { weekday: "long", day: "numeric", month: "long", timeZone: tz }).format(session.startsAt),
    time: new Intl.DateTimeFormat(lng, { hour: "2-digit", minute: "2-digit", hourCycle: "h23", timeZone: tz }).format(session.startsAt),
    place: `${loan.location.name}, ${loan.location.street}`,
    mentor: (mentor?.name ?? "").split(/\s+/)[0] ?? "",
  };
  const key = reminderKey(session.id, session.startsAt);
  const earlier = await tx.message.findUnique({ where: { idempotencyKey: key } });
  if (earlier) {
    // Moved away and back again: the same reminder counts again.
    if (earlier.status === "cancelled") await tx.message.update({ where: { id: earlier.id }, data: { status: "queued" satisfies MessageStatus, sendAfter } });
    return;
  }
  await ctx.messenger.send(tx, { to: loan.person, template: "mentoringReminder", params, sendAfter, timeZone: tz, idempotencyKey: key });
}

async function cancelReminder(ctx: Ctx, tx: Tx, session: { id: string; startsAt: Date }) {
  await tx.message.updateMany({
    where: { idempotencyKey: reminderKey(session.id, session.startsAt), status: "queued" satisfies MessageStatus },
    data: { status: "cancelled" satisfies MessageStatus },
  });
}

async function createSession(ctx: StaffCtx, loanId: string, input: SessionData) {
  return ctx.db.$transaction(async (tx) => {
    const loan = await loanForStaff(ctx, tx, loanId);
    if (input.idempotencyKey) {
      const replay = await tx.mentoringSession.findUnique({ where: { idempotencyKey: input.idempotencyKey } });
      if (replay) {
        if (replay.loanId !== loan.id) throw new AppError(409, "mentoring:errors.replayOtherLoan");
        return replay;
      }
    }
    if (loan.status !== "active") throw new AppError(409, "mentoring:errors.loanNotActive");
    const startsAt = localToUtc(input.date, input.time, loan.location.timeZone);
    checkOutcomeTime(ctx, input.attendance, startsAt);
    const topics = await checkTopics(ctx, tx, input.topics);
    const mentor = await checkMentor(ctx, tx, loan, input.mentorId);
    const session = await tx.mentoringSession.create({
      data: {
        loanId: loan.id,
        mentorId: mentor.id,
        startsAt,
        durationMinutes: input.durationMinutes,
        topics: JSON.stringify(topics),
        notes: input.notes || null,
        attendance: input.attendance,
        idempotencyKey: input.idempotencyKey || null,
        createdAt: ctx.clock.now(),
      },
    });
    if (session.attendance === "planned") await queueReminder(ctx, tx, loan, session);
    await audit(ctx, tx, {
      action: "mentoring.session.created",
      subjectType: "MentoringSession",
      subjectId: session.id,
      locationId: loan.locationId,
      details: { loanId: loan.id, attendance: session.attendance },
    });
    return session;
  });
}

/** A session still to come: always "planned", whatever the form said. */
export function planSession(ctx: StaffCtx, loanId: string, input: SessionData) {
  return createSession(ctx, loanId, { ...input, attendance: "planned" });
}

/** A session as the form says: planned, or already held (attended / no-show). */
export function recordSession(ctx: StaffCtx, loanId: string, input: SessionData) {
  return createSession(ctx, loanId, input);
}

/** Reschedule, record attendance and notes afterwards. The old reminder is cancelled when the time changes. */
export async function updateSession(ctx: StaffCtx, sessionId: string, input: SessionData) {
  return ctx.db.$transaction(async (tx) => {
    const existing = await tx.mentoringSession.findUnique({ where: { id: sessionId } });
    if (!existing) throw notFound("session");
    const loan = await loanForStaff(ctx, tx, existing.loanId);
    const startsAt = localToUtc(input.date, input.time, loan.location.timeZone);
    checkOutcomeTime(ctx, input.attendance, startsAt);
    const topics = await checkTopics(ctx, tx, input.topics, jsonList(existing.topics));
    const mentor = await checkMentor(ctx, tx, loan, input.mentorId || existing.mentorId);
    const session = await tx.mentoringSession.update({
      where: { id: existing.id },
      data: {
        mentorId: mentor.id,
        startsAt,
        durationMinutes: input.durationMinutes,
        topics: JSON.stringify(topics),
        notes: input.notes || null,
        attendance: input.attendance,
      },
    });
    const moved = existing.startsAt.getTime() !== startsAt.getTime();
    if (moved || session.attendance !== "planned") await cancelReminder(ctx, tx, existing);
    if (session.attendance === "planned" && loan.status === "active") await queueReminder(ctx, tx, loan, session);
    await audit(ctx, tx, {
      action: "mentoring.session.updated",
      subjectType: "MentoringSession",
      subjectId: session.id,
      locationId: loan.locationId,
      details: { loanId: loan.id, attendance: session.attendance, rescheduled: moved },
    });
    return session;
  });
}

/** What the session pages show about a loan: first name, device tag, place, learning goals, mentors to choose from. */
export async function sessionContext(ctx: StaffCtx, loanId: string) {
  const loan = await ctx.db.loan.findUnique({
    where: { id: loanId },
    select: {
      id: true,
      status: true,
      locationId: true,
      mentorId: true,
      learningGoals: true,
      person: { select: { firstName: true } },
      device: { select: { assetTag: true } },
      location: { select: { name: true, timeZone: true } },
    },
  });
  if (!loan) throw notFound("loan");
  if (!can(ctx.actor, "loan:manage", loan.locationId)) throw forbidden("loan:manage");
  const [mentors, topics] = await Promise.all([
    ctx.db.staff.findMany({
      where: { active: true, OR: [{ role: { in: ["coordinator", "admin"] satisfies Role[] } }, { memberships: { some: { locationId: loan.locationId } } }] },
      select: { id: true, name: true },
      orderBy: { name: "asc" },
    }),
    ctx.db.mentoringTopic.findMany({ orderBy: [{ sortOrder: "asc" }, { key: "asc" }] }),
  ]);
  await audit(ctx, ctx.db, { action: "loan.viewed", subjectType: "Loan", subjectId: loan.id, locationId: loan.locationId, details: { page: "mentoring" } });
  const goals = jsonList<{ topicId: string; achieved: boolean | null }>(loan.learningGoals);
  return { loan, mentors, topics, goals };
}

export async function getSession(ctx: StaffCtx, loanId: string, sessionId: string) {
  const session = await ctx.db.mentoringSession.findUnique({ where: { id: sessionId }, include: { mentor: { select: { name: true } } } });
  if (!session || session.loanId !== loanId) throw notFound("session");
  return session;
}
