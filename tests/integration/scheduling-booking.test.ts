// Booking a consultation slot: the rules, the channel pools, and the last place under a rush.
import { describe, expect, it } from "vitest";
import { bookAppointment, BookingInput, nextFreeSlots } from "~/capabilities/scheduling/appointments.server";
import { freeSlots, loadSchedule } from "~/capabilities/scheduling/availability.server";
import { withActor } from "~/context";
import { AppError } from "~/lib/errors";
import { createMessenger } from "~/capabilities/messaging/messenger.server";
import { formatPhone } from "~/lib/phone.server";
import { createTestServices } from "../helpers/db";
import { makeLocation } from "../helpers/factories";
import { smsSegments } from "../helpers/sms-segments";

// Monday 23 November 2026, 11:00 in Berlin.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db } = services;
const library = await makeLocation(db, { kind: "library", name: "Stadtbibliothek" });
const hour = await db.consultationHour.create({
  data: { locationId: library.id, weekday: 2, startTime: "14:00", endTime: "16:00", slotMinutes: 30, capacity: 3, onlineCapacity: 1, phoneCapacity: 1 },
});
const citizen = withActor(services, { kind: "citizen" });
const TUE_1400 = "2026-11-24T13:00:00.000Z";

let n = 0;
const booking = (slot: string, phone = `0151 ${String(30000000 + ++n)}`) =>
  BookingInput.parse({ locationId: library.id, slot: `${hour.id}|${slot}`, person: { firstName: "Gisela", phone, language: "de", contactPreference: "sms" } });

async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).messageKey;
}

