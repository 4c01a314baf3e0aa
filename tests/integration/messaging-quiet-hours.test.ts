// Quiet hours are the messenger's: every kind of message the app sends is triggered at 22:00 in Berlin through the
// real capability and must leave at 09:00 the next morning — only the answers to an SMS the citizen has just sent
// leave at once. The kinds come from locales/de/messages.json and the app's source, so a kind the app starts to
// send fails the last test here until it is triggered above.
import fs from "node:fs";
import path from "node:path";
import ts from "typescript";
import { describe, expect, it } from "vitest";
import { reportProblem, ReportProblemInput, takeTicket } from "~/capabilities/helpdesk/report.server";
import { OpenTicketInput } from "~/capabilities/helpdesk/tickets.server";
import { replyToCitizen, ReplyInput } from "~/capabilities/helpdesk/ticket-workflow.server";
import { sendLoanReminders } from "~/capabilities/lending/loan-reminders.server";
import { extendLoan } from "~/capabilities/lending/loans.server";
import { checkOutDevice } from "~/capabilities/lending/loan-check-out.server";
import { CheckOutInput, ExtendInput } from "~/capabilities/lending/loan-inputs.server";
import { planSession, SessionInput } from "~/capabilities/lending/mentoring.server";
import { askToBorrow, AskToBorrowInput } from "~/capabilities/lending/waiting-list.server";
import { expireOffers, offerFreeDevices } from "~/capabilities/lending/waiting-list-offers.server";
import { receiveSms } from "~/capabilities/phone/inbound-sms.server";
import { voiceStep } from "~/capabilities/phone/voice-menu.server";
import { bookAppointment, BookingInput } from "~/capabilities/scheduling/appointments.server";
import { requestCallback, RequestCallbackInput } from "~/capabilities/scheduling/callbacks.server";
import { AttemptInput, recordAttempt, rescheduleCallback, RescheduleInput } from "~/capabilities/scheduling/callback-attempts.server";
import { JoinDayWaitInput, joinDayWaitingList, offerFreedPlaces } from "~/capabilities/scheduling/day-waits.server";
import { bookForCaller, cancelByStaff, MoveInput, moveByStaff, StaffBookingInput } from "~/capabilities/scheduling/desk.server";
import { AppointmentLookupInput, cancelMyAppointment } from "~/capabilities/scheduling/my-appointment.server";
import { queueDueReminders } from "~/capabilities/scheduling/reminders.server";
import { withActor } from "~/context";
import { newReferenceCode } from "~/lib/reference-code";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";

const NIGHT = new Date("2026-11-24T21:00:00Z"); // Tuesday 22:00 in Berlin
const MORNING = new Date("2026-11-25T08:00:00Z"); // Wednesday 09:00 in Berlin

// Everything before the night is set up on Monday 23 November 2026, 11:00 in Berlin.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db, clock } = services;
const citizen = withActor(services, { kind: "citizen" });
const system = withActor(services, { kind: "system", name: "test" });
const twilioSms = withActor(services, { kind: "system", name: "twilio-sms" });
const library = await makeLocation(db, { kind: "library", name: "Stadtbibliothek" });
const centre = await makeLocation(db, { name: "Begegnungszentrum" }); // lends tablets; nobody calls back from here
const librarianRow = await makeStaff(db, { role: "librarian", locationIds: [library.id] });
const mentorRow = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
const coordinator = staffContext(services, await makeStaff(db, { role: "coordinator" }));
// Consultation hours on Wednesday 10:00–16:00 (one online and one phone place per half hour) and Thursday
// 14:00–15:00 (one online place per half hour: easily full); callbacks from the library Monday to Friday 09:00–11:00.
const wednesday = await db.consultationHour.create({
  data: { locationId: library.id, weekday: 3, startTime: "10:00", endTime: "16:00", slotMinutes: 30, capacity: 2, onlineCapacity: 1, phoneCapacity: 1 },
});
const thursday = await db.consultationHour.create({
  data: { locationId: library.id, weekday: 4, startTime: "14:00", endTime: "15:00", slotMinutes: 30, capacity: 1, onlineCapacity: 1, phoneCapacity: 0 },
});
for (const weekday of [1, 2, 3, 4, 5]) {
  await db.callbackHour.create({ data: { staffId: librarianRow.id, locationId: library.id, weekday, startTime: "09:00", endTime: "11:00", slotMinutes: 15 } });
}

