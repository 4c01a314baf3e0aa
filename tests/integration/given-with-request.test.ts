// What the citizen types is what is kept: at every entry point that finds a person by phone (problem report, callback,
// online booking, tablet waiting list, day waiting list, SMS HILFE, the voice menu's callback and voice message), a
// number already stored as "Gisela", German, does not swallow the name and language given with the request: they are
// kept on the request, its messages greet and speak as asked — also later ones — and staff see them beside the record.
import { describe, expect, it } from "vitest";
import { reportProblem, ReportProblemInput } from "~/capabilities/helpdesk/report.server";
import { replyToCitizen } from "~/capabilities/helpdesk/ticket-workflow.server";
import { askToBorrow, AskToBorrowInput } from "~/capabilities/lending/waiting-list.server";
import { receiveSms } from "~/capabilities/phone/inbound-sms.server";
import { voiceStep } from "~/capabilities/phone/voice-menu.server";
import { bookAppointment, BookingInput } from "~/capabilities/scheduling/appointments.server";
import { requestCallback, RequestCallbackInput } from "~/capabilities/scheduling/callbacks.server";
import { JoinDayWaitInput, joinDayWaitingList, offerFreedPlaces } from "~/capabilities/scheduling/day-waits.server";
import { AppointmentLookupInput, cancelMyAppointment, moveMyAppointment } from "~/capabilities/scheduling/my-appointment.server";
import { queueDueReminders } from "~/capabilities/scheduling/reminders.server";
import { withActor } from "~/context";
import { callbackPage } from "~/web/callback-pages.server";
import { appointmentPage } from "~/web/desk-pages.server";
import { ticketPage } from "~/web/ticket-pages.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";

// Monday 23 November 2026, 11:00 in Berlin.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db } = services;
const citizen = withActor(services, { kind: "citizen" });
const system = withActor(services, { kind: "system", name: "jobs" });
const twilio = withActor(services, { kind: "system", name: "twilio" });
const centre = await makeLocation(db, { name: "Begegnungszentrum Mitte" });
const coordinator = staffContext(services, await makeStaff(db, { role: "coordinator" }));
const helper = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
await db.callbackHour.create({ data: { staffId: helper.id, locationId: centre.id, weekday: 2, startTime: "10:00", endTime: "12:00", slotMinutes: 15 } });
const tuesday = await db.consultationHour.create({
  data: { locationId: centre.id, weekday: 2, startTime: "14:00", endTime: "16:00", slotMinutes: 30, capacity: 3, onlineCapacity: 3, phoneCapacity: 0 },
});
// Wednesday has one online place: once it is taken, the day is full and has a waiting list.
const wednesday = await db.consultationHour.create({
  data: { locationId: centre.id, weekday: 3, startTime: "14:00", endTime: "14:30", slotMinutes: 30, capacity: 1, onlineCapacity: 1, phoneCapacity: 0 },
});

const LAYLA = "ليلى";
/** A number we know as Gisela, a German speaker — on a landline, so each message is a call that greets by name. */
const gisela = (overrides: { phoneType?: string } = {}) =>
  makePerson(db, { firstName: "Gisela", language: "de", phoneType: overrides.phoneType ?? "landline", contactPreference: overrides.phoneType === "mobile" ? "sms" : "voice" });
const national = (e164: string) => `0${e164.slice(3)}`;
const asLayla = (phone: string) => ({ firstName: LAYLA, phone: national(phone), language: "ar", contactPreference: "sms" });
const lastMessageTo = (phone: string, template?: string) =>
  db.message.findFirstOrThrow({ where: { toPhone: phone, direction: "outbound", ...(template ? { template } : {}) }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });

/** The stored record is untouched: still Gisela, still German. */
async function expectRecordKept(phone: string) {
  expect(await db.person.findUniqueOrThrow({ where: { phone }, select: { firstName: true, language: true } })).toEqual({ firstName: "Gisela", language: "de" });
}