describe("booking a consultation slot", () => {
  it("books with first name and phone, confirms through the outbox, and the place is gone online", async () => {
    const { reference } = await bookAppointment(citizen, { ...booking(TUE_1400), pool: "web", channel: "web" });
    expect(reference).toMatch(/^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/);
    const message = await db.message.findFirstOrThrow({ where: { template: "appointmentBooked" } });
    expect(message.body).toContain(reference);
    expect(message.body).toContain("14:00");
    const schedule = (await loadSchedule(citizen, db, library.id, services.clock.now()))!;
    const [first] = await freeSlots(citizen, db, schedule, { fromDay: "2026-11-24", toDay: "2026-11-24", now: services.clock.now() });
    expect(first.free).toEqual({ web: 0, phone: 1, internal: 1 });
  });

  it("the confirmation SMS says where to cancel — the appointment page's link and the programme's phone — in few parts, in every language", async () => {
    // A real address and place name: the demo's library, whose dash makes even German text UCS-2 (67 characters a part).
    const realistic = { publicUrl: "https://digitale-ambulanz.bremen.de", programmePhone: "+494211234560" };
    const live = withActor({ ...services, messenger: createMessenger(services.clock, realistic) }, { kind: "citizen" });
    const places = [
      [await makeLocation(db, { kind: "library", name: "Begegnungszentrum Vahr" }), { gsm7: 2, ucs2: 4 }],
      [await makeLocation(db, { kind: "library", name: "Stadtbibliothek Bremen – Zentralbibliothek" }), { gsm7: 2, ucs2: 4 }],
    ] as const;
    for (const [place, most] of places) {
      const hourThere = await db.consultationHour.create({
        data: { locationId: place.id, weekday: 3, startTime: "14:00", endTime: "16:00", slotMinutes: 30, capacity: 3, onlineCapacity: 3, phoneCapacity: 0 },
      });
      for (const language of ["de", "en", "ar"]) {
        const person = { firstName: "Gisela", phone: `0151 ${String(31000000 + ++n)}`, language, contactPreference: "sms" };
        const input = BookingInput.parse({ locationId: place.id, slot: `${hourThere.id}|2026-11-25T13:30:00.000Z`, person });
        const { id } = await bookAppointment(live, { ...input, pool: "web", channel: "web" });
        const { body } = await db.message.findUniqueOrThrow({ where: { idempotencyKey: `appointment-booked:${id}` } });
        expect(body, language).toContain("https://digitale-ambulanz.bremen.de/appointment");
        expect(body, language).toContain(formatPhone(realistic.programmePhone));
        // In an Arabic sentence the number is isolated left-to-right, or its two groups would show swapped.
        if (language === "ar") expect(body).toContain(`\u2066${formatPhone(realistic.programmePhone)}\u2069`);
        // A new number's first SMS ends with the privacy link (decision 033): the text itself keeps its budget, and
        // the link costs at most one part more, once per number.
        const privacyLine = body.slice(body.lastIndexOf("\n") + 1);
        expect(privacyLine).toMatch(/https:\/\/digitale-ambulanz\.bremen\.de\/datenschutz$/);
        const text = body.slice(0, body.lastIndexOf("\n"));
        const { encoding, segments } = smsSegments(text);
        expect(segments, `${language} ${encoding}: ${text}`).toBeLessThanOrEqual(most[encoding]);
        expect(smsSegments(body).segments, `${language} with the privacy link: ${body}`).toBeLessThanOrEqual(most[encoding] + 1);
        // German and English texts themselves stay in the 7-bit alphabet: only a place's name may cost more.
        if (language !== "ar" && place.name === "Begegnungszentrum Vahr") expect(encoding, body).toBe("gsm7");
      }
    }
  });

  it("keeps the phone share for staff: online is full, a caller can still be booked by phone", async () => {
    expect(await refusal(bookAppointment(citizen, { ...booking(TUE_1400), pool: "web", channel: "web" }))).toBe("scheduling:errors.slotTaken");
    await expect(bookAppointment(citizen, { ...booking(TUE_1400), pool: "phone", channel: "phone" })).resolves.toHaveProperty("reference");
  });

  it("refuses a slot the hours do not offer, a slot in the past, and the same phone twice in one slot", async () => {
    expect(await refusal(bookAppointment(citizen, { ...booking("2026-11-24T13:10:00.000Z"), pool: "web", channel: "web" }))).toBe("scheduling:errors.slotNotOffered");
    expect(await refusal(bookAppointment(citizen, { ...booking("2026-11-25T13:00:00.000Z"), pool: "web", channel: "web" }))).toBe("scheduling:errors.slotNotOffered");
    expect(await refusal(bookAppointment(citizen, { ...booking("2026-11-17T13:00:00.000Z"), pool: "web", channel: "web" }))).toBe("scheduling:errors.slotInPast");
    const slot = "2026-11-24T14:00:00.000Z";
    await bookAppointment(citizen, { ...booking(slot, "0151 77777777"), pool: "web", channel: "web" });
    expect(await refusal(bookAppointment(citizen, { ...booking(slot, "+49 151 77777777"), pool: "phone", channel: "phone" }))).toBe("scheduling:errors.alreadyBooked");
  });

  it("gives the last online place to exactly one of a hundred people booking at the same moment", async () => {
    const slot = "2026-12-01T13:30:00.000Z";
    const results = await Promise.allSettled(
      Array.from({ length: 100 }, () => bookAppointment(citizen, { ...booking(slot), pool: "web", channel: "web" })),
    );
    const booked = results.filter((r) => r.status === "fulfilled");
    const refused = results.filter((r): r is PromiseRejectedResult => r.status === "rejected");
    expect(booked).toHaveLength(1);
    expect(new Set(refused.map((r) => (r.reason as AppError).messageKey))).toEqual(new Set(["scheduling:errors.slotTaken"]));
    expect(await db.appointment.count({ where: { startsAt: new Date(slot), pool: "web", status: "booked" } })).toBe(1);
    // "Just taken — here are the next free slots": the next ones still have an online place.
    const next = await nextFreeSlots(citizen, library.id, "web");
    expect(next.length).toBeGreaterThan(0);
    expect(next.every((s) => s.free.web > 0 && s.startsAt.toISOString() !== slot)).toBe(true);
  });

  it("does nothing twice when the same form is sent again", async () => {
    const input = { ...booking("2026-12-08T13:00:00.000Z"), idempotencyKey: "form-key-123456" };
    const first = await bookAppointment(citizen, { ...input, pool: "web", channel: "web" });
    const again = await bookAppointment(citizen, { ...input, pool: "web", channel: "web" });
    expect(again.reference).toBe(first.reference);
    expect(await db.appointment.count({ where: { idempotencyKey: "form-key-123456" } })).toBe(1);
  });
});
