// Click-to-call through the Twilio SDK against the local fake: the staff member's phone rings from the programme
// number, the bridge TwiML dials the citizen with the programme number as caller ID (the staff number nowhere),
// signed status callbacks move the call, a missed callback records exactly one attempt even when Twilio replays,
// and refusals are clear. With the outbox provider the same status update is driven by the staff page.
import type { AppLoadContext } from "@remix-run/node";
import twilio from "twilio";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { applyCallEvent, startCall } from "~/capabilities/phone/calls.server";
import { outboxProvider } from "~/capabilities/messaging/providers/outbox";
import { providerFor } from "~/capabilities/messaging/providers/index.server";
import { openTicket, OpenTicketInput } from "~/capabilities/helpdesk/tickets.server";
import { withActor } from "~/context";
import { AppError } from "~/lib/errors";
import { action as bridgeAction } from "~/routes/webhooks.twilio.bridge";
import { action as callStatusAction } from "~/routes/webhooks.twilio.call-status";
import { createTestServices } from "../helpers/db";
import { fakeTwilioConfig, startFakeTwilio } from "../helpers/fake-twilio";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";

const fake = await startFakeTwilio();
afterAll(() => fake.close());
beforeEach(() => fake.reset());

const services = await createTestServices();
services.config = { ...services.config, messageProvider: "twilio", twilio: fakeTwilioConfig(fake) };
const { db, clock } = services;
const PROGRAMME = "+494211234560";
const STAFF_PHONE = "+493023125199";
const context = { services, nonce: "", clientIp: "127.0.0.1" } as unknown as AppLoadContext;
const provider = () => providerFor(services.config);

const library = await makeLocation(db, { kind: "library" });
const centre = await makeLocation(db);
const librarianRow = await makeStaff(db, { role: "librarian", locationIds: [library.id] });
await db.staff.update({ where: { id: librarianRow.id }, data: { phone: STAFF_PHONE } });
const volunteerRow = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
await db.staff.update({ where: { id: volunteerRow.id }, data: { phone: "+493023125198" } });
const noPhoneRow = await makeStaff(db, { role: "librarian", locationIds: [library.id] });
const librarian = staffContext(services, librarianRow);
const volunteer = staffContext(services, volunteerRow);
const noPhone = staffContext(services, noPhoneRow);

let n = 0;
async function makeCallback(personOverrides: Parameters<typeof makePerson>[1] = {}) {
  const person = await makePerson(db, { firstName: "Gisela", ...personOverrides });
  await db.person.update({ where: { id: person.id }, data: { lastNameInitial: "M" } });
  const callback = await db.callback.create({
    data: { reference: `CB${String(++n).padStart(4, "0")}`, personId: person.id, locationId: library.id, channel: "staff", status: "unscheduled" },
  });
  return { person, callback };
}

