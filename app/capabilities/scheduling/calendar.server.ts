// A staff member's calendar feed: a secret URL their calendar app subscribes to. Only the sha256 of the secret is
// stored (a lookup by hash: nothing to compare in variable time); revoking nulls it. The feed carries as little
// personal data as possible: a reference in the summary, a first name in the description, never a phone number.
import crypto from "node:crypto";
import { createEvents, type EventAttributes } from "ics";
import type { Ctx, StaffCtx } from "~/context";
import { foldIcs } from "~/lib/ics-lines";
import { audit } from "~/capabilities/privacy/audit.server";
import type { AppointmentStatus, CallbackStatus } from "./values";

const FEED_PAST_DAYS = 7;
const FEED_FUTURE_DAYS = 8 * 7;

export const hashCalendarToken = (token: string) => crypto.createHash("sha256").update(token, "utf8").digest("hex");

/** Whether the staff member has a feed now. */
export async function hasCalendarFeed(ctx: StaffCtx) {
  const staff = await ctx.db.staff.findUnique({ where: { id: ctx.actor.staffId }, select: { calendarTokenHash: true } });
  return Boolean(staff?.calendarTokenHash);
}

/** A new secret (replacing any earlier one, which stops working). Returned once; only its hash is kept. */
export async function createCalendarToken(ctx: StaffCtx): Promise<string> {
  const token = crypto.randomBytes(32).toString("base64url");
  await ctx.db.$transaction(async (tx) => {
    await tx.staff.update({ where: { id: ctx.actor.staffId }, data: { calendarTokenHash: hashCalendarToken(token) } });
    await audit(ctx, tx, { action: "calendar.tokenCreated", subjectType: "Staff", subjectId: ctx.actor.staffId });
  });
  return token;
}

export async function revokeCalendarToken(ctx: StaffCtx): Promise<void> {
  await ctx.db.$transaction(async (tx) => {
    await tx.staff.update({ where: { id: ctx.actor.staffId }, data: { calendarTokenHash: null } });
    await audit(ctx, tx, { action: "calendar.tokenRevoked", subjectType: "Staff", subjectId: ctx.actor.staffId });
  });
}

const stamp = (at: Date) => at.getTime();

/** The iCalendar text for the token's owner, or null when the token is unknown or revoked. */
export async function calendarFeed(ctx: Ctx, token: string): Promise<string | null> {
  const now = ctx.clock.now();
  if (!token || token.length > 100) return null;
  const staff = await ctx.db.staff.findFirst({ where: { calendarTokenHash: hashCalendarToken(token), active: true }, select: { id: true } });
  if (!staff) return null;
  const from = new Date(now.getTime() - FEED_PAST_DAYS * 86_400_000);
  const to = new Date(now.getTime() + FEED_FUTURE_DAYS * 86_400_000);
  const [callbacks, appointments] = await Promise.all([
    ctx.db.callback.findMany({
      where: { assignedId: staff.id, status: "scheduled" satisfies CallbackStatus, scheduledAt: { gte: from, lte: to } },
      select: { id: true, reference: true, scheduledAt: true, slotKey: true, person: { select: { firstName: true } } },
      orderBy: { scheduledAt: "asc" },
    }),
    ctx.db.appointment.findMany({
      where: { status: "booked" satisfies AppointmentStatus, startsAt: { gte: from, lte: to }, OR: [{ helperId: staff.id }, { bookedById: staff.id }] },
      select: { id: true, reference: true, startsAt: true, endsAt: true, person: { select: { firstName: true } }, location: { select: { name: true } } },
      orderBy: { startsAt: "asc" },
    }),
  ]);
  const hours = await ctx.db.callbackHour.findMany({ where: { staffId: staff.id }, select: { slotMinutes: true } });
  const callMinutes = Math.max(10, ...hours.map((h) => h.slotMinutes));
  const events: EventAttributes[] = [
    ...callbacks.map((c) => ({
      uid: `callback-${c.id}@digitale-ambulanz`,
      start: stamp(c.scheduledAt!),
      startInputType: "utc" as const,
      startOutputType: "utc" as const,
      duration: { minutes: callMinutes },
      title: `Rückruf ${c.reference}`,
      description: c.person.firstName,
      busyStatus: "BUSY" as const,
    })),
    ...appointments.map((a) => ({
      uid: `appointment-${a.id}@digitale-ambulanz`,
      start: stamp(a.startsAt),
      startInputType: "utc" as const,
      startOutputType: "utc" as const,
      end: stamp(a.endsAt),
      endInputType: "utc" as const,
      endOutputType: "utc" as const,
      title: `Sprechstunde ${a.reference}`,
      description: a.person.firstName,
      location: a.location.name,
      busyStatus: "BUSY" as const,
    })),
  ];
  const { error, value } = createEvents(events, { productId: "digitale-ambulanz/calendar", calName: "Digitale Ambulanz" });
  if (error || !value) throw error ?? new Error("calendar feed could not be written");
  return foldIcs(value);
}
