// Limits on what one phone number may hold and be sent (decision 025): open online bookings and day waiting lists
// are capped per number by a unique key, so racing requests cannot pass the cap; a refused booking sends nothing;
// the public forms' per-address and per-number counts, and one message budget per number across all of them.
import { describe, expect, it } from "vitest";
import { bookAppointment, BookingInput } from "~/capabilities/scheduling/appointments.server";
import { createHour, HourInput } from "~/capabilities/scheduling/hours.server";
import { JoinDayWaitInput, joinDayWaitingList } from "~/capabilities/scheduling/day-waits.server";
import { cancelMyAppointment, moveMyAppointment } from "~/capabilities/scheduling/my-appointment.server";
import { DAY_WAITS_PER_NUMBER, ONLINE_BOOKINGS_PER_NUMBER } from "~/capabilities/scheduling/values";
import { withActor } from "~/context";
import { AppError } from "~/lib/errors";
import {
  allowAppointmentChange,
  allowCallbackRequest,
  allowOnlineBooking,
  allowProblemReport,
  BOOKINGS_PER_ADDRESS,
  PUBLIC_MESSAGES_PER_NUMBER,
} from "~/web/rate-limit.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

// Monday 23 November 2026, 11:00 in Berlin.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db } = services;
const library = await makeLocation(db, { kind: "library", name: "Stadtbibliothek" });
const librarian = staffContext(services, await makeStaff(db, { role: "librarian", locationIds: [library.id] }));
const citizen = withActor(services, { kind: "citizen" });

const hour = (values: Record<string, string>) =>
  createHour(librarian, HourInput.parse({ locationId: library.id, kind: "weekly", slotMinutes: "30", active: "on", phoneCapacity: "0", ...values }));
// Wednesdays 10:00–12:00, three online places per slot (and one internal); Tuesdays one slot with one online place (a day soon full).
const wednesday = await hour({ weekday: "3", startTime: "10:00", endTime: "12:00", capacity: "4", onlineCapacity: "3" });
const tuesday = await hour({ weekday: "2", startTime: "14:00", endTime: "14:30", capacity: "1", onlineCapacity: "1" });

let n = 0;
const newNumber = () => `0151 ${String(50000000 + ++n)}`;
const e164 = (number: string) => `+49${number.replace(/\D/g, "").slice(1)}`;
const book = (hourId: string, startsAt: string, number: string) =>
  bookAppointment(citizen, {
    ...BookingInput.parse({
      locationId: library.id,
      slot: `${hourId}|${startsAt}`,
      person: { firstName: "Gisela", phone: number, language: "de", contactPreference: "sms" },
    }),
    pool: "web",
    channel: "web",
  });
const messagesTo = (number: string) => db.message.count({ where: { toPhone: e164(number) } });
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).messageKey;
}

