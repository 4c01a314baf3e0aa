// Inbound SMS: keywords (de + en), STATUS only for the sender's own requests, opt-out and back, free text to a
// ticket, replayed MessageSids, and the signed webhook route.
import { afterAll, describe, expect, it } from "vitest";
import twilio from "twilio";
import type { AppLoadContext } from "@remix-run/node";
import { parseKeyword, receiveSms, helpWindows } from "~/capabilities/phone/inbound-sms.server";
import { deliverDueMessages } from "~/capabilities/messaging/deliver.server";
import { outboxProvider } from "~/capabilities/messaging/providers/outbox";
import { withActor } from "~/context";
import { action as smsWebhook } from "~/routes/webhooks.twilio.sms";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";
import { phoneThread, simulateSms } from "~/web/phone.server";
import { fakeTwilioConfig, startFakeTwilio } from "../helpers/fake-twilio";
import { withoutPrivacyLink } from "../helpers/privacy-link";

// Monday 23 November 2026, 11:00 in Berlin.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db, clock } = services;
const citizen = withActor(services, { kind: "system", name: "twilio-sms" });
const centre = await makeLocation(db, { name: "Begegnungszentrum" });
const helper = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
// Monday afternoon callback hours: HILFE gets a real slot.
await db.callbackHour.create({ data: { staffId: helper.id, locationId: centre.id, weekday: 1, startTime: "14:00", endTime: "16:00", slotMinutes: 15 } });

let sid = 0;
const nextSid = () => `SM${String(++sid).padStart(32, "0")}`;
const sms = (from: string, body: string, messageSid = nextSid()) => receiveSms(citizen, { from, body, messageSid }, { programmePhone: "+494211234560" });
/** What the phone would receive next: the latest outbound message to that number. */
const lastReply = (phone: string) => db.message.findFirst({ where: { toPhone: phone, direction: "outbound" }, orderBy: [{ createdAt: "desc" }, { id: "desc" }] });
const replies = (phone: string) => db.message.findMany({ where: { toPhone: phone, direction: "outbound" }, orderBy: { createdAt: "asc" } });

describe("keywords", () => {
  it("reads the first word, in any case, with punctuation and spaces around it", () => {
    for (const text of ["HILFE", "hilfe", "  Hilfe!  ", "Help", "help me please", "مساعدة"]) expect(parseKeyword(text)?.keyword).toBe("help");
    for (const text of ["STATUS AC39KM", "status ac39km", "Status  AC 39 KM"]) expect(parseKeyword(text)?.keyword).toBe("status");
    for (const text of ["STOP", "stopp", "Abmelden", "unsubscribe", "STOPALL", "cancel", "end", "quit", "توقف"]) expect(parseKeyword(text)?.keyword).toBe("stop");
    for (const text of ["START", "anmelden", "Unstop"]) expect(parseKeyword(text)?.keyword).toBe("start");
    for (const text of ["Hallo, mein Tablet geht nicht", "Bitte Hilfe", "", "Stoppuhr kaputt"]) expect(parseKeyword(text)).toBeNull();
  });

  it("offers the coming two working days 09:00–17:00 Berlin time for a callback", () => {
    const friday = helpWindows(new Date("2026-11-27T17:00:00Z")); // Friday 18:00: the day is over
    expect(friday.map((w) => w.from.toISOString())).toEqual(["2026-11-30T08:00:00.000Z", "2026-12-01T08:00:00.000Z"]);
    expect(friday[0]!.to.toISOString()).toBe("2026-11-30T16:00:00.000Z");
  });
});

