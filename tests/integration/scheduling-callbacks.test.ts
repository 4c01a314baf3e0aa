// Callbacks: scheduling into helpers' callback hours inside the person's windows, never two in one helper slot,
// attempts with automatic retries and the coordinator's ticket, quiet hours, DST, the helpdesk hand-over, and the
// staff calendar feed.
import { describe, expect, it } from "vitest";
import { reportProblem, ReportProblemInput } from "~/capabilities/helpdesk/report.server";

import { addCallbackHour, CallbackHourInput, removeCallbackHour } from "~/capabilities/scheduling/callback-hours.server";
import {
  requestCallback,
  RequestCallbackInput,
  staffRequest,
  StaffCallbackInput,
  type CallbackRequest,
} from "~/capabilities/scheduling/callbacks.server";
import { callbacksDueNow } from "~/capabilities/scheduling/callback-lists.server";
import { cancelCallback, recordAttempt, rescheduleCallback } from "~/capabilities/scheduling/callback-attempts.server";
import { windowChoices } from "~/capabilities/scheduling/callback-windows.server";
import { calendarFeed, createCalendarToken, revokeCalendarToken } from "~/capabilities/scheduling/calendar.server";
import { withActor } from "~/context";
import { AppError } from "~/lib/errors";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

// Monday 23 November 2026, 11:00 in Berlin.
const MONDAY = "2026-11-23T10:00:00Z";
const services = await createTestServices(MONDAY);
const { db, clock } = services;
const library = await makeLocation(db, { kind: "library", name: "Stadtbibliothek" });
const centre = await makeLocation(db, { name: "Begegnungszentrum" });
const librarianRow = await makeStaff(db, { role: "librarian", locationIds: [library.id] });
const volunteerRow = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
const coordinatorRow = await makeStaff(db, { role: "coordinator" });

const staff = (row: Parameters<typeof staffContext>[1]) => staffContext(services, row);
const librarian = staff(librarianRow);
const volunteer = staff(volunteerRow);
const coordinator = staff(coordinatorRow);
const citizen = withActor(services, { kind: "citizen" });

async function expectAppError(promise: Promise<unknown>, status: number, messageKey?: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
}

// The librarian calls people back Monday to Friday 09:00–11:00 (Berlin) in 15-minute slots.
for (const weekday of [1, 2, 3, 4, 5]) {
  await addCallbackHour(librarian, CallbackHourInput.parse({ locationId: library.id, weekday, startTime: "09:00", endTime: "11:00", slotMinutes: "15" }));
}

let n = 0;
/** Windows as the citizen's form sends them: "<from ISO>/<to ISO>". */
const win = (from: string, to: string) => `${new Date(from).toISOString()}/${new Date(to).toISOString()}`;
const request = (windows: string[], overrides: Record<string, unknown> = {}): CallbackRequest => ({
  ...RequestCallbackInput.parse({
    firstName: "Gisela",
    phone: `0151 6${String(1000000 + ++n)}`,
    language: "de",
    contactPreference: "sms",
    locationId: library.id,
    windows,
    ...overrides,
  }),
  channel: "web",
});
const TUE_MORNING = win("2026-11-24T08:00:00Z", "2026-11-24T11:00:00Z");
const TUE_AFTERNOON = win("2026-11-24T13:00:00Z", "2026-11-24T16:00:00Z");
const MON_MORNING = win("2026-11-23T08:00:00Z", "2026-11-23T11:00:00Z");

