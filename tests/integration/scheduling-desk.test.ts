// The consultation desk: staff booking for callers, outcomes and cancellations, the walk-in queue, reminders
// (day before, two hours before, quiet hours, across the spring-forward Sunday) and the day's waiting list.
import { describe, expect, it } from "vitest";

import { bookAppointment, BookingInput } from "~/capabilities/scheduling/appointments.server";
import { freeSlots, loadSchedule } from "~/capabilities/scheduling/availability.server";
import { bookForCaller, cancelByStaff, dayView, MoveInput, moveByStaff, OutcomeInput, recordOutcome, StaffBookingInput } from "~/capabilities/scheduling/desk.server";
import { addCallerToDayWait, JoinDayWaitInput, joinDayWaitingList, offerFreedPlaces, waitingListDay } from "~/capabilities/scheduling/day-waits.server";
import { AppointmentLookupInput, cancelMyAppointment } from "~/capabilities/scheduling/my-appointment.server";
import { upcomingAppointments } from "~/capabilities/scheduling/person-scheduling.server";
import { queueDueReminders, reminderTime } from "~/capabilities/scheduling/reminders.server";
import { AddWalkInInput, addWalkIn, callNext, FinishWalkInInput, finishWalkIn, walkInQueue } from "~/capabilities/scheduling/walk-ins.server";
import { withActor } from "~/context";
import { AppError } from "~/lib/errors";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

// Monday 23 November 2026, 11:00 in Berlin.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db, clock } = services;
const library = await makeLocation(db, { kind: "library", name: "Stadtbibliothek" });
const centre = await makeLocation(db, { name: "Begegnungszentrum" });
const tuesday = await db.consultationHour.create({
  data: { locationId: library.id, weekday: 2, startTime: "14:00", endTime: "16:00", slotMinutes: 30, capacity: 3, onlineCapacity: 1, phoneCapacity: 1 },
});
const monday = await db.consultationHour.create({
  data: { locationId: library.id, weekday: 1, startTime: "10:00", endTime: "11:00", slotMinutes: 30, capacity: 1, onlineCapacity: 1, phoneCapacity: 0 },
});
const librarianRow = await makeStaff(db, { role: "librarian", locationIds: [library.id] });
const volunteerRow = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
const staff = (row: Parameters<typeof staffContext>[1]) => staffContext(services, row);
const librarian = staff(librarianRow);
const volunteer = staff(volunteerRow);
const citizen = withActor(services, { kind: "citizen" });
const system = withActor(services, { kind: "system", name: "test" });

let n = 0;
const freshPhone = () => `0151 ${String(61000000 + ++n)}`;
const slotOf = (hourId: string, iso: string) => `${hourId}|${iso}`;
const callerBooking = (iso: string, extra: Record<string, unknown> = {}) =>
  StaffBookingInput.parse({
    locationId: library.id,
    slot: slotOf(tuesday.id, iso),
    person: { firstName: "Heinz", phone: freshPhone(), language: "de", contactPreference: "sms" },
    ...extra,
  });
const webBooking = (hourId: string, iso: string, extra: Record<string, unknown> = {}) => ({
  ...BookingInput.parse({ locationId: library.id, slot: slotOf(hourId, iso), person: { firstName: "Gisela", phone: freshPhone() }, ...extra }),
  pool: "web" as const,
  channel: "web" as const,
});

async function expectAppError(promise: Promise<unknown>, status: number, messageKey?: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
}

async function freeOn(day: string) {
  const schedule = (await loadSchedule(citizen, db, library.id, clock.now()))!;
  return freeSlots(citizen, db, schedule, { fromDay: day, toDay: day, now: clock.now() });
}