describe("a known number, another name and language given with the request", () => {
  it("problem report (with a call): the ticket and its callback keep them, the confirmation is Arabic and greets Layla", async () => {
    const { phone } = await gisela();
    const { reference } = await reportProblem(citizen, ReportProblemInput.parse({ ...asLayla(phone), description: "لا يعمل الجهاز", callbackWanted: "on" }));
    const ticket = await db.ticket.findUniqueOrThrow({ where: { reference } });
    expect(ticket).toMatchObject({ givenName: LAYLA, givenLanguage: "ar" });
    expect(await db.callback.findFirstOrThrow({ where: { ticketId: ticket.id } })).toMatchObject({ givenName: LAYLA, givenLanguage: "ar" });
    const message = await lastMessageTo(phone);
    expect(message).toMatchObject({ language: "ar", template: "ticketCreatedCallback" });
    expect(message.body).toContain(LAYLA);
    await expectRecordKept(phone);

    // Later messages about it too: a staff reply is written to Layla in Arabic.
    await replyToCitizen(coordinator, ticket.id, { body: "سنتصل بك" }, { publicUrl: "https://example.org" });
    expect(await lastMessageTo(phone, "ticketReply")).toMatchObject({ language: "ar" });
    // Staff see who asked beside the record.
    const page = await ticketPage(coordinator, ticket.id);
    expect(page.ticket.person).toMatchObject({ name: "Gisela", given: { name: LAYLA, language: "ar" } });
  });

  it("callback request: kept on the callback, confirmed in Arabic to Layla", async () => {
    const { phone } = await gisela();
    const { id } = await requestCallback(citizen, {
      ...RequestCallbackInput.parse({ ...asLayla(phone), locationId: centre.id, windows: ["2026-11-24T09:00:00.000Z/2026-11-24T11:00:00.000Z"] }),
      channel: "web",
    });
    expect(await db.callback.findUniqueOrThrow({ where: { id } })).toMatchObject({ givenName: LAYLA, givenLanguage: "ar" });
    const message = await lastMessageTo(phone, "callbackScheduled");
    expect(message.language).toBe("ar");
    expect(message.body).toContain(LAYLA);
    expect((await callbackPage(coordinator, id, "de")).callback.given).toEqual({ name: LAYLA, language: "ar" });
    await expectRecordKept(phone);
  });

  it("online booking as Hildegard: the booking, its reminder and a move are Hildegard's", async () => {
    const { phone } = await gisela();
    const person = { firstName: "Hildegard", phone: national(phone), language: "de", contactPreference: "sms" };
    const booked = await bookAppointment(citizen, {
      ...BookingInput.parse({ locationId: centre.id, slot: `${tuesday.id}|2026-11-24T13:00:00.000Z`, person, wantsEarlyReminder: "on" }),
      pool: "web",
      channel: "web",
    });
    // Only what differs is kept: the name, not the language (German like the record).
    expect(await db.appointment.findUniqueOrThrow({ where: { id: booked.id } })).toMatchObject({ givenName: "Hildegard", givenLanguage: null });
    expect((await lastMessageTo(phone, "appointmentBooked")).body).toContain("Hildegard");
    expect((await appointmentPage(coordinator, booked.id)).appointment.person).toMatchObject({ name: "Gisela", given: { name: "Hildegard" } });

    const moved = await moveMyAppointment(citizen, {
      ...AppointmentLookupInput.parse({ reference: booked.reference, phone: national(phone) }),
      slot: `${tuesday.id}|2026-11-24T14:00:00.000Z`,
    });
    expect(await db.appointment.findUniqueOrThrow({ where: { id: moved.id } })).toMatchObject({ givenName: "Hildegard" });
    await queueDueReminders(system);
    const reminder = await db.message.findFirstOrThrow({ where: { toPhone: phone, template: { startsWith: "appointmentReminder" } } });
    expect(reminder.body).toContain("Hildegard");
    await expectRecordKept(phone);
  });

  it("tablet waiting list: kept on the place, confirmed in Arabic", async () => {
    const { phone } = await gisela();
    const { reservationId } = await askToBorrow(citizen, AskToBorrowInput.parse({ ...asLayla(phone), locationId: centre.id }));
    expect(await db.reservation.findUniqueOrThrow({ where: { id: reservationId } })).toMatchObject({ givenName: LAYLA, givenLanguage: "ar" });
    expect(await lastMessageTo(phone, "reservationJoined")).toMatchObject({ language: "ar" });
    await expectRecordKept(phone);
  });

  it("day waiting list: kept on the place and on the appointment it becomes, told in Arabic", async () => {
    const first = await gisela();
    const firstBooking = await bookAppointment(citizen, {
      ...BookingInput.parse({ locationId: centre.id, slot: `${wednesday.id}|2026-11-25T13:00:00.000Z`, person: { firstName: "Gisela", phone: national(first.phone) } }),
      pool: "web",
      channel: "web",
    });
    const { phone } = await gisela();
    const { reference } = await joinDayWaitingList(citizen, centre.id, JoinDayWaitInput.parse({ ...asLayla(phone), day: "2026-11-25" }));
    expect(await db.dayWait.findUniqueOrThrow({ where: { reference: reference! } })).toMatchObject({ givenName: LAYLA, givenLanguage: "ar" });
    expect(await lastMessageTo(phone, "dayWaitJoined")).toMatchObject({ language: "ar" });
    // The place frees up: booked for the one waiting, as Layla, in Arabic.
    await cancelMyAppointment(citizen, AppointmentLookupInput.parse({ reference: firstBooking.reference, phone: national(first.phone) }));
    await offerFreedPlaces(system);
    expect(await db.appointment.findFirstOrThrow({ where: { person: { phone }, status: "booked" } })).toMatchObject({ givenName: LAYLA, givenLanguage: "ar" });
    const offered = await lastMessageTo(phone, "dayWaitOffered");
    expect(offered.language).toBe("ar");
    expect(offered.body).toContain(LAYLA);
    await expectRecordKept(phone);
  });

  it("SMS مساعدة (HILFE in Arabic) from a German-speaking number: the callback and its answer are Arabic", async () => {
    const { phone } = await gisela({ phoneType: "mobile" });
    await receiveSms(twilio, { from: phone, body: "مساعدة", messageSid: `SM${"7".repeat(32)}` });
    expect(await db.callback.findFirstOrThrow({ where: { person: { phone } } })).toMatchObject({ givenLanguage: "ar", givenName: null });
    expect(await lastMessageTo(phone)).toMatchObject({ language: "ar" });
    await expectRecordKept(phone);
  });

  it("voice menu in Arabic: the callback and its SMS are Arabic", async () => {
    const { phone } = await gisela({ phoneType: "mobile" });
    await voiceStep(twilio, { query: new URLSearchParams("step=callback&lng=ar"), params: { From: phone, CallSid: `CA${"8".repeat(32)}` } });
    expect(await db.callback.findFirstOrThrow({ where: { person: { phone } } })).toMatchObject({ givenLanguage: "ar", givenName: null });
    expect(await lastMessageTo(phone)).toMatchObject({ language: "ar", template: "callbackScheduled" });
    await expectRecordKept(phone);
  });

  it("voice message in Arabic: the ticket it opens answers in Arabic", async () => {
    const { phone } = await gisela({ phoneType: "mobile" });
    const params = { From: phone, CallSid: `CA${"9".repeat(32)}`, RecordingSid: `RE${"9".repeat(32)}`, RecordingDuration: "12" };
    await voiceStep(twilio, { query: new URLSearchParams("step=recorded&lng=ar&try=1"), params });
    expect(await db.ticket.findFirstOrThrow({ where: { person: { phone } } })).toMatchObject({ givenLanguage: "ar" });
    expect(await lastMessageTo(phone, "ticketCreated")).toMatchObject({ language: "ar" });
    await expectRecordKept(phone);
  });

  it("the same name and language as the record: nothing extra is stored", async () => {
    const { phone } = await gisela();
    const { reference } = await reportProblem(
      citizen,
      ReportProblemInput.parse({ firstName: "Gisela", phone: national(phone), language: "de", description: "Kein Internet", callbackWanted: false }),
    );
    expect(await db.ticket.findUniqueOrThrow({ where: { reference } })).toMatchObject({ givenName: null, givenLanguage: null });
  });
});
