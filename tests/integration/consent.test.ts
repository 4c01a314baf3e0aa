// Consent (Art. 7, 13): what a person agreed to is recorded per channel (web form, staff on the phone, the signed loan
// agreement, SMS START), shown on the person page, withdrawn in one audit-logged action or by SMS STOP — and after
// that no message of that purpose leaves. The first SMS a number gets carries the privacy link, the second does not.
import { describe, expect, it } from "vitest";
import { reportProblem, ReportProblemInput } from "~/capabilities/helpdesk/report.server";
import { openTicket, OpenTicketInput } from "~/capabilities/helpdesk/tickets.server";
import { CheckOutInput } from "~/capabilities/lending/loan-inputs.server";
import { checkOutDevice } from "~/capabilities/lending/loan-check-out.server";
import { deliverDueMessages } from "~/capabilities/messaging/deliver.server";
import { outboxProvider } from "~/capabilities/messaging/providers/outbox";
import { receiveSms } from "~/capabilities/phone/inbound-sms.server";
import { consentsOf, withdrawConsent } from "~/capabilities/privacy/consent.server";
import { bookAppointment, BookingInput } from "~/capabilities/scheduling/appointments.server";
import { withActor } from "~/context";
import { personPage } from "~/web/person-page.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";

// Monday 23 November 2026, 11:00 in Berlin: no quiet hours in the way.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db, clock } = services;
const here = await makeLocation(db, { name: "Begegnungszentrum Vahr" });
const elsewhere = await makeLocation(db);
const volunteerRow = await makeStaff(db, { role: "volunteer", locationIds: [here.id] });
const volunteer = staffContext(services, volunteerRow);
const outsider = staffContext(services, await makeStaff(db, { role: "volunteer", locationIds: [elsewhere.id] }));
const coordinator = staffContext(services, await makeStaff(db, { role: "coordinator" }));
const citizen = withActor(services, { kind: "citizen" });

let n = 0;
const phone = () => `0151 ${String(40000000 + ++n)}`;
const e164 = (typed: string) => `+49${typed.replace(/\D/g, "").slice(1)}`;
const report = (typed = phone()) =>
  reportProblem(citizen, ReportProblemInput.parse({ firstName: "Gisela", phone: typed, language: "de", contactPreference: "sms", description: "Mein Tablet startet nicht." }));
let sids = 0;
const sms = (from: string, body: string) => receiveSms(withActor(services, { kind: "system", name: "twilio-sms" }), { from, body, messageSid: `SM${String(++sids).padStart(32, "0")}` });
const personWith = (typed: string) => db.person.findUniqueOrThrow({ where: { phone: e164(typed) } });

describe("recording consent per channel", () => {
  it("a web form records 'contact' through the web, given by the person themselves, once while it stands", async () => {
    const typed = phone();
    await report(typed);
    await report(typed);
    const person = await personWith(typed);
    const consents = await consentsOf(services, person.id);
    expect(consents).toMatchObject([{ purpose: "contact", channel: "web", recordedBy: null, withdrawnAt: null }]);
    expect(consents[0].givenAt).toEqual(clock.now());
  });

  it("staff intake records it by phone, with the staff member, only when they ticked that they read the notice out", async () => {
    const ticked = phone();
    const unticked = phone();
    const intake = (typed: string, noticeRead?: string) =>
      openTicket(volunteer, OpenTicketInput.parse({ person: { firstName: "Erika", phone: typed }, channel: "phone", description: "WLAN geht nicht", locationId: here.id, noticeRead }));
    await intake(ticked, "on");
    await intake(unticked);
    expect(await consentsOf(services, (await personWith(ticked)).id)).toMatchObject([{ purpose: "contact", channel: "phone", recordedBy: volunteerRow.name }]);
    expect(await consentsOf(services, (await personWith(unticked)).id)).toEqual([]);
  });

  it("the booking's early-reminder tick is a consent of its own; the signed loan agreement records contact and mentoring on paper", async () => {
    const hour = await db.consultationHour.create({
      data: { locationId: here.id, weekday: 2, startTime: "14:00", endTime: "16:00", slotMinutes: 30, capacity: 3, onlineCapacity: 3, phoneCapacity: 0 },
    });
    const typed = phone();
    const input = BookingInput.parse({ locationId: here.id, slot: `${hour.id}|2026-11-24T13:00:00.000Z`, person: { firstName: "Gisela", phone: typed }, wantsEarlyReminder: "on" });
    await bookAppointment(citizen, { ...input, pool: "web", channel: "web" });
    const booked = await consentsOf(services, (await personWith(typed)).id);
    expect(booked.map((c) => `${c.purpose}/${c.channel}`).sort()).toEqual(["contact/web", "reminders/web"]);

    const borrower = await makePerson(db, { knownAt: here.id });
    const device = await db.device.create({ data: { assetTag: "T-CONSENT", locationId: here.id, model: "Tab", status: "available", accessories: "[]" } });
    await checkOutDevice(
      volunteer,
      CheckOutInput.parse({
        deviceId: device.id,
        personId: borrower.id,
        mentorId: volunteerRow.id,
        checklist: ["charged", "accessoriesPresent", "accountExplained", "simActive"],
        agreementMode: "paper",
        agreementAccepted: "on",
        idempotencyKey: "key-consent-loan-xxxxxxxx",
      }),
    );
    const signed = await consentsOf(services, borrower.id);
    expect(signed.map((c) => `${c.purpose}/${c.channel}/${c.recordedBy}`).sort()).toEqual([`contact/paper/${volunteerRow.name}`, `mentoring/paper/${volunteerRow.name}`]);
  });
});