describe("HILFE / HELP", () => {
  it("turns HILFE into a callback and sends the reference at once", async () => {
    const person = await makePerson(db, { firstName: "Gisela" });
    const result = await sms(person.phone, "Hilfe");
    expect(result.outcome).toBe("callback");
    const callback = await db.callback.findFirstOrThrow({ where: { personId: person.id } });
    expect(callback).toMatchObject({ channel: "sms", status: "scheduled" });
    expect(callback.scheduledAt!.toISOString()).toBe("2026-11-23T13:00:00.000Z"); // Monday 14:00 Berlin
    const reply = await lastReply(person.phone);
    expect(reply).toMatchObject({ template: "callbackScheduled", status: "queued" });
    expect(reply!.body).toContain(callback.reference);
    expect(reply!.sendAfter.getTime()).toBeLessThanOrEqual(clock.now().getTime());
    const inbound = await db.message.findMany({ where: { toPhone: person.phone, direction: "inbound" } });
    expect(inbound).toHaveLength(1);
    expect(inbound[0]).toMatchObject({ body: "Hilfe", status: "received", channel: "sms" });

    // HILFE again while that call is planned: no second callback, the planned one as the answer.
    expect(await sms(person.phone, "HILFE")).toMatchObject({ outcome: "callback", callbackId: callback.id });
    expect(await db.callback.count({ where: { personId: person.id } })).toBe(1);
    const again = (await lastReply(person.phone))!;
    expect(again.template).toBe("smsStatusCallbackScheduled");
    expect(again.body).toContain(callback.reference);
  });

  it("understands help in English and answers in the person's language", async () => {
    const person = await makePerson(db, { language: "en", firstName: "Margaret" });
    await sms(person.phone, "  help  my tablet is locked");
    const callback = await db.callback.findFirstOrThrow({ where: { personId: person.id } });
    expect(callback.concern).toBe("my tablet is locked");
    expect((await lastReply(person.phone))!.body).toMatch(/^Digitale Ambulanz: we will call you on/);
  });

  it("creates a minimal person for an unknown number and writes in German", async () => {
    const result = await sms("+4916011112222", "HILFE");
    expect(result.outcome).toBe("callback");
    const person = await db.person.findUniqueOrThrow({ where: { phone: "+4916011112222" } });
    expect(person.firstName).toBe("–");
    expect((await lastReply("+4916011112222"))!.body).toMatch(/^Digitale Ambulanz: Wir rufen Sie am/);
  });
});

describe("STATUS <code>", () => {
  it("answers with the status of the sender's own ticket, callback and appointment", async () => {
    const person = await makePerson(db);
    const ticket = await db.ticket.create({
      data: { reference: "AC39KM", personId: person.id, channel: "sms", description: "Tablet", status: "waiting", lastActivityAt: clock.now(), dueAt: clock.now() },
    });
    await sms(person.phone, "status ac39km");
    // The number's first SMS: the privacy link follows the answer (decision 033).
    expect(withoutPrivacyLink((await lastReply(person.phone))!.body)).toBe(
      `Digitale Ambulanz, Anfrage ${ticket.reference}: Wir haben Ihnen geschrieben und warten auf Ihre Antwort. Antworten Sie einfach auf unsere SMS oder rufen Sie uns an.`,
    );

    const callback = await db.callback.create({
      data: { reference: "CD47MN", personId: person.id, channel: "web", windows: "[]", status: "scheduled", scheduledAt: new Date("2026-11-24T09:00:00Z") },
    });
    await sms(person.phone, "STATUS  cd47mn ");
    const callbackReply = (await lastReply(person.phone))!;
    expect(callbackReply.template).toBe("smsStatusCallbackScheduled");
    expect(callbackReply.body).toContain(callback.reference);
    expect(callbackReply.body).toContain("10:00");

    await db.appointment.create({
      data: {
        reference: "EF67GH",
        personId: person.id,
        locationId: centre.id,
        startsAt: new Date("2026-11-25T13:00:00Z"),
        endsAt: new Date("2026-11-25T13:30:00Z"),
        pool: "phone",
        channel: "phone",
      },
    });
    await sms(person.phone, "Status EF-67-GH");
    const appointmentReply = (await lastReply(person.phone))!;
    expect(appointmentReply.template).toBe("smsStatusAppointmentBooked");
    expect(appointmentReply.body).toContain("Begegnungszentrum");
  });

  it("gives the same 'not found' answer for someone else's code and a code that does not exist", async () => {
    const owner = await makePerson(db);
    const other = await makePerson(db);
    await db.ticket.create({
      data: { reference: "HJ79KM", personId: owner.id, channel: "web", description: "x", status: "open", lastActivityAt: clock.now(), dueAt: clock.now() },
    });
    await sms(other.phone, "STATUS HJ79KM");
    const foreign = (await lastReply(other.phone))!;
    await sms(other.phone, "STATUS QQQQQQ");
    const unknown = (await lastReply(other.phone))!;
    await sms(other.phone, "STATUS");
    const missing = (await lastReply(other.phone))!;
    expect(foreign.template).toBe("smsStatusNotFound");
    expect(unknown.body).toBe(withoutPrivacyLink(foreign.body));
    // No code at all is told how a code looks (that says nothing about anyone's requests).
    expect(missing.template).toBe("smsStatusCodeInvalid");
    expect(foreign.body).not.toContain("HJ79KM");
    // Nothing about the owner's ticket changed, and STATUS opens no ticket for the asker.
    expect(await db.ticket.count({ where: { personId: other.id } })).toBe(0);
  });

  it("answers an unknown number without creating a person", async () => {
    const result = await sms("+4916033334444", "STATUS AC39KM");
    expect(result).toMatchObject({ outcome: "status", found: false, personId: null });
    expect(await db.person.findUnique({ where: { phone: "+4916033334444" } })).toBeNull();
    expect((await lastReply("+4916033334444"))!.template).toBe("smsStatusNotFound");
  });
});