/** Posts to one of our webhook URLs as Twilio would: form fields, signed over the full URL. */
async function post(route: typeof bridgeAction, url: string, params: Record<string, string>, signature?: string) {
  const request = new Request(url, {
    method: "POST",
    headers: {
      "Content-Type": "application/x-www-form-urlencoded",
      "X-Twilio-Signature": signature ?? twilio.getExpectedTwilioSignature(fake.authToken, url, params),
    },
    body: new URLSearchParams(params),
  });
  try {
    return await route({ request, context, params: {} } as Parameters<typeof bridgeAction>[0]);
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

const xml = (body: string) => {
  expect(XMLValidator.validate(body)).toBe(true);
  return new XMLParser({ ignoreAttributes: false, parseTagValue: false }).parse(body);
};

async function expectAppError(promise: Promise<unknown>, status: number, messageKey?: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
}

/** Ends a call as Twilio would when the staff member hangs up, so the next test may start one. */
const hangUp = (callId: string) => applyCallEvent(withActor(services, { kind: "system", name: "test" }), callId, { leg: "staff", status: "completed" });

describe("click-to-call with Twilio", () => {
  it("rings the staff member from the programme number, with callback URLs that carry no phone number", async () => {
    const { person, callback } = await makeCallback();
    const { id } = await startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "de" });

    const creates = fake.requests.filter((r) => r.method === "POST" && r.path.endsWith("/Calls.json"));
    expect(creates).toHaveLength(1);
    const form = creates[0]!.form;
    expect(form.To).toBe(STAFF_PHONE);
    expect(form.From).toBe(PROGRAMME);
    expect(form.Url).toBe(`http://localhost:3000/webhooks/twilio/bridge?call=${id}&lang=de`);
    expect(form.StatusCallback).toBe(`http://localhost:3000/webhooks/twilio/call-status?call=${id}`);
    for (const url of [form.Url!, form.StatusCallback!]) {
      for (const phone of [STAFF_PHONE, person.phone, PROGRAMME]) expect(url).not.toContain(phone.slice(1));
    }

    const call = await db.call.findUniqueOrThrow({ where: { id } });
    expect(call).toMatchObject({ status: "initiated", staffId: librarianRow.id, personId: person.id, callbackId: callback.id, provider: "twilio" });
    expect(call.providerId).toBe(fake.calls[0]!.sid);
    const started = await db.auditEntry.findFirstOrThrow({ where: { action: "call.started", subjectId: id } });
    expect(started.details).not.toContain(STAFF_PHONE.slice(3));
    expect(started.details).not.toContain(person.phone.slice(3));
    await hangUp(id);
  });

  it("the bridge names the citizen by first name and dials them with the programme number; the staff number is nowhere", async () => {
    const { person, callback } = await makeCallback();
    const { id } = await startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "en" });
    const url = fake.calls[0]!.url!;
    const response = await post(bridgeAction, url, { CallSid: fake.calls[0]!.sid, CallStatus: "in-progress", To: STAFF_PHONE, From: PROGRAMME });
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/xml");
    const body = await response.text();
    const twiml = xml(body).Response;
    expect(twiml.Say["#text"]).toBe("Connecting you to Gisela. Please hold.");
    expect(twiml.Say["@_language"]).toBe("en-GB");
    expect(twiml.Dial["@_callerId"]).toBe(PROGRAMME);
    expect(twiml.Dial["@_answerOnBridge"]).toBe("true");
    expect(twiml.Dial["@_timeout"]).toBe("30");
    expect(twiml.Dial["@_action"]).toBe(`http://localhost:3000/webhooks/twilio/call-status?call=${id}&leg=citizen&lang=en`);
    expect(String(twiml.Dial.Number["#text"] ?? twiml.Dial.Number)).toBe(person.phone);
    expect(body).not.toContain(STAFF_PHONE);
    expect(body).not.toContain(STAFF_PHONE.slice(3));
    expect(body).not.toContain("Gisela M");
    expect(twiml.Dial["@_action"]).not.toContain(person.phone.slice(1));
    // Picking up is "in progress" for the staff leg; the citizen is not connected yet.
    expect(await db.call.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "in_progress", answeredAt: null });
    await hangUp(id);
  });

  it("refuses forged, missing and replayed-elsewhere signatures with 403, and an unknown call gets a polite goodbye", async () => {
    const { callback } = await makeCallback();
    const { id } = await startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "de" });
    const url = fake.calls[0]!.url!;
    const params = { CallSid: fake.calls[0]!.sid, CallStatus: "in-progress" };
    expect((await post(bridgeAction, url, params, "forged")).status).toBe(403);
    const missing = new Request(url, { method: "POST", body: new URLSearchParams(params), headers: { "Content-Type": "application/x-www-form-urlencoded" } });
    await expect(bridgeAction({ request: missing, context, params: {} } as Parameters<typeof bridgeAction>[0])).rejects.toMatchObject({ status: 403 });
    // A signature for another call id does not open this one.
    const other = url.replace(id, "someoneelse");
    expect((await post(bridgeAction, url, params, twilio.getExpectedTwilioSignature(fake.authToken, other, params))).status).toBe(403);
    const status = `http://localhost:3000/webhooks/twilio/call-status?call=${id}`;
    expect((await post(callStatusAction, status, { CallStatus: "completed" }, "forged")).status).toBe(403);
    expect((await db.call.findUniqueOrThrow({ where: { id } })).status).toBe("initiated");

    const unknown = await post(bridgeAction, "http://localhost:3000/webhooks/twilio/bridge?call=nope&lang=de", params);
    const twiml = xml(await unknown.text()).Response;
    expect(twiml.Say["#text"]).toContain("nicht mehr verfügbar");
    expect(twiml).toHaveProperty("Hangup");
    expect(twiml).not.toHaveProperty("Dial");
    await hangUp(id);
  });

  it("status callbacks move a ticket call through its states, monotonic and idempotent, onto the ticket's timeline", async () => {
    const person = await makePerson(db, { firstName: "Heinz", knownAt: library.id });
    const ticket = await openTicket(librarian, OpenTicketInput.parse({ personId: person.id, channel: "phone", description: "Tablet startet nicht", locationId: library.id }));
    const { id } = await startCall(librarian, { ticketId: ticket.id }, { provider: provider(), language: "de" });
    const staffLeg = `http://localhost:3000/webhooks/twilio/call-status?call=${id}`;
    const citizenLeg = `http://localhost:3000/webhooks/twilio/call-status?call=${id}&leg=citizen&lang=de`;
    const state = () => db.call.findUniqueOrThrow({ where: { id } });

    expect((await post(callStatusAction, staffLeg, { CallStatus: "ringing" })).status).toBe(200);
    expect((await state()).status).toBe("ringing");
    await post(callStatusAction, staffLeg, { CallStatus: "in-progress" });
    expect(await state()).toMatchObject({ status: "in_progress", answeredAt: null });
    // Late or replayed news changes nothing.
    await post(callStatusAction, staffLeg, { CallStatus: "ringing" });
    expect((await state()).status).toBe("in_progress");

    clock.advance(10_000);
    const answered = await post(callStatusAction, citizenLeg, { CallStatus: "in-progress", CallSid: "CAchild" });
    expect(await answered.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const connected = await state();
    expect(connected.answeredAt).toEqual(clock.now());

    clock.advance(125_000);
    const dialAction = { DialCallStatus: "completed", DialCallDuration: "125", CallSid: fake.calls[0]!.sid };
    const end = xml(await (await post(callStatusAction, citizenLeg, dialAction)).text()).Response;
    expect(end).toHaveProperty("Hangup");
    await post(callStatusAction, citizenLeg, dialAction); // replay
    await post(callStatusAction, staffLeg, { CallStatus: "completed", CallDuration: "140" });
    expect(await state()).toMatchObject({ status: "completed", durationSeconds: 125, endedAt: clock.now() });

    const calls = await db.ticketEvent.findMany({ where: { ticketId: ticket.id, kind: "call" } });
    expect(calls).toHaveLength(1);
    expect(JSON.parse(calls[0]!.data)).toEqual({ outcome: "reached" });
    expect(calls[0]!.actorId).toBe(librarianRow.id);
  });

  it("the bridge leaves out a first name the staff member's voice cannot say (an Arabic name for the German voice)", async () => {
    const { callback } = await makeCallback({ firstName: "فاطمة", phone: "+4915112999001" });
    const { id } = await startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "de" });
    const bridge = await post(bridgeAction, fake.calls[0]!.url!, { CallSid: fake.calls[0]!.sid, CallStatus: "in-progress" });
    expect(xml(await bridge.text()).Response.Say["#text"]).toBe("Sie werden verbunden. Bitte warten.");
    const citizenLeg = `http://localhost:3000/webhooks/twilio/call-status?call=${id}&leg=citizen&lang=de`;
    const missed = await post(callStatusAction, citizenLeg, { DialCallStatus: "no-answer", DialCallDuration: "0" });
    expect(xml(await missed.text()).Response.Say["#text"]).toBe("Die Person hat nicht abgenommen. Der Versuch ist eingetragen. Auf Wiederhören.");
    await hangUp(id);
  });

  it("a citizen who does not answer a callback records exactly one no-answer attempt, even when Twilio replays", async () => {
    const { person, callback } = await makeCallback({ firstName: "Ilse" });
    const { id } = await startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "de" });
    await post(bridgeAction, fake.calls[0]!.url!, { CallSid: fake.calls[0]!.sid, CallStatus: "in-progress" });
    const citizenLeg = `http://localhost:3000/webhooks/twilio/call-status?call=${id}&leg=citizen&lang=de`;

    const first = await post(callStatusAction, citizenLeg, { DialCallStatus: "no-answer", DialCallDuration: "0" });
    const twiml = xml(await first.text()).Response;
    expect(twiml.Say["#text"]).toBe("Ilse hat nicht abgenommen. Der Versuch ist eingetragen. Auf Wiederhören.");
    // The <Number> callback for the same leg, the Dial action again, and the staff leg hanging up.
    await post(callStatusAction, citizenLeg, { CallStatus: "no-answer", CallSid: "CAchild" });
    await post(callStatusAction, citizenLeg, { DialCallStatus: "no-answer", DialCallDuration: "0" });
    await post(callStatusAction, `http://localhost:3000/webhooks/twilio/call-status?call=${id}`, { CallStatus: "completed" });

    expect((await db.call.findUniqueOrThrow({ where: { id } })).status).toBe("no_answer");
    const attempts = await db.callbackAttempt.findMany({ where: { callbackId: callback.id } });
    expect(attempts).toHaveLength(1);
    expect(attempts[0]).toMatchObject({ outcome: "no_answer", staffId: librarianRow.id });
    expect((await db.callback.findUniqueOrThrow({ where: { id: callback.id } })).attemptCount).toBe(1);
    const told = await db.message.findMany({ where: { personId: person.id, template: { startsWith: "callbackMissed" } } });
    expect(told).toHaveLength(1);
  });

  it("an answered callback call records no attempt by itself: the staff member records the outcome", async () => {
    const { callback } = await makeCallback();
    const { id } = await startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "de" });
    const citizenLeg = `http://localhost:3000/webhooks/twilio/call-status?call=${id}&leg=citizen&lang=de`;
    await post(callStatusAction, `http://localhost:3000/webhooks/twilio/call-status?call=${id}`, { CallStatus: "in-progress" });
    await post(callStatusAction, citizenLeg, { CallStatus: "in-progress" });
    clock.advance(61_000);
    await post(callStatusAction, `http://localhost:3000/webhooks/twilio/call-status?call=${id}`, { CallStatus: "completed" });
    expect(await db.call.findUniqueOrThrow({ where: { id } })).toMatchObject({ status: "completed", durationSeconds: 61 });
    expect(await db.callbackAttempt.count({ where: { callbackId: callback.id } })).toBe(0);
  });

  it("refuses clearly: another location, no staff phone, a second active call, a closed callback, a provider refusal", async () => {
    const { callback } = await makeCallback();
    await expectAppError(startCall(volunteer, { callbackId: callback.id }, { provider: provider(), language: "de" }), 403, "errors.forbidden");
    await expectAppError(startCall(noPhone, { callbackId: callback.id }, { provider: provider(), language: "de" }), 400, "calls:errors.noStaffPhone");
    expect(fake.calls).toHaveLength(0);

    const { id } = await startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "de" });
    const second = await makeCallback();
    await expectAppError(startCall(librarian, { callbackId: second.callback.id }, { provider: provider(), language: "de" }), 409, "calls:errors.alreadyActive");
    expect(fake.calls).toHaveLength(1);
    await hangUp(id);

    await db.callback.update({ where: { id: second.callback.id }, data: { status: "done" } });
    await expectAppError(startCall(librarian, { callbackId: second.callback.id }, { provider: provider(), language: "de" }), 409, "calls:errors.callbackClosed");

    clock.advance(1000);
    fake.failNext(1, 400, 21217);
    await expectAppError(startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "de" }), 409, "calls:errors.providerFailed");
    const failed = await db.call.findFirstOrThrow({ where: { callbackId: callback.id }, orderBy: { createdAt: "desc" } });
    expect(failed.status).toBe("failed");
    // A refused call does not block the next one.
    const again = await startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "de" });
    await hangUp(again.id);
  });

  it("a call left ringing without news stops blocking new calls after a few minutes", async () => {
    const { callback } = await makeCallback();
    await startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "de" });
    await expectAppError(startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "de" }), 409, "calls:errors.alreadyActive");
    clock.advance(6 * 60_000);
    const next = await startCall(librarian, { callbackId: callback.id }, { provider: provider(), language: "de" });
    await hangUp(next.id);
  });
});

describe("click-to-call with the outbox provider", () => {
  it("records the call and lets only its own staff member drive it through the same status update", async () => {
    const { callback } = await makeCallback();
    const { id } = await startCall(librarian, { callbackId: callback.id }, { provider: outboxProvider, language: "de" });
    expect(await db.call.findUniqueOrThrow({ where: { id } })).toMatchObject({ provider: "outbox", providerId: `outbox-call:${id}`, status: "initiated" });
    expect(fake.requests).toHaveLength(0);

    const other = staffContext(services, volunteerRow);
    await expectAppError(applyCallEvent(other, id, { leg: "staff", status: "in-progress" }), 403);
    await applyCallEvent(librarian, id, { leg: "staff", status: "in-progress" });
    const result = await applyCallEvent(librarian, id, { leg: "citizen", status: "no-answer" });
    expect(result).toMatchObject({ changed: true, status: "no_answer", attemptRecorded: true });
    const replay = await applyCallEvent(librarian, id, { leg: "citizen", status: "no-answer" });
    expect(replay).toMatchObject({ changed: false, attemptRecorded: false });
    expect(await db.callbackAttempt.count({ where: { callbackId: callback.id } })).toBe(1);
  });
});