describe("showing and withdrawing", () => {
  it("the person page shows what, when, how and who; withdrawing is one action, audit-logged, and cannot be done twice", async () => {
    const person = await makePerson(db, { knownAt: here.id });
    await openTicket(volunteer, OpenTicketInput.parse({ personId: person.id, channel: "phone", description: "Hilfe", locationId: here.id, noticeRead: "on" }));
    const page = await personPage(volunteer, person.id);
    expect(page.consents).toMatchObject([{ purpose: "contact", channel: "phone", recordedBy: volunteerRow.name, givenAt: clock.now().toISOString(), withdrawnAt: null }]);

    expect(await withdrawConsent(volunteer, person.id, "contact")).toBe(1);
    const [withdrawn] = await consentsOf(services, person.id);
    expect(withdrawn).toMatchObject({ withdrawnAt: clock.now(), withdrawnVia: "staff", withdrawnBy: volunteerRow.name });
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "consent.withdrawn", subjectId: person.id } });
    expect(entry.actorId).toBe(volunteerRow.id);
    expect(JSON.parse(entry.details)).toMatchObject({ purpose: "contact", via: "staff" });

    await expect(withdrawConsent(volunteer, person.id, "contact")).rejects.toMatchObject({ status: 409, messageKey: "tickets:person.consent.errors.notStanding" });
    await expect(withdrawConsent(volunteer, person.id, "newsletter")).rejects.toMatchObject({ status: 400, messageKey: "tickets:person.consent.errors.purpose" });
    expect(await db.auditEntry.count({ where: { action: "consent.withdrawn", subjectId: person.id } })).toBe(1);
  });

  it("staff who may not see the person cannot withdraw anything for them", async () => {
    const person = await makePerson(db, { knownAt: here.id });
    await db.consent.create({ data: { personId: person.id, purpose: "contact", channel: "web", givenAt: clock.now() } });
    await expect(withdrawConsent(outsider, person.id, "contact")).rejects.toMatchObject({ status: 404 });
    expect((await consentsOf(services, person.id))[0].withdrawnAt).toBeNull();
  });
});