let n = 0;
const freshPhone = () => `0151 7${String(1000000 + ++n)}`;
const e164 = (phone: string) => `+49${phone.replace(/\D/g, "").slice(1)}`;
const newPerson = () => ({ firstName: "Gisela", phone: freshPhone(), language: "de", contactPreference: "sms" });

type Leaving = [template: string, sendAfter: string];
/** Every kind whose leaving time a test below checked. */
const covered = new Set<string>();

/** Runs `action` at `at` (22:00 unless said) and answers what it put in the outbox: each message's kind and time. */
async function sent(action: () => Promise<unknown>, at = NIGHT): Promise<Leaving[]> {
  const before = new Set((await db.message.findMany({ select: { id: true } })).map((m) => m.id));
  clock.set(at);
  await action();
  const fresh = (await db.message.findMany({ where: { direction: "outbound" } })).filter((m) => !before.has(m.id));
  for (const m of fresh) covered.add(m.template);
  return byKind(fresh.map((m) => [m.template, m.sendAfter.toISOString()]));
}
const byKind = (list: Leaving[]) => [...list].sort((a, b) => a.join().localeCompare(b.join()));
const leaving = (at: Date, ...templates: string[]): Leaving[] => byKind(templates.map((t) => [t, at.toISOString()]));
/** Held back by quiet hours: 09:00 the next morning. */
const held = (...templates: string[]) => leaving(MORNING, ...templates);
/** An answer to the SMS just received: at once. */
const atOnce = (...templates: string[]) => leaving(NIGHT, ...templates);

const webBooking = (hourId: string, iso: string, extra: Record<string, unknown> = {}) => ({
  ...BookingInput.parse({ locationId: library.id, slot: `${hourId}|${iso}`, person: newPerson(), ...extra }),
  pool: "web" as const,
  channel: "web" as const,
});

// Booked on Monday, for the reminders: Wednesday 14:00, and Wednesday 10:30 with the early reminder.
await bookAppointment(citizen, webBooking(wednesday.id, "2026-11-25T13:00:00.000Z"));
await bookAppointment(citizen, webBooking(wednesday.id, "2026-11-25T09:30:00.000Z", { wantsEarlyReminder: true }));

describe("consultation hours", () => {
  it("the reminders of the day before, queued late (the job was down at 10:00), wait for the morning", async () => {
    expect(await sent(() => queueDueReminders(system))).toEqual(held("appointmentReminder", "appointmentReminder"));
  });

  it("the reminder two hours before a 10:30 appointment, queued at 08:50, leaves at 09:00", async () => {
    expect(await sent(() => queueDueReminders(system), new Date("2026-11-25T07:50:00Z"))).toEqual(held("appointmentSoon"));
  });

  it("booking, moving and cancelling at night: each confirmation in the morning", async () => {
    expect(await sent(() => bookAppointment(citizen, webBooking(wednesday.id, "2026-11-25T14:00:00.000Z")))).toEqual(held("appointmentBooked"));

    clock.set("2026-11-23T10:00:00Z");
    const phone = freshPhone();
    const own = await bookAppointment(citizen, webBooking(wednesday.id, "2026-11-25T14:30:00.000Z", { person: { ...newPerson(), phone } }));
    const byPhone = await bookForCaller(coordinator, StaffBookingInput.parse({ locationId: library.id, slot: `${wednesday.id}|2026-11-25T12:00:00.000Z`, person: newPerson() }));
    const toMove = await bookForCaller(coordinator, StaffBookingInput.parse({ locationId: library.id, slot: `${wednesday.id}|2026-11-25T12:30:00.000Z`, person: newPerson() }));

    expect(await sent(() => cancelMyAppointment(citizen, AppointmentLookupInput.parse({ reference: own.reference, phone })))).toEqual(held("appointmentCancelled"));
    expect(await sent(() => cancelByStaff(coordinator, byPhone.id))).toEqual(held("appointmentCancelled"));
    expect(await sent(() => moveByStaff(coordinator, toMove.id, MoveInput.parse({ choice: `phone~${wednesday.id}|2026-11-25T11:00:00.000Z` })))).toEqual(
      held("appointmentBooked"),
    );
  });

  it("a full day's waiting list: joining, and the place booked for them after a cancellation", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const phone = freshPhone();
    const first = await bookAppointment(citizen, webBooking(thursday.id, "2026-11-26T13:00:00.000Z", { person: { ...newPerson(), phone } }));
    await bookAppointment(citizen, webBooking(thursday.id, "2026-11-26T13:30:00.000Z"));
    const join = JoinDayWaitInput.parse({ ...newPerson(), day: "2026-11-26" });
    expect(await sent(() => joinDayWaitingList(citizen, library.id, join))).toEqual(held("dayWaitJoined"));
    expect(await sent(() => cancelMyAppointment(citizen, AppointmentLookupInput.parse({ reference: first.reference, phone })))).toEqual(
      held("appointmentCancelled"),
    );
    expect(await sent(() => offerFreedPlaces(system))).toEqual(held("appointmentBooked", "dayWaitOffered"));
  });
});