describe("staff booking for a caller", () => {
  it("uses the phone share, not the online one, and says so in the day view", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const { id, reference } = await bookForCaller(librarian, callerBooking("2026-11-24T13:00:00.000Z", { concern: "WhatsApp einrichten" }));
    const appointment = await db.appointment.findUniqueOrThrow({ where: { id } });
    expect(appointment).toMatchObject({ pool: "phone", channel: "phone", bookedById: librarianRow.id, status: "booked" });
    expect(reference).toMatch(/^[A-Z0-9]{6}$/);
    const [first] = await freeOn("2026-11-24");
    expect(first.free).toEqual({ web: 1, phone: 0, internal: 1 });
    // The phone share is gone: a second caller is refused, the internal share still takes one.
    await expectAppError(bookForCaller(librarian, callerBooking("2026-11-24T13:00:00.000Z")), 409, "scheduling:errors.slotTaken");
    await expect(bookForCaller(librarian, callerBooking("2026-11-24T13:00:00.000Z", { pool: "internal" }))).resolves.toHaveProperty("reference");

    const view = await dayView(librarian, { locationId: library.id, day: "2026-11-24" });
    expect(view.slots).toHaveLength(4);
    expect(view.slots[0].time).toBe("14:00");
    expect(view.slots[0].appointments.map((a) => a.channel)).toEqual(["phone", "phone"]);
    expect(view.slots[0].free).toEqual({ web: 1, phone: 0, internal: 0 });
  });

  it("lets staff book only where they work", async () => {
    await expectAppError(bookForCaller(volunteer, callerBooking("2026-11-24T13:30:00.000Z")), 403);
    await expectAppError(dayView(volunteer, { locationId: library.id, day: "2026-11-24" }), 403);
  });
});

describe("a caller calling about their booking", () => {
  it("shows the desk their appointments still to come, where the staff member works, and logs the look", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const phone = freshPhone();
    const person = { firstName: "Hanne", phone, language: "de", contactPreference: "sms" };
    const later = await bookForCaller(librarian, StaffBookingInput.parse({ locationId: library.id, slot: slotOf(tuesday.id, "2026-12-08T14:00:00.000Z"), person }));
    const sooner = await bookForCaller(librarian, StaffBookingInput.parse({ locationId: library.id, slot: slotOf(tuesday.id, "2026-12-01T14:30:00.000Z"), person, pool: "internal" }));
    const gone = await bookForCaller(librarian, StaffBookingInput.parse({ locationId: library.id, slot: slotOf(tuesday.id, "2026-12-08T14:30:00.000Z"), person }));
    await cancelByStaff(librarian, gone.id);
    const { personId } = await db.appointment.findUniqueOrThrow({ where: { id: later.id } });

    const before = await db.auditEntry.count({ where: { action: "appointment.viewed", subjectId: personId } });
    expect((await upcomingAppointments(librarian, personId)).map((a) => a.reference)).toEqual([sooner.reference, later.reference]);
    expect(await db.auditEntry.count({ where: { action: "appointment.viewed", subjectId: personId } })).toBe(before + 1);
    expect(await upcomingAppointments(volunteer, personId)).toEqual([]); // works elsewhere
    clock.set("2026-12-01T14:31:00Z"); // the first has begun
    expect((await upcomingAppointments(librarian, personId)).map((a) => a.reference)).toEqual([later.reference]);
  });
});