describe("after a withdrawal no message of that purpose leaves", () => {
  it("a withdrawn 'contact' holds back messages queued before and after it; an extra purpose holds back only its own", async () => {
    const typed = phone();
    const { reference } = await report(typed);
    const person = await personWith(typed);
    const queuedBefore = await db.message.findFirstOrThrow({ where: { personId: person.id, direction: "outbound" } });
    // A web reporter belongs to no place yet: a coordinator (all places) withdraws it.
    await withdrawConsent(coordinator, person.id, "contact");
    await services.messenger.send(db, { to: person, template: "ticketReply", params: { reference, body: "Bitte neu starten." } });
    await deliverDueMessages(services, outboxProvider);
    const rows = await db.message.findMany({ where: { personId: person.id, direction: "outbound" } });
    expect(rows.map((r) => r.status)).toEqual(["opted_out", "opted_out"]);
    expect(rows.find((r) => r.id === queuedBefore.id)!.lastError).toBe("consent withdrawn: contact");

    // Only the early reminder was withdrawn: the usual reminder still goes.
    const other = await makePerson(db);
    await db.consent.create({ data: { personId: other.id, purpose: "contact", channel: "web", givenAt: clock.now() } });
    await db.consent.create({ data: { personId: other.id, purpose: "reminders", channel: "web", givenAt: clock.now(), withdrawnAt: clock.now(), withdrawnVia: "staff" } });
    const params = { reference: "AC39KM", when: "morgen", place: "Vahr", spelled: "A C 3 9 K M" };
    await services.messenger.send(db, { to: other, template: "appointmentSoon", params });
    await services.messenger.send(db, { to: other, template: "appointmentReminder", params });
    await deliverDueMessages(services, outboxProvider);
    const sent = await db.message.findMany({ where: { personId: other.id }, select: { template: true, status: true } });
    expect(Object.fromEntries(sent.map((m) => [m.template, m.status]))).toEqual({ appointmentSoon: "opted_out", appointmentReminder: "delivered" });
  });

  it("SMS STOP withdraws 'contact' (shown as by SMS) and the confirmation still goes; START agrees again by SMS", async () => {
    const typed = phone();
    await report(typed);
    const person = await personWith(typed);
    await sms(person.phone, "STOP");
    const [stopped] = await consentsOf(services, person.id);
    expect(stopped).toMatchObject({ purpose: "contact", withdrawnVia: "sms", withdrawnBy: null });
    expect(stopped.withdrawnAt).toEqual(clock.now());
    await deliverDueMessages(services, outboxProvider);
    const confirmation = await db.message.findFirstOrThrow({ where: { toPhone: person.phone, template: "optOutConfirmed" } });
    expect(confirmation.status).toBe("delivered");

    await sms(person.phone, "START");
    const consents = await consentsOf(services, person.id);
    expect(consents.filter((c) => !c.withdrawnAt)).toMatchObject([{ purpose: "contact", channel: "sms" }]);
    expect(await db.auditEntry.count({ where: { action: "consent.withdrawn", subjectId: person.id } })).toBe(1);
  });
});

describe("the privacy link in SMS", () => {
  it("the first SMS a number ever receives links the privacy page; the second does not; a call never does", async () => {
    const person = await makePerson(db);
    const params = { reference: "AC39KM", body: "Bitte neu starten." };
    await services.messenger.send(db, { to: person, template: "ticketReply", params });
    await services.messenger.send(db, { to: person, template: "ticketReply", params });
    const [first, second] = await db.message.findMany({ where: { personId: person.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    const bodies = [first.body, second.body];
    expect(bodies.filter((b) => b.endsWith("\nDatenschutz: http://localhost:3000/datenschutz"))).toHaveLength(1);
    expect(bodies.filter((b) => b.includes("/datenschutz"))).toHaveLength(1);

    const landline = await makePerson(db, { phone: "+494213610000", phoneType: "landline", contactPreference: "voice" });
    await services.messenger.send(db, { to: landline, template: "ticketReply", params });
    expect((await db.message.findFirstOrThrow({ where: { personId: landline.id } })).body).not.toContain("datenschutz");
  });

  it("an SMS that never reached the phone (opted out) does not count: the next one still carries the link", async () => {
    const person = await makePerson(db);
    await db.optOut.create({ data: { phone: person.phone, at: clock.now(), via: "sms" } });
    await services.messenger.send(db, { to: person, template: "ticketReply", params: { reference: "AC39KM", body: "x" } });
    await deliverDueMessages(services, outboxProvider);
    await db.optOut.delete({ where: { phone: person.phone } });
    await services.messenger.send(db, { to: person, template: "ticketReply", params: { reference: "AC39KM", body: "y" } });
    const rows = await db.message.findMany({ where: { personId: person.id }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
    expect(rows.map((r) => [r.status, r.body.includes("/datenschutz")])).toEqual([
      ["opted_out", true],
      ["queued", true],
    ]);
  });
});