describe("STOP and START", () => {
  it("records the opt-out once with one confirmation, and START undoes it", async () => {
    const person = await makePerson(db, { language: "en" });
    expect((await sms(person.phone, "STOP")).outcome).toBe("optedOut");
    expect(await db.optOut.findUnique({ where: { phone: person.phone } })).toMatchObject({ via: "sms" });
    const afterStop = await replies(person.phone);
    expect(afterStop.map((m) => m.template)).toEqual(["optOutConfirmed"]);
    expect(afterStop[0]!.body).toContain("reply START");

    // German and the other Twilio words, any case: still opted out, one more confirmation each.
    for (const word of ["stopp", "Abmelden", "unsubscribe"]) expect((await sms(person.phone, word)).outcome).toBe("optedOut");
    expect(await db.optOut.count({ where: { phone: person.phone } })).toBe(1);

    expect((await sms(person.phone, "Start")).outcome).toBe("optedIn");
    expect(await db.optOut.findUnique({ where: { phone: person.phone } })).toBeNull();
    expect((await lastReply(person.phone))!.template).toBe("optInConfirmed");

    await sms(person.phone, "ABMELDEN");
    expect(await db.optOut.findUnique({ where: { phone: person.phone } })).not.toBeNull();
    await sms(person.phone, "anmelden");
    expect(await db.optOut.findUnique({ where: { phone: person.phone } })).toBeNull();
  });
});

describe("HILFE after STOP", () => {
  it("still plans the callback and answers — through the opt-out — that the call stands, messages are off, START turns them on", async () => {
    const person = await makePerson(db, { phone: "+4915122334455" });
    await sms(person.phone, "STOP");
    await deliverDueMessages(services, outboxProvider);
    const help = await sms(person.phone, "HILFE Mein Tablet geht nicht");
    expect(help.outcome).toBe("callback");
    const callback = await db.callback.findUniqueOrThrow({ where: { id: (help as { callbackId: string }).callbackId } });
    expect(callback).toMatchObject({ status: "scheduled", concern: "Mein Tablet geht nicht" });
    const answer = (await lastReply(person.phone))!;
    expect(answer.template).toBe("helpOptedOutScheduled");
    expect(answer.body).toContain("Sie haben SMS von uns abbestellt");
    expect(answer.body).toContain("Wir rufen Sie am Montag, 23. November 2026 um 14:");
    expect(answer.body).toContain(callback.reference);
    expect(answer.body).toContain("START");
    // The usual confirmation is not written: it would be held back by the opt-out.
    expect((await replies(person.phone)).map((m) => m.template)).toEqual(["optOutConfirmed", "helpOptedOutScheduled"]);

    // The worker lets this one answer through; anything else to the number stays held back.
    const other = await db.$transaction((tx) => services.messenger.send(tx, { to: person, template: "welcome", params: { firstName: "Gisela", phone: "1" } }));
    await deliverDueMessages(services, outboxProvider);
    expect((await db.message.findUniqueOrThrow({ where: { id: answer.id } })).status).toBe("delivered");
    expect((await db.message.findUniqueOrThrow({ where: { id: other.id } })).status).toBe("opted_out");
    expect(await db.optOut.findUnique({ where: { phone: person.phone } })).not.toBeNull(); // HILFE is not START

    // Texting HILFE again: the same callback, the same kind of answer.
    clock.advance(60_000);
    const again = await sms(person.phone, "Hilfe");
    expect(again).toMatchObject({ outcome: "callback", callbackId: callback.id });
    expect((await lastReply(person.phone))!.template).toBe("helpOptedOutScheduled");
    expect(await db.callback.count({ where: { personId: person.id } })).toBe(1);
  });

  it("a callback not yet planned: says the call will come and that START brings the time by SMS", async () => {
    const person = await makePerson(db, { phone: "+4915122334466", language: "en" });
    await db.callback.create({ data: { reference: "HJ3C6R", personId: person.id, channel: "web", status: "unscheduled", windows: "[]" } });
    await sms(person.phone, "STOP");
    expect((await sms(person.phone, "HELP")).outcome).toBe("callback");
    const answer = (await lastReply(person.phone))!;
    expect(answer.template).toBe("helpOptedOutOpen");
    expect(answer.body).toBe("Digitale Ambulanz: you have turned off our text messages. Your callback still stands: we will call you. To hear by text when, reply START. Reference number: HJ3C6R.");
  });
});

