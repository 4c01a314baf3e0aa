// Free places: the slots the rules offer, minus what is booked, per channel pool. One grouped query per range.
import { fromDate, toCalendarDate } from "@internationalized/date";
import type { Ctx, Tx } from "~/context";
import { generateSlots, type ClosureRule, type HourRule, type Slot } from "./slots";
import { type AppointmentStatus, ONLINE_LEAD_MINUTES, type Pool } from "./values";

export interface Schedule {
  location: { id: string; timeZone: string; name: string };
  /** The hours as stored (their topics too, a JSON list of topic keys). */
  hours: (HourRule & { topics?: string })[];
  closures: ClosureRule[];
}

/** A location's active hours and its closures from today (there) on, as the slot generator reads them. */
export async function loadSchedule(ctx: Ctx, tx: Tx, locationId: string, now: Date): Promise<Schedule | null> {
  const location = await tx.location.findUnique({ where: { id: locationId }, select: { id: true, timeZone: true, name: true } });
  if (!location) return null;
  const fromDay = localDay(now, location.timeZone);
  const [hours, closures] = await Promise.all([
    tx.consultationHour.findMany({ where: { locationId, active: true } }),
    tx.closure.findMany({ where: { locationId, endsOn: { gte: fromDay } }, select: { startsOn: true, endsOn: true } }),
  ]);
  return { location, hours, closures };
}

/** The local calendar day of a moment at a place ("2026-11-24"). */
export function localDay(at: Date, timeZone: string): string {
  return toCalendarDate(fromDate(at, timeZone)).toString();
}

export interface FreeSlot extends Slot {
  free: Record<Pool, number>;
}

/** Seat key of one place: unique while booked, so no slot ever holds more bookings than its capacity. */
export const seatKey = (hourId: string, startsAt: Date, pool: Pool, seat: number) => `${hourId}|${startsAt.toISOString()}|${pool}|${seat}`;

/** Booked counts per slot and pool between two moments. */
async function bookedCounts(ctx: Ctx, tx: Tx, locationId: string, from: Date, to: Date) {
  const rows = await tx.appointment.groupBy({
    by: ["consultationHourId", "startsAt", "pool"],
    where: { locationId, status: "booked" satisfies AppointmentStatus, startsAt: { gte: from, lte: to } },
    _count: { _all: true },
  });
  return new Map(rows.map((r) => [`${r.consultationHourId}|${r.startsAt.toISOString()}|${r.pool}`, r._count._all]));
}

/**
 * Every slot from `fromDay` to `toDay` with its free places per pool. Slots already begun are left out; for the
 * online pool also those starting within ONLINE_LEAD_MINUTES (staff can still book them by phone).
 */
export async function freeSlots(
  ctx: Ctx,
  tx: Tx,
  schedule: Schedule,
  { fromDay, toDay, now }: { fromDay: string; toDay: string; now: Date },
): Promise<FreeSlot[]> {
  const slots = generateSlots(schedule.hours, schedule.closures, { fromDay, toDay, timeZone: schedule.location.timeZone });
  if (!slots.length) return [];
  const booked = await bookedCounts(ctx, tx, schedule.location.id, slots[0].startsAt, slots[slots.length - 1].startsAt);
  const onlineFrom = now.getTime() + ONLINE_LEAD_MINUTES * 60_000;
  return slots
    .filter((slot) => slot.startsAt > now)
    .map((slot) => {
      const free = (pool: Pool) => Math.max(0, slot.capacity[pool] - (booked.get(`${slot.hourId}|${slot.startsAt.toISOString()}|${pool}`) ?? 0));
      return {
        ...slot,
        free: { web: slot.startsAt.getTime() >= onlineFrom ? free("web") : 0, phone: free("phone"), internal: free("internal") },
      };
    });
}
