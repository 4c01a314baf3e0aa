// Consultation hours (validation, overlaps, one-offs, closures, shares, audit) and a citizen's own appointment
// (cancel and move by reference + phone; a wrong number looks like a wrong code; moving never loses the old one).
import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";

import { bookAppointment, BookingInput } from "~/capabilities/scheduling/appointments.server";
import { freeSlots, loadSchedule } from "~/capabilities/scheduling/availability.server";
import {
  addClosure,
  ClosureInput,
  createHour,
  HourInput,
  hoursOf,
  removeClosure,
  setHourActive,
  updateHour,
} from "~/capabilities/scheduling/hours.server";
import {
  cancelMyAppointment,
  findMyAppointment,
  moveMyAppointment,
} from "~/capabilities/scheduling/my-appointment.server";
import { withActor } from "~/context";
import { AppError } from "~/lib/errors";
import { appointmentAction } from "~/web/appointment.server";
import { appointmentCalendar, bookablePlaces } from "~/capabilities/scheduling/online-booking.server";
import { calendarToken, readCalendarToken, slotWeek } from "~/web/booking.server";
import { allowAppointmentLookup, APPOINTMENT_LOOKUP_TRIES, appointmentLookupFound } from "~/web/rate-limit.server";
import { queueDueReminders } from "~/capabilities/scheduling/reminders.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

// Monday 23 November 2026, 11:00 in Berlin.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db } = services;
const library = await makeLocation(db, { kind: "library", name: "Stadtbibliothek" });
const centre = await makeLocation(db, { kind: "meeting_centre", name: "Begegnungszentrum" });
const librarianRow = await makeStaff(db, { role: "librarian", locationIds: [library.id] });
const volunteerRow = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
const staff = (row: Parameters<typeof staffContext>[1]) => staffContext(services, row);
const librarian = staff(librarianRow);
const volunteer = staff(volunteerRow);
const citizen = withActor(services, { kind: "citizen" });

const form = (values: Record<string, unknown>) =>
  HourInput.safeParse({
    locationId: library.id,
    kind: "weekly",
    weekday: "2",
    startTime: "14:00",
    endTime: "16:00",
    slotMinutes: "30",
    capacity: "3",
    onlineCapacity: "1",
    phoneCapacity: "1",
    active: "on",
    ...values,
  });