describe("outcomes and cancellation", () => {
  it("records done or no-show only once the appointment has started, with known topics", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const { id } = await bookForCaller(librarian, callerBooking("2026-11-24T13:30:00.000Z"));
    const outcome = (values: Record<string, unknown>) => OutcomeInput.parse({ status: "done", ...values });
    await expectAppError(recordOutcome(librarian, id, outcome({})), 409, "desk:errors.notStarted");
    clock.set("2026-11-24T13:35:00Z");
    await expectAppError(recordOutcome(librarian, id, outcome({ outcomeTopics: ["nonsense"] })), 400, "desk:errors.topicUnknown");
    await expectAppError(recordOutcome(librarian, id, outcome({ ticketId: "no-such-ticket" })), 400, "desk:errors.ticketUnknown");
    const { personId } = await db.appointment.findUniqueOrThrow({ where: { id } });
    const ticket = await db.ticket.create({ data: { reference: "TKT001", personId, channel: "phone", description: "Mail geht nicht" } });
    const stranger = await db.person.create({ data: { firstName: "Fremd", phone: "+4915199999901", phoneType: "mobile" } });
    const othersTicket = await db.ticket.create({ data: { reference: "TKT002", personId: stranger.id, channel: "phone", description: "x" } });
    await expectAppError(recordOutcome(librarian, id, outcome({ ticketId: othersTicket.id })), 400, "desk:errors.ticketUnknown");
    await recordOutcome(librarian, id, outcome({ outcomeTopics: ["smartphone", "internet"], outcomeNote: "Mail-App eingerichtet", ticketId: ticket.id }));
    const done = await db.appointment.findUniqueOrThrow({ where: { id } });
    expect(done).toMatchObject({ status: "done", outcomeNote: "Mail-App eingerichtet", helperId: librarianRow.id, ticketId: ticket.id });
    expect(JSON.parse(done.outcomeTopics)).toEqual(["smartphone", "internet"]);
    await recordOutcome(librarian, id, outcome({ status: "no_show" }));
    expect((await db.appointment.findUniqueOrThrow({ where: { id } })).status).toBe("no_show");
    expect(await db.auditEntry.count({ where: { action: "appointment.outcomeRecorded", subjectId: id } })).toBe(2);
    // A done appointment cannot be cancelled any more.
    await expectAppError(cancelByStaff(librarian, id), 409, "desk:errors.notCancellable");
  });

  it("cancel frees the place, tells the person, and refuses to record an outcome afterwards", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const { id } = await bookForCaller(librarian, callerBooking("2026-11-24T14:00:00.000Z"));
    expect((await freeOn("2026-11-24")).find((s) => s.time === "15:00")!.free.phone).toBe(0);
    await cancelByStaff(librarian, id);
    expect(await db.appointment.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "cancelled", seatKey: null });
    expect((await freeOn("2026-11-24")).find((s) => s.time === "15:00")!.free.phone).toBe(1);
    const message = await db.message.findFirstOrThrow({ where: { template: "appointmentCancelled", idempotencyKey: `appointment-cancelled:${id}` } });
    expect(message.body).toContain("abgesagt");
    await expectAppError(cancelByStaff(librarian, id), 409, "desk:errors.notCancellable");
    clock.set("2026-11-24T14:10:00Z");
    await expectAppError(recordOutcome(librarian, id, OutcomeInput.parse({ status: "done" })), 409, "desk:errors.appointmentCancelled");
    await expectAppError(cancelByStaff(volunteer, id), 403);
  });

  it("moves a caller to another time: the new place booked and confirmed, the old one free; a taken or begun one stays", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const first = await bookForCaller(librarian, callerBooking("2026-12-01T13:00:00.000Z"));
    const moved = await moveByStaff(librarian, first.id, MoveInput.parse({ choice: `phone~${tuesday.id}|2026-12-01T13:30:00.000Z`, idempotencyKey: "move-form-0001" }));
    expect(moved.reference).not.toBe(first.reference);
    expect(await db.appointment.findUniqueOrThrow({ where: { id: first.id } })).toMatchObject({ status: "cancelled", seatKey: null });
    const now = await db.appointment.findUniqueOrThrow({ where: { id: moved.id } });
    expect(now).toMatchObject({ status: "booked", pool: "phone", channel: "phone", startsAt: new Date("2026-12-01T13:30:00.000Z"), personId: (await db.appointment.findUniqueOrThrow({ where: { id: first.id } })).personId });
    const slots = await freeOn("2026-12-01");
    expect(slots.find((s) => s.time === "14:00")!.free.phone).toBe(1); // the old place is free again
    expect(slots.find((s) => s.time === "14:30")!.free.phone).toBe(0);
    const confirmation = await db.message.findUniqueOrThrow({ where: { idempotencyKey: `appointment-booked:${moved.id}` } });
    expect(confirmation.body).toContain(moved.reference);
    expect(confirmation.body).toContain("14:30");
    expect(await db.auditEntry.count({ where: { action: "appointment.moved", subjectId: first.id } })).toBe(1);
    // The same form sent twice moves once.
    expect((await moveByStaff(librarian, first.id, MoveInput.parse({ choice: `phone~${tuesday.id}|2026-12-01T13:30:00.000Z`, idempotencyKey: "move-form-0001" }))).id).toBe(moved.id);
    expect(await db.appointment.count({ where: { startsAt: new Date("2026-12-01T13:30:00.000Z"), status: "booked" } })).toBe(1);
    expect(await db.message.count({ where: { template: "appointmentBooked", idempotencyKey: { startsWith: "appointment-booked:" }, body: { contains: moved.reference } } })).toBe(1);

    // The new time was just taken: refused, the booking stays where it was.
    await bookForCaller(librarian, callerBooking("2026-12-01T14:00:00.000Z"));
    await expectAppError(moveByStaff(librarian, moved.id, MoveInput.parse({ choice: `phone~${tuesday.id}|2026-12-01T14:00:00.000Z` })), 409, "scheduling:errors.slotTaken");
    expect(await db.appointment.findUniqueOrThrow({ where: { id: moved.id } })).toMatchObject({ status: "booked", startsAt: new Date("2026-12-01T13:30:00.000Z") });
    await expectAppError(moveByStaff(volunteer, moved.id, MoveInput.parse({ choice: `phone~${tuesday.id}|2026-12-01T14:30:00.000Z` })), 403);
    expect(() => MoveInput.parse({ choice: "web~x|2026-12-01T14:30:00.000Z" })).toThrow();

    clock.set("2026-12-01T13:35:00Z"); // begun
    await expectAppError(moveByStaff(librarian, moved.id, MoveInput.parse({ choice: `phone~${tuesday.id}|2026-12-01T14:30:00.000Z` })), 409, "desk:errors.notMovable");
  });

  it("tells of a cancellation outside quiet hours, whether staff or the citizen cancelled, with the same details", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const byStaff = await bookForCaller(librarian, callerBooking("2026-11-24T14:30:00.000Z"));
    const phone = freshPhone();
    const own = await bookAppointment(citizen, { ...webBooking(tuesday.id, "2026-11-24T14:30:00.000Z"), person: { firstName: "Gisela", phone: { e164: `+49${phone.replace(/\D/g, "").slice(1)}`, type: "mobile" as const }, language: "de", contactPreference: "sms" as const } });
    const cancelled = (id: string) => db.message.findUniqueOrThrow({ where: { idempotencyKey: `appointment-cancelled:${id}` } });

    clock.set("2026-11-23T20:30:00Z"); // Monday 21:30 in Berlin: quiet hours
    await cancelByStaff(librarian, byStaff.id);
    await cancelMyAppointment(citizen, AppointmentLookupInput.parse({ reference: own.reference, phone }));
    const [staffMessage, citizenMessage] = await Promise.all([cancelled(byStaff.id), cancelled(own.id)]);
    expect(staffMessage.sendAfter).toEqual(new Date("2026-11-24T08:00:00Z")); // 09:00 the next morning
    expect(citizenMessage.sendAfter).toEqual(new Date("2026-11-24T08:00:00Z"));
    for (const [message, reference] of [[staffMessage, byStaff.reference], [citizenMessage, own.reference]] as const) {
      expect(message.body).toContain(reference);
      expect(message.body).toContain("24. November 2026");
      expect(message.body).toContain("15:30");
      expect(message.body).toContain("Stadtbibliothek");
    }

    // In the daytime it goes at once.
    clock.set("2026-11-23T10:00:00Z");
    const later = await bookForCaller(librarian, callerBooking("2026-11-24T14:30:00.000Z", { pool: "internal" }));
    clock.set("2026-11-23T15:00:00Z");
    await cancelByStaff(librarian, later.id);
    expect((await cancelled(later.id)).sendAfter).toEqual(new Date("2026-11-23T15:00:00Z"));
  });
});

