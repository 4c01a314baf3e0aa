// Slot generation: consultation hours (weekly or one-off) minus closures, cut into slots, each with its capacity
// split by channel. Pure: local dates and times in the location's time zone in, UTC moments out — correct across
// the daylight-saving changes because every slot is placed by its local wall-clock time.
import { CalendarDate, CalendarDateTime, getDayOfWeek, parseDate, toZoned } from "@internationalized/date";
import type { Pool } from "./values";

export interface HourRule {
  id: string;
  weekday: number | null; // 1 = Monday … 7 = Sunday
  onDate: string | null; // "YYYY-MM-DD" for a one-off
  startTime: string; // "HH:MM" local
  endTime: string;
  slotMinutes: number;
  capacity: number;
  onlineCapacity: number;
  phoneCapacity: number;
  validFrom: string | null;
  validUntil: string | null;
  active: boolean;
}

export interface ClosureRule {
  startsOn: string;
  endsOn: string;
}

export interface Slot {
  hourId: string;
  /** The local day "YYYY-MM-DD" and time "HH:MM" as people read them */
  day: string;
  time: string;
  startsAt: Date;
  endsAt: Date;
  capacity: Record<Pool, number>;
}

/** How a slot's places are split: online and phone as configured, the rest internal (never negative). */
export function capacityByPool(hour: Pick<HourRule, "capacity" | "onlineCapacity" | "phoneCapacity">): Record<Pool, number> {
  const web = Math.max(0, Math.min(hour.onlineCapacity, hour.capacity));
  const phone = Math.max(0, Math.min(hour.phoneCapacity, hour.capacity - web));
  return { web, phone, internal: Math.max(0, hour.capacity - web - phone) };
}

const minutesOf = (time: string) => {
  const [h, m] = time.split(":").map(Number);
  return h * 60 + m;
};
const timeOf = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, "0")}:${String(minutes % 60).padStart(2, "0")}`;

/** ISO weekday (1 = Monday) of a calendar date, independent of any locale. */
export function isoWeekday(date: CalendarDate): number {
  // getDayOfWeek with a locale whose week starts on Monday gives 0 = Monday.
  return getDayOfWeek(date, "de-DE") + 1;
}

function closed(day: string, closures: ClosureRule[]): boolean {
  return closures.some((c) => c.startsOn <= day && day <= c.endsOn);
}

function appliesOn(hour: HourRule, date: CalendarDate): boolean {
  const day = date.toString();
  if (!hour.active) return false;
  if (hour.onDate) return hour.onDate === day;
  if (hour.weekday !== isoWeekday(date)) return false;
  if (hour.validFrom && day < hour.validFrom) return false;
  if (hour.validUntil && day > hour.validUntil) return false;
  return true;
}

/**
 * Every slot from `fromDay` to `toDay` (inclusive, local days), in time order. Closures win over one-off hours
 * (a holiday closes the building). Slots that do not fit wholly before the end time are not offered.
 */
export function generateSlots(
  hours: HourRule[],
  closures: ClosureRule[],
  { fromDay, toDay, timeZone }: { fromDay: string; toDay: string; timeZone: string },
): Slot[] {
  const slots: Slot[] = [];
  const last = parseDate(toDay);
  for (let date = parseDate(fromDay); date.compare(last) <= 0; date = date.add({ days: 1 })) {
    const day = date.toString();
    if (closed(day, closures)) continue;
    for (const hour of hours) {
      if (!appliesOn(hour, date) || hour.slotMinutes <= 0) continue;
      const end = minutesOf(hour.endTime);
      for (let start = minutesOf(hour.startTime); start + hour.slotMinutes <= end; start += hour.slotMinutes) {
        const local = new CalendarDateTime(date.year, date.month, date.day, Math.floor(start / 60), start % 60);
        const startsAt = toZoned(local, timeZone).toDate();
        const localEnd = local.add({ minutes: hour.slotMinutes });
        slots.push({
          hourId: hour.id,
          day,
          time: timeOf(start),
          startsAt,
          endsAt: toZoned(localEnd, timeZone).toDate(),
          capacity: capacityByPool(hour),
        });
      }
    }
  }
  return slots.sort((a, b) => a.startsAt.getTime() - b.startsAt.getTime() || a.hourId.localeCompare(b.hourId));
}

/** The slot of `hourId` starting at `startsAt`, if the rules offer it; used to check a booking request. */
export function findSlot(
  hours: HourRule[],
  closures: ClosureRule[],
  hourId: string,
  startsAt: Date,
  { day, timeZone }: { day: string; timeZone: string },
): Slot | null {
  const hour = hours.find((h) => h.id === hourId);
  if (!hour) return null;
  return (
    generateSlots([hour], closures, { fromDay: day, toDay: day, timeZone }).find((s) => s.startsAt.getTime() === startsAt.getTime()) ??
    null
  );
}