const hourInput = (values: Record<string, unknown>) => {
  const parsed = form(values);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
};
const errorsOf = (values: Record<string, unknown>) => {
  const parsed = form(values);
  return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}:${i.message}`);
};
async function refusal(promise: Promise<unknown>) {
  const error = await promise.then(
    () => null,
    (e: unknown) => e
  );
  expect(error).toBeInstanceOf(AppError);
  return (error as AppError).messageKey;
}
async function slotsOn(day: string) {
  const schedule = (await loadSchedule(citizen, db, library.id, services.clock.now()))!;
  return freeSlots(citizen, db, schedule, { fromDay: day, toDay: day, now: services.clock.now() });
}

let n = 0;
const phone = () => `0151 ${String(40000000 + ++n)}`;
const book = (hourId: string, startsAt: string, number = phone(), language = "de") =>
  bookAppointment(citizen, {
    ...BookingInput.parse({
      locationId: library.id,
      slot: `${hourId}|${startsAt}`,
      person: { firstName: "Gisela", phone: number, language, contactPreference: "sms" },
    }),
    pool: "web",
    channel: "web",
  });

const tuesday = await createHour(librarian, hourInput({}));

describe("consultation hours", () => {
  it("refuses an end before the start, a slot that does not fit, shares above capacity and impossible dates", () => {
    expect(errorsOf({ endTime: "13:00" })).toContain("endTime:hours:errors.endBeforeStart");
    expect(errorsOf({ endTime: "14:20", slotMinutes: "30" })).toContain("slotMinutes:hours:errors.slotDoesNotFit");
    expect(errorsOf({ capacity: "2", onlineCapacity: "2", phoneCapacity: "1" })).toContain(
      "onlineCapacity:hours:errors.sharesTooLarge"
    );
    expect(errorsOf({ validFrom: "2026-02-30" })).toContain("validFrom:hours:errors.dateInvalid");
    expect(errorsOf({ validFrom: "2026-12-10", validUntil: "2026-12-01" })).toContain(
      "validUntil:hours:errors.untilBeforeFrom"
    );
    expect(errorsOf({ weekday: "" })).toContain("weekday:hours:errors.weekdayRequired");
    expect(errorsOf({ kind: "oneOff", onDate: "" })).toContain("onDate:hours:errors.dateRequired");
    expect(errorsOf({ slotMinutes: "25" })).toContain("slotMinutes:hours:errors.slotMinutesInvalid");
    expect(errorsOf({ startTime: "25:00" })).toContain("startTime:hours:errors.timeInvalid");
    expect(errorsOf({})).toEqual([]);
  });

  it("splits the places: online and phone as set, the rest internal", async () => {
    const [first] = await slotsOn("2026-11-24");
    expect(first.time).toBe("14:00");
    expect(first.capacity).toEqual({ web: 1, phone: 1, internal: 1 });
  });

  it("refuses overlapping weekly hours on the same weekday at the same place, and allows them elsewhere", async () => {
    expect(await refusal(createHour(librarian, hourInput({ startTime: "15:00", endTime: "17:00" })))).toBe(
      "hours:errors.overlap"
    );
    // Back to back is fine, as is another weekday, or a validity that does not meet.
    const after = await createHour(librarian, hourInput({ startTime: "16:00", endTime: "17:00" }));
    await createHour(librarian, hourInput({ weekday: "3", startTime: "15:00", endTime: "17:00" }));
    // The first Tuesday hours are valid for ever, so hours starting later in the year still meet them.
    expect(
      await refusal(createHour(librarian, hourInput({ startTime: "15:00", endTime: "17:00", validFrom: "2027-06-01" })))
    ).toBe("hours:errors.overlap");
    // Changing an hour into an overlap is refused too; an inactive one does not count.
    expect(await refusal(updateHour(librarian, after.id, hourInput({ startTime: "15:30", endTime: "17:00" })))).toBe(
      "hours:errors.overlap"
    );
    await setHourActive(librarian, after.id, false);
    const inactiveOverlap = await createHour(librarian, hourInput({ startTime: "16:00", endTime: "18:00" }));
    expect(await refusal(setHourActive(librarian, after.id, true))).toBe("hours:errors.overlap");
    await setHourActive(librarian, inactiveOverlap.id, false);
  });

  it("allows the same weekday when the validity periods do not meet", async () => {
    const winter = await createHour(
      librarian,
      hourInput({ weekday: "5", startTime: "10:00", endTime: "12:00", validUntil: "2026-12-31" })
    );
    await expect(
      createHour(librarian, hourInput({ weekday: "5", startTime: "10:00", endTime: "12:00", validFrom: "2027-01-01" }))
    ).resolves.toHaveProperty("id");
    expect(
      await refusal(
        createHour(
          librarian,
          hourInput({ weekday: "5", startTime: "11:00", endTime: "12:00", validFrom: "2026-12-15" })
        )
      )
    ).toBe("hours:errors.overlap");
    expect(winter.id).toBeTruthy();
  });

  it("offers a one-off extra hour on its date only, with its own split", async () => {
    await createHour(
      librarian,
      hourInput({
        kind: "oneOff",
        onDate: "2026-12-03",
        weekday: "",
        startTime: "10:00",
        endTime: "11:00",
        slotMinutes: "20",
        capacity: "2",
        onlineCapacity: "2",
        phoneCapacity: "0",
      })
    );
    const slots = await slotsOn("2026-12-03");
    expect(slots.map((s) => s.time)).toEqual(["10:00", "10:20", "10:40"]);
    expect(slots[0].free).toEqual({ web: 2, phone: 0, internal: 0 });
    expect(await slotsOn("2026-12-10")).toEqual([]);
    // Two one-offs on the same date may not overlap either.
    expect(
      await refusal(
        createHour(librarian, hourInput({ kind: "oneOff", onDate: "2026-12-03", startTime: "10:30", endTime: "11:30" }))
      )
    ).toBe("hours:errors.overlap");
  });

  it("hides every slot on closed days, one-off hours included, and shows them again when the closure goes", async () => {
    expect((await slotsOn("2026-12-01")).length).toBeGreaterThan(0);
    const closure = await addClosure(
      librarian,
      ClosureInput.parse({ locationId: library.id, startsOn: "2026-12-01", endsOn: "2026-12-03", reason: "Inventur" })
    );
    expect(await slotsOn("2026-12-01")).toEqual([]);
    expect(await slotsOn("2026-12-03")).toEqual([]);
    // The hours page warns: the one-off hour on 3 December names the closure that hides it.
    const closedOn = async (day: string) =>
      (await hoursOf(librarian, library.id, "2026-11-23")).oneOff.find((h) => h.onDate === day)?.closedBy?.reason;
    expect(await closedOn("2026-12-03")).toBe("Inventur");
    await removeClosure(librarian, closure.id);
    expect(await closedOn("2026-12-03")).toBeUndefined();
    expect((await slotsOn("2026-12-03")).length).toBe(3);
    expect(
      ClosureInput.safeParse({ locationId: library.id, startsOn: "2026-12-05", endsOn: "2026-12-01" }).success
    ).toBe(false);
  });

  it("keeps existing bookings when the hours change or stop", async () => {
    const booked = await book(tuesday.id, "2026-12-08T13:00:00.000Z");
    await updateHour(librarian, tuesday.id, hourInput({ startTime: "13:00", endTime: "15:00", slotMinutes: "60" }));
    await setHourActive(librarian, tuesday.id, false);
    const appointment = await db.appointment.findUniqueOrThrow({ where: { id: booked.id } });
    expect(appointment.status).toBe("booked");
    expect(appointment.startsAt.toISOString()).toBe("2026-12-08T13:00:00.000Z");
    await setHourActive(librarian, tuesday.id, true);
    await updateHour(librarian, tuesday.id, hourInput({}));
  });

  it("lets only staff who manage the place change its hours, and audits every change", async () => {
    expect(await refusal(createHour(volunteer, hourInput({ weekday: "6" })))).toBe("errors.forbidden");
    expect(
      await refusal(addClosure(volunteer, ClosureInput.parse({ locationId: library.id, startsOn: "2026-12-20" })))
    ).toBe("errors.forbidden");
    const actions = (await db.auditEntry.findMany({ where: { locationId: library.id, actorId: librarianRow.id } })).map(
      (a) => a.action
    );
    expect(actions).toEqual(
      expect.arrayContaining([
        "consultationHour.created",
        "consultationHour.changed",
        "consultationHour.deactivated",
        "consultationHour.activated",
        "closure.added",
        "closure.removed",
      ])
    );
  });
});

describe("a citizen's own appointment", () => {
  it("is found by reference and phone in any format; a wrong phone looks exactly like a wrong code", async () => {
    const number = phone();
    const { reference } = await book(tuesday.id, "2026-12-15T13:00:00.000Z", number);
    const international = `+49 ${number.slice(1)}`;
    expect(
      await findMyAppointment(citizen, { reference: reference.toLowerCase().toUpperCase(), phone: international })
    ).not.toBeNull();
    expect(await findMyAppointment(citizen, { reference, phone: "0151 99999999" })).toBeNull();
    expect(await refusal(cancelMyAppointment(citizen, { reference, phone: "0151 99999999" }))).toBe(
      "booking:manage.notFound"
    );
    expect(await refusal(cancelMyAppointment(citizen, { reference: "ZZZZZZ", phone: number }))).toBe(
      "booking:manage.notFound"
    );
  });

  it("cancelling on the web stops a reminder already waiting in the outbox", async () => {
    const number = phone();
    // Monday 11:00: tomorrow's 15:30 appointment gets its day-before reminder queued right away.
    const { id, reference } = await book(tuesday.id, "2026-11-24T14:30:00.000Z", number);
    await queueDueReminders(citizen);
    const reminder = await db.message.findFirstOrThrow({ where: { idempotencyKey: { startsWith: `appointment-reminder:${id}:` } } });
    expect(reminder.status).toBe("queued");
    await cancelMyAppointment(citizen, { reference, phone: number });
    expect((await db.message.findUniqueOrThrow({ where: { id: reminder.id } })).status).toBe("cancelled");
  });

  it("cancels: the place is free again and the person is told", async () => {
    const number = phone();
    const { id, reference } = await book(tuesday.id, "2026-12-15T13:30:00.000Z", number);
    expect((await slotsOn("2026-12-15")).find((s) => s.time === "14:30")!.free.web).toBe(0);
    await cancelMyAppointment(citizen, { reference, phone: number });
    const appointment = await db.appointment.findUniqueOrThrow({ where: { id } });
    expect(appointment.status).toBe("cancelled");
    expect(appointment.seatKey).toBeNull();
    expect((await slotsOn("2026-12-15")).find((s) => s.time === "14:30")!.free.web).toBe(1);
    const message = await db.message.findFirstOrThrow({ where: { template: "appointmentCancelled", personId: appointment.personId } });
    expect(message.body).toContain(reference);
    // Cancelled is cancelled: a second try finds nothing.
    expect(await refusal(cancelMyAppointment(citizen, { reference, phone: number }))).toBe("booking:manage.notFound");
  });

  it("moves: books the new time first, then frees the old one; confirms the new booking", async () => {
    const number = phone();
    const old = await book(tuesday.id, "2026-12-15T14:00:00.000Z", number);
    const moved = await moveMyAppointment(citizen, {
      reference: old.reference,
      phone: number,
      slot: `${tuesday.id}|2026-12-15T14:30:00.000Z`,
    });
    expect((await db.appointment.findUniqueOrThrow({ where: { id: old.id } })).status).toBe("cancelled");
    const fresh = await db.appointment.findUniqueOrThrow({ where: { id: moved.id }, include: { person: true } });
    expect(fresh.status).toBe("booked");
    expect(fresh.startsAt.toISOString()).toBe("2026-12-15T14:30:00.000Z");
    expect(fresh.person.phone).toBe(`+49${number.replace(/\D/g, "").slice(1)}`);
    const confirmation = await db.message.findFirst({
      where: { template: "appointmentBooked", body: { contains: moved.reference } },
    });
    expect(confirmation).not.toBeNull();
  });

  it("keeps the old booking when the new time was just taken", async () => {
    const number = phone();
    const old = await book(tuesday.id, "2026-12-22T13:00:00.000Z", number);
    await book(tuesday.id, "2026-12-22T13:30:00.000Z"); // someone else takes the only online place
    expect(
      await refusal(
        moveMyAppointment(citizen, {
          reference: old.reference,
          phone: number,
          slot: `${tuesday.id}|2026-12-22T13:30:00.000Z`,
        })
      )
    ).toBe("scheduling:errors.slotTaken");
    const still = await db.appointment.findUniqueOrThrow({ where: { id: old.id } });
    expect(still.status).toBe("booked");
    expect(still.seatKey).not.toBeNull();
  });

  it("shows under each day of the public list what its hours are for, in the reader's language", async () => {
    await createHour(librarian, hourInput({ kind: "oneOff", weekday: "", onDate: "2026-12-05", startTime: "10:00", endTime: "11:00", topics: ["smartphone", "messenger"] }));
    const day = (await slotWeek(citizen, library.id, 1, "de")).find((d) => d.day === "2026-12-05")!;
    expect(day.topics).toEqual(["Smartphone", "Messenger und Videoanrufe"]);
    const english = (await slotWeek(citizen, library.id, 1, "en")).find((d) => d.day === "2026-12-05")!;
    expect(english.topics).toContain("Smartphone");
    expect(english.topics).not.toContain("Messenger und Videoanrufe");
    // Hours for no topic in particular say nothing.
    expect((await slotWeek(citizen, library.id, 1, "de")).find((d) => d.day === "2026-12-01")!.topics).toEqual([]);
  });

  it("answers a move form sent twice with the one new appointment; another number with the same form learns nothing", async () => {
    const number = phone();
    const old = await book(tuesday.id, "2026-12-29T13:00:00.000Z", number);
    const context = { services, nonce: "", clientIp: "198.51.100.9" } as unknown as AppLoadContext;
    const send = async (phoneNumber: string) => {
      const body = new URLSearchParams({ intent: "move", reference: old.reference, phone: phoneNumber, slot: `${tuesday.id}|2026-12-29T13:30:00.000Z`, key: "move-form-key-0001" });
      const answer = await appointmentAction(new Request("http://localhost/appointment", { method: "POST", body }), context, "de");
      return ("data" in answer ? answer.data : answer) as { step: string; appointment?: { reference: string } };
    };
    const first = await send(number);
    const again = await send(number); // a double click: the old reference is already gone
    expect(first.step).toBe("moved");
    expect(again).toEqual(first);
    const booked = await db.appointment.findMany({ where: { person: { phone: `+49${number.replace(/\D/g, "").slice(1)}` }, status: "booked" } });
    expect(booked.map((a) => a.reference)).toEqual([first.appointment!.reference]);
    expect(await db.message.count({ where: { template: "appointmentBooked", body: { contains: first.appointment!.reference } } })).toBe(1);
    expect((await send(phone())).step).toBe("find");
  });

  it("lists the places with online hours and gives a calendar file without personal data behind a signed link", async () => {
    const places = await bookablePlaces({ db });
    expect(places.map((p) => p.name)).toContain("Stadtbibliothek");
    expect(places.map((p) => p.name)).not.toContain("Begegnungszentrum");
    const number = phone();
    const { id } = await book(tuesday.id, "2026-12-22T14:00:00.000Z", number);
    const token = calendarToken("secret", id);
    expect(readCalendarToken("secret", token)).toBe(id);
    expect(readCalendarToken("other", token)).toBeNull();
    expect(readCalendarToken("secret", `${id}.${"x".repeat(32)}`)).toBeNull();
    const ics = (await appointmentCalendar({ db }, id, services.config))!;
    expect(ics).toContain("BEGIN:VCALENDAR");
    expect(ics).toContain("Digitale Sprechstunde");
    expect(ics).toContain("Stadtbibliothek");
    expect(ics).not.toContain("Gisela");
    expect(ics).not.toContain(number.replace(/\D/g, "").slice(1));
  });

  it("writes the calendar file in the language of the person who booked, with where to cancel, every line within 75 octets", async () => {
    // A long address with umlauts: 77 octets on one line before lines were folded by octets.
    await db.location.update({ where: { id: library.id }, data: { street: "Am Wall 201, Eingang Bürgermeister-Smidt-Straße" } });
    const unfolded = (ics: string) => ics.replace(/\r\n[ \t]/g, "");
    const property = (ics: string, name: string) => unfolded(ics).split("\r\n").find((l) => l.startsWith(`${name}:`))!;
    const expected = {
      de: ["SUMMARY:Digitale Sprechstunde", "DESCRIPTION:Ihre Vorgangsnummer: "],
      en: ["SUMMARY:Digital consultation hour", "DESCRIPTION:Your reference number: "],
      ar: ["SUMMARY:استشارة رقمية", "DESCRIPTION:رقمك المرجعي: "],
    };
    for (const [i, [language, [summary, description]]] of Object.entries(expected).entries()) {
      const { id, reference } = await book(tuesday.id, `2027-01-05T1${3 + Math.floor(i / 2)}:${i % 2 ? "30" : "00"}:00.000Z`, phone(), language);
      const ics = (await appointmentCalendar({ db }, id, services.config))!;
      expect(property(ics, "SUMMARY"), language).toBe(summary);
      expect(property(ics, "DESCRIPTION"), language).toContain(`${description}${reference}`);
      expect(property(ics, "DESCRIPTION"), language).toContain("http://localhost:3000/appointment");
      expect(property(ics, "DESCRIPTION"), language).toContain("0421 1234560");
      expect(property(ics, "LOCATION")).toContain("Bürgermeister-Smidt-Straße");
      for (const line of ics.split("\r\n")) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    }
    await db.location.update({ where: { id: library.id }, data: { street: "Am Wall 201" } });
  });

  it("stops guessing: lookups that find nothing are limited per address, found ones give their try back", async () => {
    const address = "203.0.113.7";
    for (let i = 0; i < APPOINTMENT_LOOKUP_TRIES - 1; i++) expect(await allowAppointmentLookup(address)).toBe(true);
    expect(await allowAppointmentLookup(address)).toBe(true);
    await appointmentLookupFound(address);
    expect(await allowAppointmentLookup(address)).toBe(true);
    expect(await allowAppointmentLookup(address)).toBe(false);
    expect(await allowAppointmentLookup("203.0.113.8")).toBe(true);
  });
});