describe("callbacks", () => {
  const windowValue = (from: string, to: string) => `${from}/${to}`;
  const WEDNESDAY_MORNING = windowValue("2026-11-25T08:00:00.000Z", "2026-11-25T11:00:00.000Z");
  const ask = (locationId: string) =>
    requestCallback(citizen, { ...RequestCallbackInput.parse({ ...newPerson(), locationId, windows: [WEDNESDAY_MORNING] }), channel: "web" });
  const noAnswer = AttemptInput.parse({ outcome: "no_answer" });

  it("asked for on the web: the time of the call, or that we will say when, in the morning", async () => {
    expect(await sent(() => ask(library.id))).toEqual(held("callbackScheduled"));
    expect(await sent(() => ask(centre.id))).toEqual(held("callbackReceived"));
  });

  it("a missed call, the last missed call, no time left, and a call moved by staff: told in the morning", async () => {
    clock.set("2026-11-23T10:00:00Z");
    const missed = await ask(library.id);
    const last = await ask(library.id);
    await db.callback.update({ where: { id: last.id }, data: { attemptCount: 2 } });
    const nowhere = await ask(centre.id);
    const moved = await ask(library.id);

    expect(await sent(() => recordAttempt(coordinator, missed.id, noAnswer))).toEqual(held("callbackMissed"));
    expect(await sent(() => recordAttempt(coordinator, last.id, noAnswer))).toEqual(held("callbackFailed"));
    expect(await sent(() => recordAttempt(coordinator, nowhere.id, noAnswer))).toEqual(held("callbackMissedNoTime"));
    expect(await sent(() => rescheduleCallback(coordinator, moved.id, RescheduleInput.parse({ at: "2026-11-26T09:00" })))).toEqual(held("callbackScheduled"));
  });
});