describe("open online bookings per phone number", () => {
  it("refuses the 3rd online booking for the same number and sends no SMS for it", async () => {
    const number = newNumber();
    await book(wednesday.id, "2026-11-25T09:00:00.000Z", number);
    await book(wednesday.id, "2026-11-25T09:30:00.000Z", number);
    expect(await messagesTo(number)).toBe(ONLINE_BOOKINGS_PER_NUMBER);
    expect(await refusal(book(wednesday.id, "2026-12-02T09:00:00.000Z", number))).toBe("scheduling:errors.tooManyOnline");
    expect(await messagesTo(number)).toBe(ONLINE_BOOKINGS_PER_NUMBER);
    expect(await db.appointment.count({ where: { person: { phone: e164(number) }, status: "booked" } })).toBe(2);
  });

  it("parallel bookings for one number do not exceed the cap", async () => {
    const number = newNumber();
    const slots = ["09:00", "09:30", "10:00", "10:30"].map((t) => `2026-12-09T${t}:00.000Z`);
    const results = await Promise.allSettled(slots.map((at) => book(wednesday.id, at, number)));
    expect(results.filter((r) => r.status === "fulfilled")).toHaveLength(ONLINE_BOOKINGS_PER_NUMBER);
    for (const r of results.filter((r) => r.status === "rejected")) {
      expect(((r as PromiseRejectedResult).reason as AppError).messageKey).toBe("scheduling:errors.tooManyOnline");
    }
    expect(await db.appointment.count({ where: { person: { phone: e164(number) }, status: "booked" } })).toBe(ONLINE_BOOKINGS_PER_NUMBER);
    expect(await messagesTo(number)).toBe(ONLINE_BOOKINGS_PER_NUMBER);
  });

  it("a number at the cap can still move a booking, and books again after cancelling one or once one has passed", async () => {
    const number = newNumber();
    await book(wednesday.id, "2026-11-25T10:00:00.000Z", number);
    const second = await book(wednesday.id, "2026-12-16T09:00:00.000Z", number);
    const moved = await moveMyAppointment(citizen, { reference: second.reference, phone: number, slot: `${wednesday.id}|2026-12-16T09:30:00.000Z` });
    expect(moved.reference).not.toBe(second.reference);
    expect(await refusal(book(wednesday.id, "2026-12-16T10:00:00.000Z", number))).toBe("scheduling:errors.tooManyOnline");

    await cancelMyAppointment(citizen, { reference: moved.reference, phone: number });
    await book(wednesday.id, "2026-12-16T10:00:00.000Z", number);
    // Staff booking by phone are not capped.
    const byPhone = await bookAppointment(librarian, {
      ...BookingInput.parse({ locationId: library.id, slot: `${wednesday.id}|2026-12-16T10:30:00.000Z`, person: { firstName: "Gisela", phone: number, language: "de", contactPreference: "sms" } }),
      pool: "internal",
      channel: "phone",
    });
    expect(byPhone.reference).toBeTruthy();
    // A week later the first one has passed: its place is free again.
    services.clock.advance(3 * 86_400_000);
    await book(wednesday.id, "2026-12-23T09:00:00.000Z", number);
    services.clock.set(new Date("2026-11-23T10:00:00Z"));
  });
});

describe("day waiting lists per phone number", () => {
  it("one number waits on at most 3 days at once; the 4th is refused and sends nothing", async () => {
    const days = ["2026-11-24", "2026-12-01", "2026-12-08", "2026-12-15"];
    // Each Tuesday's one online place is taken: the days are full.
    for (const day of days) await book(tuesday.id, `${day}T13:00:00.000Z`, newNumber());
    const number = newNumber();
    const join = (day: string) => joinDayWaitingList(citizen, library.id, JoinDayWaitInput.parse({ firstName: "Heinz", phone: number, language: "de", contactPreference: "sms", day }));
    for (const day of days.slice(0, DAY_WAITS_PER_NUMBER)) expect((await join(day)).already).toBe(false);
    expect(await messagesTo(number)).toBe(DAY_WAITS_PER_NUMBER);
    expect(await refusal(join(days[DAY_WAITS_PER_NUMBER]))).toBe("desk:wait.tooManyWaits");
    expect(await messagesTo(number)).toBe(DAY_WAITS_PER_NUMBER);
    // The same day again changes nothing and is not refused.
    expect((await join(days[0])).already).toBe(true);
  });
});

describe("public form limits", () => {
  it("online booking: at most 10 an hour from one address, whatever the numbers", async () => {
    const answers = [];
    for (let i = 0; i <= BOOKINGS_PER_ADDRESS; i++) answers.push(await allowOnlineBooking("203.0.113.5", e164(newNumber())));
    expect(answers.slice(0, BOOKINGS_PER_ADDRESS).every(Boolean)).toBe(true);
    expect(answers.at(-1)).toBe(false);
    expect(await allowOnlineBooking("203.0.113.6", e164(newNumber()))).toBe(true);
  });

  it("one number's message budget is shared by every public form and its own cancel and move", async () => {
    const number = e164(newNumber());
    let used = 0;
    for (let i = 0; i < 3; i++, used++) expect(await allowProblemReport(`198.51.100.${i}`, number)).toBe(true);
    for (let i = 0; i < 3; i++, used++) expect(await allowCallbackRequest(`198.51.100.${10 + i}`, number)).toBe(true);
    while (used < PUBLIC_MESSAGES_PER_NUMBER) {
      expect(await allowAppointmentChange(number)).toBe(true);
      used++;
    }
    // Each form is still under its own count, but the number has had enough messages for this hour.
    expect(await allowOnlineBooking("198.51.100.99", number)).toBe(false);
    expect(await allowAppointmentChange(number)).toBe(false);
    expect(await allowOnlineBooking("198.51.100.99", e164(newNumber()))).toBe(true);
  });
});