describe("callback hours", () => {
  it("refuses an end before the start, and overlapping hours of one person on a weekday", async () => {
    expect(CallbackHourInput.safeParse({ locationId: library.id, weekday: "2", startTime: "11:00", endTime: "10:00", slotMinutes: "15" }).success).toBe(false);
    expect(CallbackHourInput.safeParse({ locationId: library.id, weekday: "2", startTime: "10:00", endTime: "11:00", slotMinutes: "25" }).success).toBe(false);
    await expectAppError(
      addCallbackHour(librarian, CallbackHourInput.parse({ locationId: library.id, weekday: "2", startTime: "10:30", endTime: "12:00", slotMinutes: "15" })),
      409,
      "callbacks:errors.hoursOverlap",
    );
  });

  it("lets staff set only their own hours, where they work; coordinators set them for others", async () => {
    await expectAppError(
      addCallbackHour(volunteer, CallbackHourInput.parse({ staffId: librarianRow.id, locationId: library.id, weekday: "6", startTime: "10:00", endTime: "11:00", slotMinutes: "15" })),
      403,
    );
    await expectAppError(
      addCallbackHour(volunteer, CallbackHourInput.parse({ locationId: library.id, weekday: "6", startTime: "10:00", endTime: "11:00", slotMinutes: "15" })),
      403,
    );
    await expectAppError(
      addCallbackHour(coordinator, CallbackHourInput.parse({ staffId: volunteerRow.id, locationId: library.id, weekday: "6", startTime: "10:00", endTime: "11:00", slotMinutes: "15" })),
      400,
      "callbacks:errors.staffNotAtLocation",
    );
    const hour = await addCallbackHour(
      coordinator,
      CallbackHourInput.parse({ staffId: volunteerRow.id, locationId: centre.id, weekday: "6", startTime: "10:00", endTime: "11:00", slotMinutes: "20" }),
    );
    expect(hour.staffId).toBe(volunteerRow.id);
    expect(await db.auditEntry.count({ where: { action: "callbackHour.added", subjectId: hour.id, actorId: coordinatorRow.id } })).toBe(1);
  });
});

describe("scheduling a callback", () => {
  it("offers morning and afternoon windows for the next 7 working days, without today's past ones", () => {
    const days = windowChoices(clock.now());
    expect(days).toHaveLength(7);
    expect(days[0].day).toBe("2026-11-23");
    expect(days[0].windows.map((w) => w.part)).toEqual(["morning", "afternoon"]);
    expect(days.map((d) => d.day)).not.toContain("2026-11-28");
  });

  it("takes the earliest slot inside the windows and the callback hours, at least 15 minutes ahead", async () => {
    const first = await requestCallback(citizen, request([MON_MORNING, TUE_MORNING]));
    expect(first.scheduledAt?.toISOString()).toBe("2026-11-24T08:00:00.000Z");
    const second = await requestCallback(citizen, request([TUE_MORNING]));
    expect(second.scheduledAt?.toISOString()).toBe("2026-11-24T08:15:00.000Z");
    const row = await db.callback.findUniqueOrThrow({ where: { id: first.id } });
    expect(row).toMatchObject({ status: "scheduled", assignedId: librarianRow.id, slotKey: `${librarianRow.id}|2026-11-24T08:00:00.000Z` });
    const message = await db.message.findFirstOrThrow({ where: { template: "callbackScheduled", personId: row.personId } });
    expect(message.body).toContain(first.reference);
    expect(message.body).toContain("Dienstag, 24. November 2026");
    expect(message.body).toContain("09:00");
  });

  it("never gives two of twenty simultaneous requests the same helper slot; the rest wait for a person", async () => {
    const WED_MORNING = win("2026-11-25T08:00:00Z", "2026-11-25T11:00:00Z");
    const results = await Promise.all(Array.from({ length: 20 }, () => requestCallback(citizen, request([WED_MORNING]))));
    const times = results.filter((r) => r.scheduledAt).map((r) => r.scheduledAt!.toISOString());
    expect(times).toHaveLength(8); // 09:00–11:00 in 15-minute slots
    expect(new Set(times).size).toBe(8);
    expect(results.filter((r) => !r.scheduledAt)).toHaveLength(12);
    expect(await db.callback.count({ where: { id: { in: results.map((r) => r.id) }, status: "unscheduled" } })).toBe(12);
  });

  it("stays unscheduled (and says so) when no helper has hours in the windows", async () => {
    const result = await requestCallback(citizen, request([TUE_AFTERNOON]));
    expect(result.scheduledAt).toBeNull();
    const row = await db.callback.findUniqueOrThrow({ where: { id: result.id } });
    expect(row.status).toBe("unscheduled");
    const message = await db.message.findFirstOrThrow({ where: { personId: row.personId } });
    expect(message.template).toBe("callbackReceived");
    // At a place where nobody keeps callback hours: unscheduled too.
    expect((await requestCallback(citizen, request([TUE_MORNING], { locationId: centre.id }))).scheduledAt).toBeNull();
  });

  it("never renames a known person, and does nothing twice for the same form", async () => {
    const input = request([win("2026-12-01T08:00:00Z", "2026-12-01T10:00:00Z")], { idempotencyKey: "callback-form-1" });
    const first = await requestCallback(citizen, input);
    const again = await requestCallback(citizen, { ...input, firstName: "Heinz" });
    expect(again.reference).toBe(first.reference);
    const other = await requestCallback(citizen, { ...input, firstName: "Heinz", idempotencyKey: undefined });
    const person = await db.callback.findUniqueOrThrow({ where: { id: other.id } }).person();
    expect(person?.firstName).toBe("Gisela");
  });

  it("lets staff type their own window (local time)", async () => {
    const values = StaffCallbackInput.parse({
      firstName: "Heinz",
      phone: "0421 9876543",
      locationId: library.id,
      customDay: "2026-12-03",
      customFrom: "10:30",
      customTo: "11:00",
    });
    const result = await requestCallback(librarian, staffRequest(values));
    expect(result.scheduledAt?.toISOString()).toBe("2026-12-03T09:30:00.000Z");
    expect(StaffCallbackInput.safeParse({ firstName: "Heinz", phone: "0421 9876543", customDay: "2026-12-03" }).success).toBe(false);
  });

  it("sends the confirmation outside quiet hours", async () => {
    clock.set("2026-11-23T20:30:00Z"); // 21:30 in Berlin
    const result = await requestCallback(citizen, request([win("2026-12-04T08:00:00Z", "2026-12-04T10:00:00Z")]));
    const row = await db.callback.findUniqueOrThrow({ where: { id: result.id } });
    const message = await db.message.findFirstOrThrow({ where: { personId: row.personId, template: "callbackScheduled" } });
    expect(message.sendAfter.toISOString()).toBe("2026-11-24T08:00:00.000Z");
    clock.set(MONDAY);
  });

  it("places callback hours by local time across the change to summer time", async () => {
    const place = await makeLocation(db, { name: "Sommerzeit" });
    const helper = await makeStaff(db, { role: "volunteer", locationIds: [place.id] });
    await addCallbackHour(staff(helper), CallbackHourInput.parse({ locationId: place.id, weekday: "1", startTime: "09:00", endTime: "11:00", slotMinutes: "10" }));
    clock.set("2026-03-27T10:00:00Z");
    const result = await requestCallback(citizen, request([win("2026-03-29T22:00:00Z", "2026-03-30T22:00:00Z")], { locationId: place.id }));
    expect(result.scheduledAt?.toISOString()).toBe("2026-03-30T07:00:00.000Z");
    clock.set(MONDAY);
  });
});