describe("the helpdesk", () => {
  const report = (callbackWanted: boolean) =>
    reportProblem(citizen, ReportProblemInput.parse({ ...newPerson(), description: "Das Tablet geht nicht an", callbackWanted }));

  it("a problem reported on the web at night: its reference (and the call) in the morning", async () => {
    expect(await sent(() => report(false))).toEqual(held("ticketCreated"));
    expect(await sent(() => report(true))).toEqual(held("ticketCreatedCallback"));
  });

  it("a ticket staff take late with a call nobody can plan yet: in the morning", async () => {
    const person = await makePerson(db);
    const input = OpenTicketInput.parse({ personId: person.id, channel: "phone", description: "WLAN", locationId: centre.id, callbackWanted: "on" });
    expect(await sent(() => takeTicket(coordinator, input))).toEqual(held("ticketCreatedCallbackLater"));
  });

  it("staff's replies written at 22:00, with or without a help article, in the morning", async () => {
    const person = await makePerson(db);
    const ticket = await db.ticket.create({
      data: { reference: newReferenceCode(), personId: person.id, channel: "web", description: "Fotos", status: "open", lastActivityAt: clock.now(), dueAt: clock.now() },
    });
    const article = await db.helpArticle.create({ data: { slug: "fotos-senden", title: "Fotos senden", body: "…", titleEasy: "Fotos schicken", bodyEasy: "…" } });
    const links = { publicUrl: "https://ambulanz.example" };
    expect(await sent(() => replyToCitizen(coordinator, ticket.id, ReplyInput.parse({ body: "Bitte neu starten." }), links))).toEqual(held("ticketReply"));
    expect(await sent(() => replyToCitizen(coordinator, ticket.id, ReplyInput.parse({ body: "So geht es:", article: article.id }), links))).toEqual(
      held("ticketReplyArticle"),
    );
  });

  it("keeps the quiet hours of the ticket's place, in its own time zone", async () => {
    const helsinki = await db.location.update({ where: { id: (await makeLocation(db)).id }, data: { timeZone: "Europe/Helsinki" } });
    const newYork = await db.location.update({ where: { id: (await makeLocation(db)).id }, data: { timeZone: "America/New_York" } });
    const reply = async (locationId: string) => {
      const person = await makePerson(db);
      const ticket = await db.ticket.create({
        data: { reference: newReferenceCode(), personId: person.id, locationId, channel: "phone", description: "E-Mail", status: "open", lastActivityAt: clock.now(), dueAt: clock.now() },
      });
      return sent(() => replyToCitizen(coordinator, ticket.id, ReplyInput.parse({ body: "Erledigt." }), { publicUrl: "https://ambulanz.example" }));
    };
    // 23:00 in Helsinki: 09:00 there, an hour before Berlin's morning. 16:00 in New York: at once.
    expect(await reply(helsinki.id)).toEqual(leaving(new Date("2026-11-25T07:00:00Z"), "ticketReply"));
    expect(await reply(newYork.id)).toEqual(leaving(NIGHT, "ticketReply"));
  });
});