describe("what cannot be answered", () => {
  it("ignores an SMS without a usable sender or message id and stores nothing", async () => {
    const before = await db.message.count();
    expect(await receiveSms(citizen, { from: "unknown", body: "Hallo", messageSid: nextSid() })).toEqual({ outcome: "ignored" });
    expect(await receiveSms(citizen, { from: "+4915199887766", body: "Hallo", messageSid: "SM<script>" })).toEqual({ outcome: "ignored" });
    expect(await db.message.count()).toBe(before);
  });
});

describe("anything else", () => {
  it("opens a ticket, then adds the next text to it", async () => {
    const person = await makePerson(db);
    const first = await sms(person.phone, "Mein Tablet startet nicht mehr");
    expect(first.outcome).toBe("created");
    const ticket = await db.ticket.findFirstOrThrow({ where: { personId: person.id }, include: { events: true } });
    expect(ticket.channel).toBe("sms");
    expect(ticket.events.filter((e) => e.kind === "message_in").map((e) => e.body)).toEqual(["Mein Tablet startet nicht mehr"]);

    const second = await sms(person.phone, "Es zeigt nur einen Apfel");
    expect(second).toMatchObject({ outcome: "added", ticketId: ticket.id });
    const events = await db.ticketEvent.findMany({ where: { ticketId: ticket.id, kind: "message_in" }, orderBy: { at: "asc" } });
    expect(events.map((e) => e.body)).toEqual(["Mein Tablet startet nicht mehr", "Es zeigt nur einen Apfel"]);
    expect(await db.ticket.count({ where: { personId: person.id } })).toBe(1);
    // Each inbound SMS is stored exactly once.
    expect(await db.message.count({ where: { toPhone: person.phone, direction: "inbound" } })).toBe(2);
  });
});

describe("replayed MessageSid", () => {
  it("does nothing twice, whatever the keyword", async () => {
    const person = await makePerson(db);
    for (const body of ["HILFE", "STATUS AC39KM", "STOP", "Noch eine Frage"]) {
      const messageSid = nextSid();
      const before = { messages: await db.message.count(), callbacks: await db.callback.count(), tickets: await db.ticket.count() };
      await sms(person.phone, body, messageSid);
      const once = { messages: await db.message.count(), callbacks: await db.callback.count(), tickets: await db.ticket.count() };
      expect(once.messages).toBeGreaterThan(before.messages);
      expect(await sms(person.phone, body, messageSid)).toEqual({ outcome: "duplicate" });
      expect({ messages: await db.message.count(), callbacks: await db.callback.count(), tickets: await db.ticket.count() }).toEqual(once);
    }
  });
});

const fake = await startFakeTwilio();
afterAll(() => fake.close());

describe("POST /webhooks/twilio/sms", () => {
  const config = { ...services.config, messageProvider: "twilio" as const, twilio: fakeTwilioConfig(fake) };
  const context = { services: { ...services, config }, nonce: "", clientIp: "127.0.0.1" } as unknown as AppLoadContext;
  const url = `${config.publicUrl}/webhooks/twilio/sms`;

  const post = (params: Record<string, string>, signature: string | null) =>
    smsWebhook({
      request: new Request(url, {
        method: "POST",
        headers: { "Content-Type": "application/x-www-form-urlencoded", ...(signature === null ? {} : { "X-Twilio-Signature": signature }) },
        body: new URLSearchParams(params).toString(),
      }),
      context,
      params: {},
    });
  const catching = async (params: Record<string, string>, signature: string | null) => {
    try {
      return await post(params, signature);
    } catch (thrown) {
      if (thrown instanceof Response) return thrown;
      throw thrown;
    }
  };

  it("takes a signed SMS: 200 with empty TwiML, the ticket opened; the replay stores nothing more", async () => {
    const params = { From: "+4916055556666", To: config.twilio.fromNumber, Body: "Das WLAN geht nicht", MessageSid: nextSid(), AccountSid: fake.accountSid };
    const signature = twilio.getExpectedTwilioSignature(config.twilio.authToken, url, params);
    const response = await post(params, signature);
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toContain("text/xml");
    expect(await response.text()).toBe('<?xml version="1.0" encoding="UTF-8"?><Response/>');
    const person = await db.person.findUniqueOrThrow({ where: { phone: "+4916055556666" } });
    expect(await db.ticket.count({ where: { personId: person.id } })).toBe(1);

    const count = await db.message.count();
    expect((await post(params, signature)).status).toBe(200);
    expect(await db.message.count()).toBe(count);
    expect(await db.ticket.count({ where: { personId: person.id } })).toBe(1);
  });

  it("refuses a forged or missing signature with 403 and stores nothing", async () => {
    const params = { From: "+4916077778888", Body: "HILFE", MessageSid: nextSid() };
    const before = await db.message.count();
    const forged = twilio.getExpectedTwilioSignature("not-the-token", url, params);
    expect((await catching(params, forged)).status).toBe(403);
    // Signed for other contents: the body was changed on the way.
    const other = twilio.getExpectedTwilioSignature(config.twilio.authToken, url, { ...params, Body: "Hallo" });
    expect((await catching(params, other)).status).toBe(403);
    expect((await catching(params, null)).status).toBe(403);
    expect(await db.message.count()).toBe(before);
    expect(await db.person.findUnique({ where: { phone: "+4916077778888" } })).toBeNull();
  });
});