describe("calling", () => {
  it("lists what is due now for me, later today, and for coordinators what needs a person", async () => {
    clock.set("2026-11-24T08:05:00Z"); // Tuesday 09:05
    const due = await callbacksDueNow(librarian);
    expect(due.dueNow.map((c) => c.scheduledAt?.toISOString())).toEqual(["2026-11-24T08:00:00.000Z"]);
    expect(due.laterToday[0].scheduledAt?.toISOString()).toBe("2026-11-24T08:15:00.000Z");
    expect(due.dueNow[0].person).toBe("Gisela");
    expect(due.unscheduled).toHaveLength(0);
    const overview = await callbacksDueNow(coordinator);
    expect(overview.dueNow).toHaveLength(0);
    expect(overview.unscheduled.length).toBeGreaterThanOrEqual(12);
    clock.set(MONDAY);
  });

  it("no answer: the next attempt at least 2 hours later, and the person is told; after 3 the coordinator gets a ticket", async () => {
    const THU_MORNING = win("2026-11-26T08:00:00Z", "2026-11-26T11:00:00Z");
    const { id, reference } = await requestCallback(citizen, request([THU_MORNING]));
    const callback = await db.callback.findUniqueOrThrow({ where: { id } });
    expect(callback.scheduledAt?.toISOString()).toBe("2026-11-26T08:00:00.000Z");

    clock.set("2026-11-26T08:05:00Z");
    const first = await recordAttempt(librarian, id, { outcome: "no_answer" });
    expect(first.status).toBe("scheduled");
    expect(first.scheduledAt!.getTime() - clock.now().getTime()).toBeGreaterThanOrEqual(2 * 3600_000);
    expect(first.scheduledAt?.toISOString()).toBe("2026-11-27T08:00:00.000Z"); // Friday 09:00: Thursday's hours are over
    const missed = await db.message.findFirstOrThrow({ where: { personId: callback.personId, template: "callbackMissed" } });
    expect(missed.body).toContain("nicht erreicht");
    expect(missed.body).toContain("Freitag, 27. November 2026");

    clock.set("2026-11-27T08:05:00Z");
    const second = await recordAttempt(librarian, id, { outcome: "call_again", note: "Tochter sagt: Montag" });
    expect(second.scheduledAt?.toISOString()).toBe("2026-11-30T08:00:00.000Z");

    clock.set("2026-11-30T08:05:00Z");
    const third = await recordAttempt(librarian, id, { outcome: "no_answer" });
    expect(third.status).toBe("failed");
    const failed = await db.callback.findUniqueOrThrow({ where: { id }, include: { attempts: true } });
    expect(failed).toMatchObject({ status: "failed", slotKey: null, attemptCount: 3 });
    expect(failed.attempts).toHaveLength(3);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: failed.ticketId! } });
    expect(ticket).toMatchObject({ priority: "high", channel: "staff", personId: callback.personId });
    expect(ticket.description).toBe(`Callback ${reference} failed after 3 attempts — fallback: letter or visit`);
    const last = await db.message.findFirstOrThrow({ where: { personId: callback.personId, template: "callbackFailed" } });
    expect(last.body).toContain("Bitte rufen Sie uns an");
    await expectAppError(recordAttempt(librarian, id, { outcome: "reached" }), 409, "callbacks:errors.callbackClosed");
    clock.set(MONDAY);
  });

  it("call again at the time the person asked for", async () => {
    const { id } = await requestCallback(citizen, request([win("2026-12-07T08:00:00Z", "2026-12-07T10:00:00Z")]));
    clock.set("2026-12-07T08:05:00Z");
    const result = await recordAttempt(librarian, id, { outcome: "call_again", callAgainAt: "2026-12-08T10:30" });
    expect(result.scheduledAt?.toISOString()).toBe("2026-12-08T09:30:00.000Z");
    clock.set(MONDAY);
  });

  it("a wrong number fails at once and tells the coordinator; reached is done; both free the slot", async () => {
    const wrong = await requestCallback(citizen, request([win("2026-12-09T08:00:00Z", "2026-12-09T10:00:00Z")]));
    const result = await recordAttempt(librarian, wrong.id, { outcome: "wrong_number" });
    expect(result.status).toBe("failed");
    const row = await db.callback.findUniqueOrThrow({ where: { id: wrong.id } });
    expect(row).toMatchObject({ status: "failed", slotKey: null, attemptCount: 1 });
    expect(row.ticketId).toBeTruthy();
    expect(await db.message.count({ where: { personId: row.personId, template: "callbackFailed" } })).toBe(0);

    const reached = await requestCallback(citizen, request([win("2026-12-10T08:00:00Z", "2026-12-10T10:00:00Z")]));
    expect((await recordAttempt(librarian, reached.id, { outcome: "reached", note: "Geholfen" })).status).toBe("done");
    const done = await db.callback.findUniqueOrThrow({ where: { id: reached.id } });
    expect(done).toMatchObject({ status: "done", slotKey: null });
    // The slot is free again for the next person.
    const next = await requestCallback(citizen, request([win("2026-12-10T08:00:00Z", "2026-12-10T08:15:00Z")]));
    expect(next.scheduledAt?.toISOString()).toBe("2026-12-10T08:00:00.000Z");
    // Someone at another place cannot record attempts here.
    await expectAppError(recordAttempt(volunteer, next.id, { outcome: "reached" }), 403);
  });
});