describe("the phone", () => {
  let sid = 0;
  const sms = (from: string, body: string) =>
    receiveSms(twilioSms, { from, body, messageSid: `SM${String(++sid).padStart(32, "0")}` }, { programmePhone: "+494211234560" });
  const call = (step: string, params: Record<string, string>) => voiceStep(citizen, { query: new URLSearchParams(`step=${step}&lng=de&try=1`), params });

  it("answers an SMS at once, also at 22:00: HILFE, a free text, STOP, START and JA to an offer", async () => {
    expect(await sent(() => sms(e164(freshPhone()), "HILFE"))).toEqual(atOnce("callbackScheduled"));
    expect(await sent(() => sms(e164(freshPhone()), "Mein Tablet geht nicht an"))).toEqual(atOnce("ticketCreated"));
    const phone = e164(freshPhone());
    expect(await sent(() => sms(phone, "STOP"))).toEqual(atOnce("optOutConfirmed"));
    expect(await sent(() => sms(phone, "START"))).toEqual(atOnce("optInConfirmed"));
    // LÖSCHEN: the request for erasure is answered at once, like every answer to the citizen's own SMS.
    expect(await sent(() => sms(e164(freshPhone()), "LÖSCHEN"))).toEqual(atOnce("erasureRequestReceived"));
    // HILFE after STOP: the answer that says the call stands (planned, or not yet), at once too.
    const stopped = e164(freshPhone());
    await sms(stopped, "STOP");
    expect(await sent(() => sms(stopped, "HILFE"))).toEqual(atOnce("helpOptedOutScheduled"));
    const unplanned = await makePerson(db);
    await db.callback.create({ data: { reference: newReferenceCode(), personId: unplanned.id, channel: "web", status: "unscheduled", windows: "[]" } });
    await sms(unplanned.phone, "STOP");
    expect(await sent(() => sms(unplanned.phone, "HILFE"))).toEqual(atOnce("helpOptedOutOpen"));

    const person = await makePerson(db);
    const device = await db.device.create({ data: { assetTag: "QH-SMS-1", locationId: centre.id, model: "Tablet", status: "reserved" } });
    await db.reservation.create({
      data: { reference: newReferenceCode(), personId: person.id, locationId: centre.id, channel: "phone", status: "offered", position: 1, offeredDeviceId: device.id, offeredAt: NIGHT, offerExpiresAt: MORNING },
    });
    expect(await sent(() => sms(person.phone, "Ja"))).toEqual(atOnce("offerAnswerNoted"));
  });

  it("answers STATUS at once, for every kind of request and state", async () => {
    // Two people: one number gets at most ANSWERS_PER_HOUR answers (decision 025).
    const person = await makePerson(db);
    const other = await makePerson(db);
    const status = (reference: string, phone = person.phone) => sent(() => sms(phone, `STATUS ${reference}`));
    const ticket = await db.ticket.create({
      data: { reference: newReferenceCode(), personId: person.id, channel: "sms", description: "Tablet", status: "waiting", lastActivityAt: NIGHT, dueAt: NIGHT },
    });
    expect(await status(ticket.reference)).toEqual(atOnce("smsStatusTicket"));
    const callbacks: [string, Record<string, unknown>][] = [
      ["smsStatusCallbackScheduled", { status: "scheduled", scheduledAt: MORNING }],
      ["smsStatusCallbackOpen", { status: "unscheduled" }],
      ["smsStatusCallbackDone", { status: "done" }],
      ["smsStatusCallbackEnded", { status: "cancelled" }],
    ];
    for (const [template, state] of callbacks) {
      const callback = await db.callback.create({ data: { reference: newReferenceCode(), personId: person.id, channel: "web", windows: "[]", ...state } });
      expect(await status(callback.reference)).toEqual(atOnce(template));
    }
    const appointments: [string, string, string][] = [
      ["smsStatusAppointmentBooked", "booked", "2026-11-26T09:00:00Z"],
      ["smsStatusAppointmentCancelled", "cancelled", "2026-11-26T09:30:00Z"],
      ["smsStatusAppointmentPast", "done", "2026-11-24T09:00:00Z"],
    ];
    for (const [template, state, startsAt] of appointments) {
      const appointment = await db.appointment.create({
        data: { reference: newReferenceCode(), personId: other.id, locationId: library.id, startsAt: new Date(startsAt), endsAt: new Date(new Date(startsAt).getTime() + 1_800_000), pool: "internal", channel: "phone", status: state },
      });
      expect(await status(appointment.reference, other.phone)).toEqual(atOnce(template));
    }
    expect(await status("QQQQQQ", other.phone)).toEqual(atOnce("smsStatusNotFound"));
    expect(await status("SOLOBB", other.phone)).toEqual(atOnce("smsStatusCodeInvalid"));
    const third = await makePerson(db);
    const reservations: [string, Record<string, unknown>][] = [
      ["smsStatusReservationWaiting", { status: "waiting" }],
      ["smsStatusReservationOffered", { status: "offered", offeredAt: NIGHT, offerExpiresAt: MORNING }],
      ["smsStatusReservationDone", { status: "fulfilled" }],
      ["smsStatusReservationEnded", { status: "cancelled" }],
    ];
    for (const [template, state] of reservations) {
      const reservation = await db.reservation.create({
        data: { reference: newReferenceCode(), personId: third.id, locationId: library.id, channel: "web", position: 1, ...state },
      });
      expect(await status(reservation.reference, third.phone)).toEqual(atOnce(template));
    }
  });

  it("a callback asked for in the voice menu, and a voice message: the caller heard the reference, the message waits", async () => {
    const from = e164(freshPhone());
    expect(await sent(() => call("menu", { From: from, CallSid: `CA${"1".repeat(32)}`, Digits: "1" }))).toEqual(held("callbackScheduled"));
    const message = { From: e164(freshPhone()), CallSid: `CA${"2".repeat(32)}`, RecordingSid: `RE${"2".repeat(32)}`, RecordingDuration: "12" };
    expect(await sent(() => call("recorded", message))).toEqual(held("ticketCreated"));
  });
});

