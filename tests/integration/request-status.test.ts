// Every reference a citizen is given answers on all three status channels — the web page's capability, SMS STATUS
// and the voice menu's status branch — with what comes next; someone else's reference of each kind is "not found".
// The requests are made the way citizens make them, so their confirmations are really in the outbox.
import { describe, expect, it } from "vitest";
import { checkRequestStatus, StatusCheckInput } from "~/capabilities/helpdesk/status-check.server";
import { reportProblem, ReportProblemInput } from "~/capabilities/helpdesk/report.server";
import { askToBorrow, AskToBorrowInput } from "~/capabilities/lending/waiting-list.server";
import { receiveSms } from "~/capabilities/phone/inbound-sms.server";
import { keypadDigits } from "~/capabilities/phone/voice-keypad";
import { voiceStep } from "~/capabilities/phone/voice-menu.server";
import { bookAppointment, BookingInput } from "~/capabilities/scheduling/appointments.server";
import { requestCallback, RequestCallbackInput } from "~/capabilities/scheduling/callbacks.server";
import { AppointmentLookupInput } from "~/capabilities/scheduling/my-appointment.server";
import { withActor } from "~/context";
import { formatPhone } from "~/lib/phone.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff } from "../helpers/factories";

// Monday 23 November 2026, 11:00 in Berlin.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db } = services;
const citizen = withActor(services, { kind: "citizen" });
const twilioSms = withActor(services, { kind: "system", name: "twilio-sms" });
const centre = await makeLocation(db, { name: "Begegnungszentrum Mitte" });
const helper = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
await db.callbackHour.create({ data: { staffId: helper.id, locationId: centre.id, weekday: 2, startTime: "10:00", endTime: "12:00", slotMinutes: 15 } });
const tuesday = await db.consultationHour.create({
  data: { locationId: centre.id, weekday: 2, startTime: "14:00", endTime: "16:00", slotMinutes: 30, capacity: 3, onlineCapacity: 3, phoneCapacity: 0 },
});

const OWNER = { local: "0151 23450001", e164: "+4915123450001" };
const OTHER = { local: "0151 23450002", e164: "+4915123450002" };
const person = (phone: string) => ({ firstName: "Gisela", phone, language: "de", contactPreference: "sms" });

/** One request of each kind for a phone number, as the public forms make them. */
async function requestsOf(phone: string) {
  const ticket = await reportProblem(citizen, ReportProblemInput.parse({ ...person(phone), description: "Das Tablet lädt nicht.", callbackWanted: false }));
  const callback = await requestCallback(citizen, {
    ...RequestCallbackInput.parse({ ...person(phone), locationId: centre.id, windows: ["2026-11-24T09:00:00.000Z/2026-11-24T11:00:00.000Z"] }),
    channel: "web",
  });
  const appointment = await bookAppointment(citizen, {
    ...BookingInput.parse({ locationId: centre.id, slot: `${tuesday.id}|2026-11-24T13:00:00.000Z`, person: person(phone) }),
    pool: "web",
    channel: "web",
  });
  const reservation = await askToBorrow(citizen, AskToBorrowInput.parse({ ...person(phone), locationId: centre.id }));
  return { ticket: ticket.reference, callback: callback.reference, appointment: appointment.reference, reservation: reservation.reference };
}

// Someone came first: they wait for a tablet ahead of the owner (who is number 2) and have the 10:00 callback.
await requestsOf("0151 23450009");
const own = await requestsOf(OWNER.local);
const foreign = await requestsOf(OTHER.local);

const web = (reference: string, phone: string) => checkRequestStatus(citizen, StatusCheckInput.parse({ reference, phoneLast4: phone.slice(-4) }));

