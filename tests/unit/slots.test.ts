// Slot generation: recurrence, one-offs, closures, capacity by channel, and the daylight-saving changes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { capacityByPool, findSlot, generateSlots, type HourRule } from "~/capabilities/scheduling/slots";

const TZ = "Europe/Berlin";
const tuesday: HourRule = {
  id: "tue",
  weekday: 2,
  onDate: null,
  startTime: "14:00",
  endTime: "17:00",
  slotMinutes: 30,
  capacity: 3,
  onlineCapacity: 1,
  phoneCapacity: 1,
  validFrom: null,
  validUntil: null,
  active: true,
};
const sunday: HourRule = { ...tuesday, id: "sun", weekday: 7, startTime: "10:00", endTime: "12:00", slotMinutes: 45 };

describe("slot generation", () => {
  it("cuts weekly hours into slots on the right weekday only", () => {
    const slots = generateSlots([tuesday], [], { fromDay: "2026-11-23", toDay: "2026-11-29", timeZone: TZ });
    expect(slots.map((s) => `${s.day} ${s.time}`)).toEqual([
      "2026-11-24 14:00", "2026-11-24 14:30", "2026-11-24 15:00", "2026-11-24 15:30", "2026-11-24 16:00", "2026-11-24 16:30",
    ]);
    expect(slots[0].startsAt.toISOString()).toBe("2026-11-24T13:00:00.000Z"); // CET = UTC+1
    expect(slots[0].endsAt.toISOString()).toBe("2026-11-24T13:30:00.000Z");
  });

  it("offers only slots that fit wholly into the hours (45 minutes in 10–12: two slots)", () => {
    const slots = generateSlots([sunday], [], { fromDay: "2026-11-29", toDay: "2026-11-29", timeZone: TZ });
    expect(slots.map((s) => s.time)).toEqual(["10:00", "10:45"]);
  });

  it("keeps 10:00 local on the Sunday clocks go forward (29 March 2026): 08:00 UTC instead of 09:00", () => {
    const [before] = generateSlots([sunday], [], { fromDay: "2026-03-22", toDay: "2026-03-22", timeZone: TZ });
    const [on] = generateSlots([sunday], [], { fromDay: "2026-03-29", toDay: "2026-03-29", timeZone: TZ });
    expect(before.startsAt.toISOString()).toBe("2026-03-22T09:00:00.000Z");
    expect(on.startsAt.toISOString()).toBe("2026-03-29T08:00:00.000Z");
  });

  it("keeps 10:00 local on the Sunday clocks go back (25 October 2026): 09:00 UTC instead of 08:00", () => {
    const [before] = generateSlots([sunday], [], { fromDay: "2026-10-18", toDay: "2026-10-18", timeZone: TZ });
    const [on] = generateSlots([sunday], [], { fromDay: "2026-10-25", toDay: "2026-10-25", timeZone: TZ });
    expect(before.startsAt.toISOString()).toBe("2026-10-18T08:00:00.000Z");
    expect(on.startsAt.toISOString()).toBe("2026-10-25T09:00:00.000Z");
  });

  it("gives a night slot across the October change its real length (01:30–03:30 local is three hours)", () => {
    const night: HourRule = { ...sunday, id: "night", startTime: "01:30", endTime: "03:30", slotMinutes: 120 };
    const [slot] = generateSlots([night], [], { fromDay: "2026-10-25", toDay: "2026-10-25", timeZone: TZ });
    expect((slot.endsAt.getTime() - slot.startsAt.getTime()) / 3_600_000).toBe(3);
  });

  it("skips closures and holidays, also over one-off hours on that day", () => {
    const oneOff: HourRule = { ...tuesday, id: "xmas", weekday: null, onDate: "2026-12-22", startTime: "10:00", endTime: "11:00" };
    const closures = [{ startsOn: "2026-12-22", endsOn: "2027-01-06" }];
    const slots = generateSlots([tuesday, oneOff], closures, { fromDay: "2026-12-15", toDay: "2027-01-13", timeZone: TZ });
    expect([...new Set(slots.map((s) => s.day))]).toEqual(["2026-12-15", "2027-01-12"]);
  });

  it("adds one-off extra hours on their date only", () => {
    const oneOff: HourRule = { ...tuesday, id: "extra", weekday: null, onDate: "2026-11-26", startTime: "10:00", endTime: "11:00" };
    const slots = generateSlots([oneOff], [], { fromDay: "2026-11-23", toDay: "2026-12-31", timeZone: TZ });
    expect(slots.map((s) => `${s.day} ${s.time}`)).toEqual(["2026-11-26 10:00", "2026-11-26 10:30"]);
  });

  it("respects the dates weekly hours are valid, and inactive hours offer nothing", () => {
    const limited = { ...tuesday, validFrom: "2026-12-01", validUntil: "2026-12-08" };
    const days = [...new Set(generateSlots([limited], [], { fromDay: "2026-11-24", toDay: "2026-12-22", timeZone: TZ }).map((s) => s.day))];
    expect(days).toEqual(["2026-12-01", "2026-12-08"]);
    expect(generateSlots([{ ...tuesday, active: false }], [], { fromDay: "2026-11-24", toDay: "2026-11-24", timeZone: TZ })).toEqual([]);
  });

  it("finds a requested slot only where the rules offer one", () => {
    const at = new Date("2026-11-24T13:30:00Z");
    expect(findSlot([tuesday], [], "tue", at, { day: "2026-11-24", timeZone: TZ })?.time).toBe("14:30");
    expect(findSlot([tuesday], [], "tue", new Date("2026-11-24T13:40:00Z"), { day: "2026-11-24", timeZone: TZ })).toBeNull();
    expect(findSlot([tuesday], [], "tue", new Date("2026-11-25T13:30:00Z"), { day: "2026-11-25", timeZone: TZ })).toBeNull();
  });
});

describe("capacity by channel", () => {
  it("splits a slot's places into online, phone and internal", () => {
    expect(capacityByPool({ capacity: 3, onlineCapacity: 1, phoneCapacity: 1 })).toEqual({ web: 1, phone: 1, internal: 1 });
    expect(capacityByPool({ capacity: 2, onlineCapacity: 2, phoneCapacity: 0 })).toEqual({ web: 2, phone: 0, internal: 0 });
  });

  it("never hands out more places than the slot has, whatever is configured", () => {
    fc.assert(
      fc.property(fc.nat(20), fc.nat(30), fc.nat(30), (capacity, onlineCapacity, phoneCapacity) => {
        const pools = capacityByPool({ capacity, onlineCapacity, phoneCapacity });
        expect(pools.web + pools.phone + pools.internal).toBe(capacity);
        expect(Math.min(pools.web, pools.phone, pools.internal)).toBeGreaterThanOrEqual(0);
      }),
    );
  });
});
