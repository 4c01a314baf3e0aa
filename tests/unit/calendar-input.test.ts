// The one strict reader of dates and times from forms and URLs: impossible dates are refused, every real one passes.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { isCalendarDay, isInstant, isLocalDateTime, isSlotValue, isTimeOfDay } from "~/lib/calendar-input";

describe("calendar input", () => {
  it("refuses days that do not exist", () => {
    for (const v of ["2026-02-30", "2026-13-01", "0000-00-00", "2026-02-29", "2026-04-31", "2026-00-10", "2026-1-1", "", "2026-02-28 ", "99999-01-01"]) {
      expect(isCalendarDay(v), v).toBe(false);
    }
    expect(isCalendarDay("2028-02-29")).toBe(true);
    expect(isCalendarDay("2000-02-29")).toBe(true);
    expect(isCalendarDay("2100-02-29")).toBe(false);
  });

  it("agrees with the calendar on every day", () => {
    fc.assert(
      fc.property(fc.integer({ min: 1000, max: 9999 }), fc.integer({ min: 0, max: 13 }), fc.integer({ min: 0, max: 32 }), (y, m, d) => {
        const text = `${y}-${String(m).padStart(2, "0")}-${String(d).padStart(2, "0")}`;
        const date = new Date(Date.UTC(2000, m - 1, d));
        date.setUTCFullYear(y);
        const exists = m >= 1 && m <= 12 && d >= 1 && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
        expect(isCalendarDay(text)).toBe(exists);
      }),
    );
  });

  it("reads times, local date-times, instants and slot values strictly", () => {
    expect(isTimeOfDay("23:59")).toBe(true);
    expect(isTimeOfDay("24:00")).toBe(false);
    expect(isTimeOfDay("10:99")).toBe(false);
    expect(isLocalDateTime("2026-12-24T09:30")).toBe(true);
    expect(isLocalDateTime("2026-02-30T09:30")).toBe(false);
    expect(isLocalDateTime("2026-06-01T25:61")).toBe(false);
    expect(isInstant("2026-12-24T08:30:00.000Z")).toBe(true);
    expect(isInstant("2026-13-01T08:30:00.000Z")).toBe(false);
    expect(isInstant("2026-12-24T08:30:00.000")).toBe(false);
    expect(isSlotValue("hour1|2026-12-24T08:30:00.000Z")).toBe(true);
    expect(isSlotValue("hour1|2026-02-30T08:30:00.000Z")).toBe(false);
    expect(isSlotValue("|2026-12-24T08:30:00.000Z")).toBe(false);
  });
});