describe("walk-in queue", () => {
  it("numbers the day's walk-ins, calls them in arrival order and knows the waiting times", async () => {
    clock.set("2026-11-25T09:00:00Z"); // Wednesday 10:00
    const add = (values: Record<string, string>) => addWalkIn(librarian, AddWalkInInput.parse({ locationId: library.id, ...values }));
    const erna = await add({ displayName: "Erna", concern: "Fotos vom Handy" });
    clock.advance(5 * 60_000);
    const anonymous = await add({});
    clock.advance(5 * 60_000);
    const known = await add({ displayName: "Heinz", phone: "0421 9876543" });
    expect([erna.number, anonymous.number, known.number]).toEqual([1, 2, 3]);
    expect(known.personId).toBeTruthy();

    clock.advance(2 * 60_000); // 10:12
    let queue = await walkInQueue(librarian, library.id);
    expect(queue.entries.map((e) => [e.number, e.waitedMinutes])).toEqual([[1, 12], [2, 7], [3, 2]]);
    expect(queue.averageWait).toBeNull();

    const first = await callNext(librarian, library.id);
    expect(first).toMatchObject({ number: 1, displayName: "Erna" });
    clock.advance(10 * 60_000); // 10:22
    const second = await callNext(librarian, library.id);
    expect(second.number).toBe(2);
    queue = await walkInQueue(librarian, library.id);
    expect(queue.nowServing?.number).toBe(2);
    expect(queue.averageWait).toBe(Math.round((12 + 17) / 2));
    expect(queue.entries[2].waitedMinutes).toBe(12);

    await finishWalkIn(librarian, FinishWalkInInput.parse({ walkInId: erna.id, outcome: "done", outcomeNote: "Fotos gesichert" }));
    const heinzTicket = await db.ticket.create({ data: { reference: "TKT003", personId: known.personId!, channel: "walk_in", description: "Drucker" } });
    await expectAppError(finishWalkIn(librarian, FinishWalkInInput.parse({ walkInId: anonymous.id, outcome: "done", ticketId: heinzTicket.id })), 400, "desk:errors.ticketUnknown");
    await finishWalkIn(librarian, FinishWalkInInput.parse({ walkInId: known.id, outcome: "left", ticketId: heinzTicket.id }));
    expect((await db.walkIn.findUniqueOrThrow({ where: { id: known.id } })).ticketId).toBe(heinzTicket.id);
    await expectAppError(finishWalkIn(librarian, FinishWalkInInput.parse({ walkInId: known.id, outcome: "done" })), 409, "desk:errors.walkInFinished");
    expect(await db.walkIn.findUniqueOrThrow({ where: { id: erna.id } })).toMatchObject({ status: "done", helperId: librarianRow.id, outcomeNote: "Fotos gesichert" });
    await expectAppError(callNext(librarian, library.id), 409, "desk:errors.queueEmpty");

    // The next day starts again at number 1.
    clock.set("2026-11-26T08:30:00Z");
    expect((await add({})).number).toBe(1);
  });

  it("gives ten walk-ins added at the same moment ten different numbers", async () => {
    clock.set("2026-11-27T09:00:00Z");
    const results = await Promise.all(
      Array.from({ length: 10 }, (_, i) => addWalkIn(librarian, AddWalkInInput.parse({ locationId: library.id, displayName: `Gast ${i}` }))),
    );
    expect(results.map((w) => w.number).sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    await expectAppError(addWalkIn(volunteer, AddWalkInInput.parse({ locationId: library.id })), 403);
  });
});

describe("reminders", () => {
  const reminders = (appointmentId: string) =>
    db.message.findMany({ where: { idempotencyKey: { startsWith: `appointment-reminder:${appointmentId}:` } }, orderBy: { sendAfter: "asc" } });

  it("reminds the day before at 10:00, two hours before when asked, and never twice", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const { id } = await bookAppointment(citizen, webBooking(tuesday.id, "2026-12-01T13:00:00.000Z", { wantsEarlyReminder: "on" }));
    clock.set("2026-11-30T08:40:00Z"); // Monday 09:40: 10:00 is not due before the next run
    await queueDueReminders(system);
    expect(await reminders(id)).toHaveLength(0);
    clock.set("2026-11-30T08:50:00Z");
    await queueDueReminders(system);
    await queueDueReminders(system);
    let sent = await reminders(id);
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ template: "appointmentReminder", sendAfter: new Date("2026-11-30T09:00:00Z") });
    expect(sent[0].body).toContain("14:00");
    clock.set("2026-12-01T10:50:00Z"); // Tuesday 11:50: two hours before 14:00 is 12:00
    await queueDueReminders(system);
    await queueDueReminders(system);
    sent = await reminders(id);
    expect(sent.map((m) => m.template)).toEqual(["appointmentReminder", "appointmentSoon"]);
    expect(sent[1].sendAfter).toEqual(new Date("2026-12-01T11:00:00Z"));
  });

  it("sends right away when booked after 10:00 the day before, and not at all when booked on the day", async () => {
    clock.set("2026-11-30T14:00:00Z"); // Monday 15:00
    const late = await bookAppointment(citizen, webBooking(tuesday.id, "2026-12-01T14:00:00.000Z"));
    await queueDueReminders(system);
    expect((await reminders(late.id)).map((m) => m.sendAfter)).toEqual([new Date("2026-11-30T14:00:00Z")]);
    clock.set("2026-11-30T20:00:00Z"); // Monday 21:00: quiet hours, so 09:00 on the day
    const evening = await bookAppointment(citizen, webBooking(tuesday.id, "2026-12-01T14:30:00.000Z"));
    await queueDueReminders(system);
    expect(await reminders(evening.id)).toHaveLength(0);
    clock.set("2026-12-01T07:50:00Z");
    await queueDueReminders(system);
    expect((await reminders(evening.id)).map((m) => m.sendAfter)).toEqual([new Date("2026-12-01T08:00:00Z")]);
    const sameDay = await bookAppointment(citizen, webBooking(tuesday.id, "2026-12-01T13:30:00.000Z"));
    clock.set("2026-12-01T12:00:00Z");
    await queueDueReminders(system);
    expect(await reminders(sameDay.id)).toHaveLength(0);
  });

  it("keeps quiet hours: two hours before a 10:00 appointment goes at 09:00, before 09:00 not at all", () => {
    const booked = new Date("2026-11-01T10:00:00Z");
    const at = (iso: string) => reminderTime({ startsAt: new Date(iso), createdAt: booked, wantsEarlyReminder: true }, "soon", "Europe/Berlin");
    expect(at("2026-12-03T09:00:00Z")).toEqual(new Date("2026-12-03T08:00:00Z")); // 10:00 local → 09:00 local
    expect(at("2026-12-03T08:00:00Z")).toBeNull(); // 09:00 local: 09:00 is not before the start
    expect(reminderTime({ startsAt: new Date("2026-12-03T09:00:00Z"), createdAt: booked, wantsEarlyReminder: false }, "soon", "Europe/Berlin")).toBeNull();
  });

  it("sends none for a cancelled appointment and stops one already queued", async () => {
    clock.set("2026-12-06T10:00:00Z");
    const { id } = await bookForCaller(librarian, callerBooking("2026-12-08T13:00:00.000Z"));
    clock.set("2026-12-07T08:50:00Z");
    await queueDueReminders(system);
    expect((await reminders(id)).map((m) => m.status)).toEqual(["queued"]);
    await cancelByStaff(librarian, id);
    expect((await reminders(id)).map((m) => m.status)).toEqual(["cancelled"]);
    const other = await bookForCaller(librarian, callerBooking("2026-12-08T13:30:00.000Z"));
    await cancelByStaff(librarian, other.id);
    clock.set("2026-12-07T09:00:00Z");
    await queueDueReminders(system);
    expect(await reminders(other.id)).toHaveLength(0);
  });

  it("reminds at 10:00 local on the spring-forward Sunday for a Monday 10:00 appointment", async () => {
    clock.set("2026-03-20T10:00:00Z");
    const { id } = await bookAppointment(citizen, webBooking(monday.id, "2026-03-30T08:00:00.000Z"));
    clock.set("2026-03-29T07:40:00Z"); // Sunday 09:40 CEST (clocks went forward at 02:00)
    await queueDueReminders(system);
    expect(await reminders(id)).toHaveLength(0);
    clock.set("2026-03-29T07:50:00Z");
    await queueDueReminders(system);
    const [reminder] = await reminders(id);
    expect(reminder.sendAfter).toEqual(new Date("2026-03-29T08:00:00Z"));
    expect(reminder.body).toContain("10:00");
  });
});