describe("the phone simulator's glue", () => {
  it("sends as the citizen through the same handler, and audit-logs it and every view without personal data", async () => {
    const coordinatorRow = await makeStaff(db, { role: "coordinator", locationIds: [centre.id] });
    const staff = staffContext(services, coordinatorRow);
    const person = await makePerson(db, { firstName: "Erika" });
    const where = await simulateSms(staff, { person: person.id }, "HILFE", "+494211234560");
    expect(where).toBe(`/team/phone?person=${person.id}`);
    expect(await db.callback.count({ where: { personId: person.id, channel: "sms" } })).toBe(1);
    const inbound = await db.message.findFirstOrThrow({ where: { personId: person.id, direction: "inbound" } });
    expect(inbound.providerId).toMatch(/^SM[0-9a-f]{32}$/);

    const thread = (await phoneThread(staff, { person: person.id }))!;
    expect(thread.messages.map((m) => [m.direction, m.channel])).toEqual([
      ["inbound", "sms"],
      ["outbound", "sms"],
    ]);
    expect(thread.messages[1]!.body).toContain("Wir rufen Sie am");
    expect(thread.phone).not.toBe(person.phone);

    // A number STOP needed no person for: shown by the id of its message, never by the number.
    const stopped = await simulateSms(staff, { phone: "+4916099990000" }, "STOP", "+494211234560");
    expect(stopped).toMatch(/^\/team\/phone\?message=\w+$/);
    const byMessage = (await phoneThread(staff, { message: stopped.split("=")[1] }))!;
    expect(byMessage.person).toBeNull();
    expect(byMessage.messages.map((m) => m.body)).toEqual(["STOP", expect.stringContaining("keine SMS mehr")]);

    const entries = await db.auditEntry.findMany({ where: { actorId: coordinatorRow.id }, orderBy: { at: "asc" } });
    expect(entries.map((e) => e.action)).toEqual(["phone.simulatedSms", "callback.requested", "phone.viewed", "phone.simulatedSms", "phone.viewed"]);
    for (const entry of entries) {
      expect(entry.details).not.toContain(person.phone);
      expect(entry.details).not.toContain("Erika");
      expect(entry.details).not.toContain("HILFE");
    }
  });
});

describe("JA / YES to a device offer", () => {
  it("tells staff on the reservation's history and accepts nothing by itself; without an offer it is a text", async () => {
    const person = await makePerson(db, { firstName: "Hans" });
    const device = await db.device.create({ data: { assetTag: "TAB-SMS-1", locationId: centre.id, model: "Tablet 10", status: "reserved" } });
    const reservation = await db.reservation.create({
      data: {
        reference: "KM47PQ",
        personId: person.id,
        locationId: centre.id,
        channel: "phone",
        status: "offered",
        position: 1,
        offeredDeviceId: device.id,
        offeredAt: clock.now(),
        offerExpiresAt: new Date(clock.now().getTime() + 3 * 86_400_000),
      },
    });
    expect(await sms(person.phone, "Ja!")).toMatchObject({ outcome: "offerAnswered", reservationId: reservation.id });
    const events = await db.reservationEvent.findMany({ where: { reservationId: reservation.id } });
    expect(events.map((e) => e.kind)).toEqual(["sms_yes"]);
    expect(JSON.parse(events[0]!.data)).toMatchObject({ deviceId: device.id });
    expect((await db.reservation.findUniqueOrThrow({ where: { id: reservation.id } })).status).toBe("offered");
    expect((await lastReply(person.phone))!.body).toContain("Ihre Antwort zum Tablet in Begegnungszentrum");
    expect(await db.ticket.count({ where: { personId: person.id } })).toBe(0);

    const other = await makePerson(db);
    expect((await sms(other.phone, "yes")).outcome).toBe("created");
  });
});