describe("moving and cancelling", () => {
  it("a missed call's message waits for the end of quiet hours", async () => {
    const { id } = await requestCallback(citizen, request([win("2026-12-14T08:00:00Z", "2026-12-14T10:00:00Z")]));
    clock.set("2026-12-14T19:30:00Z"); // 20:30 in Berlin: someone records the morning's call late
    await recordAttempt(librarian, id, { outcome: "no_answer" });
    const row = await db.callback.findUniqueOrThrow({ where: { id } });
    const message = await db.message.findFirstOrThrow({ where: { personId: row.personId, template: "callbackMissed" } });
    expect(message.sendAfter.toISOString()).toBe("2026-12-15T08:00:00.000Z");
    await expectAppError(recordAttempt(librarian, id, { outcome: "call_again", callAgainAt: "2026-12-14T10:00" }), 400, "callbacks:errors.callAgainAtInPast");
    clock.set(MONDAY);
  });

  it("staff move a call by hand to the next free slot from a time on, and the old slot is free again", async () => {
    const { id, scheduledAt } = await requestCallback(citizen, request([win("2026-12-16T08:00:00Z", "2026-12-16T08:15:00Z")]));
    expect(scheduledAt?.toISOString()).toBe("2026-12-16T08:00:00.000Z");
    const slot = await rescheduleCallback(librarian, id, { at: "2026-12-17T10:00" });
    expect(slot.startsAt.toISOString()).toBe("2026-12-17T09:00:00.000Z");
    const again = await requestCallback(citizen, request([win("2026-12-16T08:00:00Z", "2026-12-16T08:15:00Z")]));
    expect(again.scheduledAt?.toISOString()).toBe("2026-12-16T08:00:00.000Z");
    await expectAppError(rescheduleCallback(librarian, id, { at: "2026-11-20T10:00" }), 400, "callbacks:errors.rescheduleInPast");
    expect(await db.auditEntry.count({ where: { action: "callback.rescheduled", subjectId: id } })).toBe(1);
  });

  it("cancelling frees the slot and ends the callback", async () => {
    const { id } = await requestCallback(citizen, request([win("2026-12-18T08:00:00Z", "2026-12-18T08:15:00Z")]));
    await cancelCallback(librarian, id);
    expect(await db.callback.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "cancelled", slotKey: null });
    await expectAppError(cancelCallback(librarian, id), 409, "callbacks:errors.callbackClosed");
    const next = await requestCallback(citizen, request([win("2026-12-18T08:00:00Z", "2026-12-18T08:15:00Z")]));
    expect(next.scheduledAt?.toISOString()).toBe("2026-12-18T08:00:00.000Z");
  });

  it("removed callback hours take no more calls", async () => {
    const place = await makeLocation(db, { name: "Kurzzeit" });
    const helper = await makeStaff(db, { role: "volunteer", locationIds: [place.id] });
    const hour = await addCallbackHour(staff(helper), CallbackHourInput.parse({ locationId: place.id, weekday: "5", startTime: "14:00", endTime: "15:00", slotMinutes: "20" }));
    const window = [win("2026-12-04T13:00:00Z", "2026-12-04T14:00:00Z")];
    expect((await requestCallback(citizen, request(window, { locationId: place.id }))).scheduledAt?.toISOString()).toBe("2026-12-04T13:00:00.000Z");
    await expectAppError(removeCallbackHour(librarian, hour.id), 403);
    await removeCallbackHour(staff(helper), hour.id);
    expect((await requestCallback(citizen, request(window, { locationId: place.id }))).scheduledAt).toBeNull();
  });

  it("a closed place makes no calls: the next open day's slot is taken", async () => {
    const place = await makeLocation(db, { name: "Feiertagshaus" });
    const helper = await makeStaff(db, { role: "volunteer", locationIds: [place.id] });
    for (const weekday of ["3", "4"]) {
      await addCallbackHour(staff(helper), CallbackHourInput.parse({ locationId: place.id, weekday, startTime: "10:00", endTime: "11:00", slotMinutes: "20" }));
    }
    await db.closure.create({ data: { locationId: place.id, startsOn: "2026-12-09", endsOn: "2026-12-09", reason: "Betriebsausflug" } });
    const wednesdayAndThursday = [win("2026-12-09T08:00:00Z", "2026-12-10T16:00:00Z")];
    const call = await requestCallback(citizen, request(wednesdayAndThursday, { locationId: place.id }));
    expect(call.scheduledAt?.toISOString()).toBe("2026-12-10T09:00:00.000Z");
  });
});