let sid = 0;
async function sms(from: string, body: string) {
  // An hour apart, so the number's reply budget (5 answers an hour) never holds an answer back.
  services.clock.advance(61 * 60_000);
  await receiveSms(twilioSms, { from, body, messageSid: `SM${String(++sid).padStart(32, "0")}` }, { programmePhone: "+494211234560" });
  return db.message.findFirstOrThrow({ where: { toPhone: from, direction: "outbound" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
}

/** Every <Say> of the voice menu's answer when the caller types this reference on the keypad. */
async function voice(from: string, reference: string) {
  const xml = await voiceStep(citizen, { query: new URLSearchParams("step=status&lng=de&try=1"), params: { From: from, Digits: keypadDigits(reference) } });
  return [...xml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((m) => m[1]!).join(" ");
}

describe("a ticket's reference", () => {
  it("answers on the web, by SMS and by phone, and says that the confirmation went out", async () => {
    const found = await web(own.ticket, OWNER.e164);
    expect(found).toMatchObject({ kind: "ticket", status: "new" });
    // The confirmation SMS is our last message: not "we have not sent you a message yet".
    expect(found!.lastMessage?.body).toContain(`Ihre Vorgangsnummer: ${own.ticket}`);
    expect((await sms(OWNER.e164, `STATUS ${own.ticket}`)).template).toBe("smsStatusTicket");
    expect(await voice(OWNER.e164, own.ticket)).toContain("ist eingegangen");
  });
});

describe("a callback's reference", () => {
  it("answers with the planned call on every channel", async () => {
    const found = await web(own.callback, OWNER.e164);
    expect(found).toMatchObject({ kind: "callback", status: "scheduled", scheduledAt: new Date("2026-11-24T09:15:00Z") });
    expect(found!.lastMessage?.body).toContain("Wir rufen Sie am");
    const reply = await sms(OWNER.e164, `STATUS ${own.callback}`);
    expect(reply.template).toBe("smsStatusCallbackScheduled");
    expect(reply.body).toContain("10:15");
    const said = await voice(OWNER.e164, own.callback);
    expect(said).toContain("Ihr Rückruf");
    expect(said).toContain("10:15");
  });
});

describe("an appointment's booking code", () => {
  it("answers with date, time, place and how to cancel on every channel", async () => {
    const found = await web(own.appointment, OWNER.e164);
    expect(found).toMatchObject({ kind: "appointment", status: "booked", startsAt: new Date("2026-11-24T13:00:00Z"), place: "Begegnungszentrum Mitte", address: "Musterstraße 1, 28195 Bremen" });
    expect(found!.lastMessage?.body).toContain("ist gebucht");
    const reply = await sms(OWNER.e164, `STATUS ${own.appointment}`);
    expect(reply.template).toBe("smsStatusAppointmentBooked");
    expect(reply.body).toContain("14:00");
    expect(reply.body).toContain("Musterstraße 1");
    expect(reply.body).toContain("Absagen: http://localhost:3000/appointment");
    const said = await voice(OWNER.e164, own.appointment);
    expect(said).toContain("Begegnungszentrum Mitte");
    expect(said).toContain("Mein Termin");
  });
});

describe("a tablet waiting-list number", () => {
  it("answers with the place on the list on every channel", async () => {
    const found = await web(own.reservation, OWNER.e164);
    expect(found).toMatchObject({ kind: "reservation", status: "waiting", position: 2, place: "Begegnungszentrum Mitte" });
    expect(found!.lastMessage?.body).toContain("Warteliste");
    const reply = await sms(OWNER.e164, `STATUS ${own.reservation}`);
    expect(reply.template).toBe("smsStatusReservationWaiting");
    expect(reply.body).toContain("Nr. 2");
    expect(await voice(OWNER.e164, own.reservation)).toContain("Sie sind Nummer 2 auf der Liste in Begegnungszentrum Mitte.");
  });

  it("an offered tablet: until when it is kept", async () => {
    const offerExpiresAt = new Date("2026-11-26T16:00:00Z");
    await db.reservation.update({ where: { reference: own.reservation }, data: { status: "offered", offeredAt: services.clock.now(), offerExpiresAt } });
    expect(await web(own.reservation, OWNER.e164)).toMatchObject({ kind: "reservation", status: "offered", position: null, offerExpiresAt });
    const reply = await sms(OWNER.e164, `STATUS ${own.reservation}`);
    expect(reply.template).toBe("smsStatusReservationOffered");
    expect(reply.body).toContain("17:00");
    expect(await voice(OWNER.e164, own.reservation)).toMatch(/Ein Tablet liegt in Begegnungszentrum Mitte für Sie bereit, bis .*17:00/);
    await db.reservation.update({ where: { reference: own.reservation }, data: { status: "waiting", offeredAt: null, offerExpiresAt: null } });
  });
});

describe("someone else's reference", () => {
  it.each(["ticket", "callback", "appointment", "reservation"] as const)("of a %s gets the same answer as an unknown code on every channel", async (kind) => {
    // The owner's own reference of this kind is found on every channel; the other person's is not.
    expect(await web(own[kind], OWNER.e164)).toMatchObject({ kind });
    expect((await sms(OWNER.e164, `STATUS ${own[kind]}`)).template).not.toBe("smsStatusNotFound");
    expect(await voice(OWNER.e164, own[kind])).not.toContain("keine Anfrage mit dieser Vorgangsnummer");
    const code = foreign[kind];
    expect(await web(code, OWNER.e164)).toBeNull();
    const unknownReply = await sms(OWNER.e164, "STATUS QQQQQQ");
    const foreignReply = await sms(OWNER.e164, `STATUS ${code}`);
    expect(foreignReply.template).toBe("smsStatusNotFound");
    expect(foreignReply.body).toBe(unknownReply.body);
    expect(await voice(OWNER.e164, code)).toBe(await voice(OWNER.e164, "QQQQQQ"));
    expect(await voice(OWNER.e164, code)).toContain("keine Anfrage mit dieser Vorgangsnummer");
  });
});

describe("a code typed the way people type", () => {
  it("is found on every channel with look-alike digits or letters of other keyboards", async () => {
    // Arabic-Indic digits, Cyrillic look-alikes and (for the other letters) full-width forms of the same code.
    const cyrillic = { A: "А", C: "С", E: "Е", H: "Н", K: "К", M: "М", P: "Р", T: "Т", X: "Х", Y: "У" } as Record<string, string>;
    const typed = [...own.ticket]
      .map((c) => (/\d/.test(c) ? String.fromCharCode(0x0660 + Number(c)) : (cyrillic[c] ?? String.fromCharCode(c.charCodeAt(0) + 0xfee0))))
      .join("");
    expect(await web(typed, OWNER.e164)).toMatchObject({ kind: "ticket" });
    expect((await sms(OWNER.e164, `STATUS ${typed}`)).template).toBe("smsStatusTicket");
  });

  it("that cannot be a code is told how codes look — on the web form and by SMS — not that nothing was found", async () => {
    const message = (reference: string) => StatusCheckInput.safeParse({ reference, phoneLast4: "0001" }).error?.issues[0]?.message;
    expect(message("BOSSIL")).toBe("helpdesk:errors.referenceCharacters");
    expect(message("AC39K")).toBe("helpdesk:errors.referenceInvalid");
    const reply = await sms(OWNER.e164, "STATUS BOSSIL");
    expect(reply.template).toBe("smsStatusCodeInvalid");
    expect(reply.body).toContain("nie O, 0, I, 1, L, S, 5, B, 8, Z, 2");
    expect(reply.body).toContain(formatPhone("+494211234560"));
    expect((await sms(OWNER.e164, "STATUS")).template).toBe("smsStatusCodeInvalid");
    // "My appointment" reads the code the same way and says the same.
    const lookup = (reference: string) => AppointmentLookupInput.safeParse({ reference, phone: OWNER.local });
    expect(lookup("BOSSIL").error?.issues[0]?.message).toBe("helpdesk:errors.referenceCharacters");
    expect(lookup(` ${own.appointment.toLowerCase().split("").join(" ")}\u200f`).data?.reference).toBe(own.appointment);
  });
});