describe("lending", () => {
  const checkOutForm = (deviceId: string, personId: string, extra: Record<string, unknown> = {}) =>
    CheckOutInput.parse({
      deviceId,
      personId,
      mentorId: mentorRow.id,
      checklist: ["charged", "accessoriesPresent", "accountExplained", "simActive"],
      agreementMode: "on_screen",
      agreementAccepted: "on",
      idempotencyKey: `quiet-hours-${deviceId}`,
      ...extra,
    });
  const makeDevice = (status: string) => db.device.create({ data: { assetTag: `QH-${++n}`, locationId: centre.id, model: "Tablet", status } });

  it("the waiting list: joining, a device offered, an offer run out — in the morning", async () => {
    expect(await sent(() => askToBorrow(citizen, AskToBorrowInput.parse({ ...newPerson(), locationId: centre.id })))).toEqual(held("reservationJoined"));
    await makeDevice("available");
    expect(await sent(() => offerFreeDevices(system))).toEqual(held("deviceOffered"));

    const person = await makePerson(db);
    const device = await makeDevice("reserved");
    await db.reservation.create({
      data: { reference: newReferenceCode(), personId: person.id, locationId: centre.id, channel: "web", status: "offered", position: 99, offeredDeviceId: device.id, offeredAt: new Date("2026-11-21T10:00:00Z"), offerExpiresAt: new Date("2026-11-24T17:00:00Z") },
    });
    expect(await sent(() => expireOffers(system))).toEqual(held("offerExpired"));
  });

  it("a loan handed out and extended late, its reminders, and a session planned at night", async () => {
    const person = await makePerson(db);
    const device = await makeDevice("available");
    let loanId = "";
    expect(
      await sent(async () => {
        loanId = (await checkOutDevice(coordinator, checkOutForm(device.id, person.id, { dueOn: "2026-12-22" }))).id;
      }),
    ).toEqual(held("loanCheckedOut"));
    expect(await sent(() => extendLoan(coordinator, loanId, ExtendInput.parse({ dueOn: "2026-12-29" })))).toEqual(held("loanExtended"));

    for (const dueAt of ["2026-11-26T17:00:00Z", "2026-11-22T17:00:00Z"]) {
      const other = await makeDevice("on_loan");
      await db.loan.create({
        data: {
          reference: newReferenceCode(),
          deviceId: other.id,
          activeDeviceId: other.id,
          personId: (await makePerson(db)).id,
          locationId: centre.id,
          mentorId: mentorRow.id,
          status: "active",
          checkedOutAt: new Date("2026-10-01T10:00:00Z"),
          dueAt: new Date(dueAt),
          agreementMode: "paper",
          agreementAcceptedAt: new Date("2026-10-01T10:00:00Z"),
        },
      });
    }
    expect(await sent(() => sendLoanReminders(services))).toEqual(held("loanDueSoon", "loanOverdue"));

    // The session's reminder has its own hour, 10:00 the day before (it says "tomorrow"): never in quiet hours either.
    const session = SessionInput.parse({ date: "2026-11-26", time: "14:00", durationMinutes: "60", attendance: "planned" });
    expect(await sent(() => planSession(coordinator, loanId, session))).toEqual(leaving(new Date("2026-11-25T09:00:00Z"), "mentoringReminder"));
  });
});

/** The string literals in the app's own source (TypeScript's parser: comments and identifiers do not count). */
function appStrings(dir = path.resolve("app"), found = new Set<string>()): Set<string> {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== "generated") appStrings(full, found);
      continue;
    }
    if (!/\.tsx?$/.test(entry.name)) continue;
    const source = ts.createSourceFile(full, fs.readFileSync(full, "utf8"), ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
    const visit = (node: ts.Node) => {
      if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node)) found.add(node.text);
      ts.forEachChild(node, visit);
    };
    visit(source);
  }
  return found;
}

describe("every kind", () => {
  it("every message the app sends was triggered at night above, and its time checked", () => {
    // Templates are named in full where they are sent (`template: "ticketCreated"`, or a map of names), which is
    // what makes this list complete. "welcome" is only sent by the demo seed, not by the app.
    const templates = Object.keys(JSON.parse(fs.readFileSync("locales/de/messages.json", "utf8")) as Record<string, unknown>);
    const strings = appStrings();
    const sentByApp = templates.filter((t) => strings.has(t)).sort();
    expect(sentByApp.length).toBeGreaterThan(30);
    expect([...covered].sort()).toEqual(sentByApp);
  });
});