describe("hand-over from the helpdesk", () => {
  it("a problem report with 'please call me back' creates a linked callback in the next working days", async () => {
    const input = ReportProblemInput.parse({
      firstName: "Erika",
      phone: "0151 69998877",
      language: "de",
      contactPreference: "sms",
      description: "Ich komme nicht in mein Konto.",
      callbackWanted: "on",
    });
    const { reference } = await reportProblem(citizen, input);
    const ticket = await db.ticket.findUniqueOrThrow({ where: { reference } });
    const callback = await db.callback.findFirstOrThrow({ where: { ticketId: ticket.id } });
    expect(callback.personId).toBe(ticket.personId);
    expect(callback.status).toBe("scheduled");
    expect(callback.scheduledAt!.getTime()).toBeLessThan(new Date("2026-11-26T00:00:00Z").getTime());
    const without = await reportProblem(citizen, { ...input, phone: { e164: "+4915169998878", type: "mobile" }, callbackWanted: false });
    const plain = await db.ticket.findUniqueOrThrow({ where: { reference: without.reference } });
    expect(await db.callback.count({ where: { ticketId: plain.id } })).toBe(0);
  });
});

describe("the staff calendar feed", () => {
  it("lists my callbacks and appointments with first names only; a revoked link finds nothing", async () => {
    const token = await createCalendarToken(librarian);
    expect(token).toMatch(/^[\w-]{43}$/);
    const stored = await db.staff.findUniqueOrThrow({ where: { id: librarianRow.id } });
    expect(stored.calendarTokenHash).not.toContain(token);
    const person = await db.person.create({ data: { firstName: "Hannelore", phone: "+4915160000001", phoneType: "mobile" } });
    await db.appointment.create({
      data: {
        reference: "APPT42",
        personId: person.id,
        locationId: library.id,
        startsAt: new Date("2026-11-26T13:00:00Z"),
        endsAt: new Date("2026-11-26T13:30:00Z"),
        pool: "phone",
        channel: "staff",
        bookedById: librarianRow.id,
      },
    });
    // A long place name with umlauts: more than 75 octets on the LOCATION line, as one line of 75 characters.
    const placeName = (await db.location.findUniqueOrThrow({ where: { id: library.id } })).name;
    await db.location.update({ where: { id: library.id }, data: { name: "Stadtbibliothek Bremen – Zweigstelle Gröpelingen, Lesesaal für Ältere" } });
    const feed = (await calendarFeed(citizen, token))!;
    await db.location.update({ where: { id: library.id }, data: { name: placeName } });
    expect(feed).toContain("BEGIN:VCALENDAR");
    expect(feed).toContain("END:VCALENDAR");
    const tuesday = await db.callback.findFirstOrThrow({ where: { scheduledAt: new Date("2026-11-24T08:00:00Z") } });
    expect(feed).toContain(`SUMMARY:Rückruf ${tuesday.reference}`);
    expect(feed).toContain("SUMMARY:Sprechstunde APPT42");
    expect(feed).toContain("DTSTART:20261124T080000Z");
    expect(feed).toContain("DESCRIPTION:Hannelore");
    expect(feed).not.toMatch(/\+49|0151/);
    expect(feed).not.toContain(person.id);
    // RFC 5545: no line over 75 octets, however long the place's name or umlaut-rich the text.
    for (const line of feed.split("\r\n")) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    // Other people's callbacks are not in my feed.
    const other = await createCalendarToken(coordinator);
    expect(await calendarFeed(citizen, other)).not.toContain("Rückruf");

    await revokeCalendarToken(librarian);
    expect(await calendarFeed(citizen, token)).toBeNull();
    expect(await calendarFeed(citizen, "not-a-token")).toBeNull();
    // Replacing makes the old link stop working.
    const first = await createCalendarToken(librarian);
    const second = await createCalendarToken(librarian);
    expect(await calendarFeed(citizen, first)).toBeNull();
    expect(await calendarFeed(citizen, second)).toContain("BEGIN:VCALENDAR");
  });
});
