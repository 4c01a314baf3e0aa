import { describe, expect, it } from "vitest";
import { atLocalTime, nextSendableTime } from "~/lib/quiet-hours";

describe("quiet hours (20:00–09:00 in Berlin)", () => {
  it("lets a message go during the day", () => {
    const noon = new Date("2026-11-24T11:00:00Z"); // 12:00 CET
    expect(nextSendableTime(noon)).toEqual(noon);
  });

  it("holds an evening message until 09:00 the next morning", () => {
    expect(nextSendableTime(new Date("2026-11-24T19:30:00Z"))).toEqual(new Date("2026-11-25T08:00:00Z")); // 20:30 CET
  });

  it("holds a message at night until 09:00 the same morning", () => {
    expect(nextSendableTime(new Date("2026-11-24T02:00:00Z"))).toEqual(new Date("2026-11-24T08:00:00Z"));
  });

  it("keeps 09:00 local across the change to summer time (last Sunday of March)", () => {
    // Saturday 28 March 2026, 21:00 CET → Sunday 29 March 09:00 CEST = 07:00 UTC
    expect(nextSendableTime(new Date("2026-03-28T20:00:00Z"))).toEqual(new Date("2026-03-29T07:00:00Z"));
  });

  it("keeps 09:00 local across the change to winter time (last Sunday of October)", () => {
    // Saturday 24 October 2026, 22:00 CEST → Sunday 25 October 09:00 CET = 08:00 UTC
    expect(nextSendableTime(new Date("2026-10-24T20:00:00Z"))).toEqual(new Date("2026-10-25T08:00:00Z"));
  });

  it("gives a fixed local hour on the day in question", () => {
    expect(atLocalTime(new Date("2026-07-01T12:00:00Z"), 10)).toEqual(new Date("2026-07-01T08:00:00Z"));
    expect(atLocalTime(new Date("2026-12-01T12:00:00Z"), 10)).toEqual(new Date("2026-12-01T09:00:00Z"));
  });
});