describe("waiting list for a fully booked day", () => {
  const DAY = "2026-12-15";
  const times = ["13:00", "13:30", "14:00", "14:30"].map((t) => `${DAY}T${t}:00.000Z`);
  const join = (phone: string, day = DAY) =>
    joinDayWaitingList(citizen, library.id, JoinDayWaitInput.parse({ firstName: "Ilse", phone, language: "de", contactPreference: "sms", day }));

  it("joins once, books a freed place for the first waiting person exactly once, and expires past days", async () => {
    clock.set("2026-12-01T10:00:00Z");
    const taken = [];
    for (const iso of times) {
      taken.push(await bookAppointment(citizen, webBooking(tuesday.id, iso)));
      await bookForCaller(librarian, callerBooking(iso));
    }
    const first = await join("0151 69000001");
    expect(first.already).toBe(false);
    expect(first.reference).toMatch(/^[A-Z0-9]{6}$/);
    expect(await join("+49 151 69000001")).toEqual({ already: true, reference: null });
    const second = await join("0151 69000002");
    expect(await db.message.count({ where: { template: "dayWaitJoined" } })).toBe(2);
    await expectAppError(join("0151 69000003", "2026-12-16"), 400, "desk:errors.noHoursThatDay");
    await expectAppError(join("0151 69000003", "2026-11-30"), 400, "desk:errors.dayOutOfRange");

    // Fully booked: nothing happens.
    expect(await offerFreedPlaces(system)).toEqual({ booked: 0, expired: 0 });
    // A cancellation (on the web) frees the 14:30 local place.
    const freed = await db.appointment.findFirstOrThrow({ where: { reference: taken[1].reference } });
    await db.appointment.update({ where: { id: freed.id }, data: { status: "cancelled", seatKey: null } });
    const results = await Promise.all([offerFreedPlaces(system), offerFreedPlaces(system)]);
    expect(results.reduce((sum, r) => sum + r.booked, 0)).toBe(1);
    expect(await offerFreedPlaces(system)).toEqual({ booked: 0, expired: 0 });

    const wait = await db.dayWait.findUniqueOrThrow({ where: { reference: first.reference! } });
    expect(wait.status).toBe("booked");
    const appointment = await db.appointment.findUniqueOrThrow({ where: { id: wait.offeredAppointmentId! } });
    expect(appointment).toMatchObject({ startsAt: new Date(times[1]), pool: "web", channel: "staff", status: "booked" });
    const offers = await db.message.findMany({ where: { template: "dayWaitOffered" } });
    expect(offers).toHaveLength(1);
    expect(offers[0].body).toContain(appointment.reference);
    expect(offers[0].body).toContain("14:30");
    expect((await db.dayWait.findUniqueOrThrow({ where: { reference: second.reference! } })).status).toBe("waiting");

    const view = await dayView(librarian, { locationId: library.id, day: DAY });
    expect(view.waits.map((w) => w.status)).toEqual(["booked", "waiting"]);

    clock.set("2026-12-15T23:30:00Z"); // Wednesday 00:30: the day is over
    expect(await offerFreedPlaces(system)).toEqual({ booked: 0, expired: 1 });
    expect((await db.dayWait.findUniqueOrThrow({ where: { reference: second.reference! } })).status).toBe("expired");
  });

  it("takes names only for a day without a free online place, and points to the week with the free ones", async () => {
    clock.set("2026-12-01T10:00:00Z"); // Tuesday; 22 December is three weeks on
    const late = "2026-12-22";
    expect(await waitingListDay(citizen, library.id, late)).toEqual({ state: "free", week: 3 });
    const refused = await join("0151 69000010", late).then(() => null, (e: unknown) => e);
    expect(refused).toBeInstanceOf(AppError);
    expect(refused).toMatchObject({ status: 400, messageKey: "desk:errors.dayNotFull" });
    expect(await db.dayWait.count({ where: { day: late } })).toBe(0);
    expect(await db.person.count({ where: { phone: "+4915169000010" } })).toBe(0); // nothing half-written
    expect(await db.message.count({ where: { template: "dayWaitJoined", toPhone: "+4915169000010" } })).toBe(0);

    // Three of four online places gone: still refused. The last one gone (phone places left): the list opens.
    const lateTimes = ["13:00", "13:30", "14:00", "14:30"].map((t) => `${late}T${t}:00.000Z`);
    for (const iso of lateTimes.slice(0, 3)) await bookAppointment(citizen, webBooking(tuesday.id, iso));
    await expectAppError(join("0151 69000010", late), 400, "desk:errors.dayNotFull");
    await bookAppointment(citizen, webBooking(tuesday.id, lateTimes[3]));
    expect(await waitingListDay(citizen, library.id, late)).toEqual({ state: "full" });
    expect((await join("0151 69000010", late)).already).toBe(false);
    // The phone places left that day stay kept for staff's callers: nobody on the list is booked into them.
    expect((await freeOn(late)).every((slot) => slot.free.phone === 1)).toBe(true);
    expect(await offerFreedPlaces(system)).toEqual({ booked: 0, expired: 0 });

    // A day without hours is no day for the list either.
    expect(await waitingListDay(citizen, library.id, "2026-12-16")).toEqual({ state: "noHours" });
  });

  it("lets staff put a caller on a full day's list where they book for callers, audit-logged, with the same rules", async () => {
    clock.set("2026-12-01T10:00:00Z");
    const input = (phone: string, day: string) => JoinDayWaitInput.parse({ firstName: "Otto", phone, day });
    await expectAppError(addCallerToDayWait(volunteer, library.id, input("0151 69000020", "2026-12-22")), 403);
    await expectAppError(addCallerToDayWait(librarian, library.id, input("0151 69000020", "2026-12-29")), 400, "desk:errors.dayNotFull");
    const added = await addCallerToDayWait(librarian, library.id, input("0151 69000020", "2026-12-22")); // full since the test above
    expect(added.already).toBe(false);
    const wait = await db.dayWait.findUniqueOrThrow({ where: { reference: added.reference! } });
    expect(await db.auditEntry.count({ where: { action: "dayWait.added", subjectId: wait.id, actorId: librarianRow.id } })).toBe(1);
    expect(await db.message.count({ where: { template: "dayWaitJoined", toPhone: "+4915169000020" } })).toBe(1);
    expect((await dayView(librarian, { locationId: library.id, day: "2026-12-22" })).waits.map((w) => w.person.firstName)).toContain("Otto");
  });
});
