// The reply budget (decision 025): a burst of inbound SMS or calls from one number — or spoofed sender numbers —
// gets at most ANSWERS_PER_HOUR automatic answers, STOP's confirmation at most once a day; everything the citizen sent
// is still stored and acted on. The budget is read from the outbox, so it holds across restarts.
import { describe, expect, it } from "vitest";
import { receiveSms } from "~/capabilities/phone/inbound-sms.server";
import { voiceStep } from "~/capabilities/phone/voice-menu.server";
import { ANSWERS_PER_HOUR } from "~/capabilities/messaging/reply-budget.server";
import { createMessenger } from "~/capabilities/messaging/messenger.server";
import { withActor } from "~/context";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff } from "../helpers/factories";

// Monday 23 November 2026, 11:00 in Berlin.
const services = await createTestServices("2026-11-23T10:00:00Z");
const { db, clock } = services;
const twilioSms = withActor(services, { kind: "system", name: "twilio-sms" });
const caller = withActor(services, { kind: "citizen" });
const centre = await makeLocation(db, { name: "Begegnungszentrum" });
const helper = await makeStaff(db, { role: "volunteer", locationIds: [centre.id] });
await db.callbackHour.create({ data: { staffId: helper.id, locationId: centre.id, weekday: 1, startTime: "14:00", endTime: "17:00", slotMinutes: 15 } });
await db.callbackHour.create({ data: { staffId: helper.id, locationId: centre.id, weekday: 2, startTime: "09:00", endTime: "17:00", slotMinutes: 15 } });

const MINUTE = 60_000;
let sid = 0;
const sms = (from: string, body: string) =>
  receiveSms(twilioSms, { from, body, messageSid: `SM${String(++sid).padStart(32, "0")}` }, { programmePhone: "+494211234560" });
const outbound = (phone: string) => db.message.findMany({ where: { toPhone: phone, direction: "outbound" }, orderBy: { createdAt: "asc" } });
const inbound = (phone: string) => db.message.count({ where: { toPhone: phone, direction: "inbound" } });

describe("answers to inbound SMS", () => {
  it("20 × STATUS from one number within an hour: all stored, only the budget answered; other numbers unaffected; the next hour answers again", async () => {
    const person = await makePerson(db, { phone: "+4915120000001" });
    const ticket = await db.ticket.create({ data: { reference: "K7M4QX", personId: person.id, channel: "sms", description: "Tablet", status: "open" } });
    for (let i = 0; i < 20; i++) {
      expect(await sms(person.phone, `STATUS ${ticket.reference}`)).toMatchObject({ outcome: "status", found: true });
      clock.advance(2 * MINUTE);
    }
    expect(await inbound(person.phone)).toBe(20);
    const answered = await outbound(person.phone);
    expect(answered).toHaveLength(ANSWERS_PER_HOUR);
    expect(answered.every((m) => m.template === "smsStatusTicket" && m.answers === "sms")).toBe(true);

    // Another number in the same minute is answered as usual.
    const neighbour = await makePerson(db, { phone: "+4915120000002" });
    await sms(neighbour.phone, "STATUS QQQQQQ");
    expect((await outbound(neighbour.phone)).map((m) => m.template)).toEqual(["smsStatusNotFound"]);

    // An hour after the fifth answer, the number is answered again — once more up to the budget.
    clock.advance(60 * MINUTE);
    await sms(person.phone, `STATUS ${ticket.reference}`);
    expect(await outbound(person.phone)).toHaveLength(ANSWERS_PER_HOUR + 1);
  });

  it("over the budget a free text still opens a ticket with its words, a HILFE still a callback — only unanswered", async () => {
    const phone = "+4915120000003";
    for (let i = 0; i < ANSWERS_PER_HOUR; i++) await sms(phone, "STATUS QQQQQQ");
    const filed = await sms(phone, "Mein Tablet geht nicht mehr an");
    expect(filed).toMatchObject({ outcome: "created" });
    const ticket = await db.ticket.findUniqueOrThrow({ where: { id: (filed as { ticketId: string }).ticketId }, include: { events: true } });
    expect(ticket.description).toBe("Mein Tablet geht nicht mehr an");
    expect(ticket.events.find((e) => e.kind === "message_in")?.body).toBe("Mein Tablet geht nicht mehr an");
    expect(ticket.events.find((e) => e.kind === "created")?.messageId).toBeNull();

    const help = await sms(phone, "HILFE");
    expect(help).toMatchObject({ outcome: "callback" });
    expect(await db.callback.count({ where: { person: { phone } } })).toBe(1);
    expect((await outbound(phone)).map((m) => m.template)).toEqual(Array(ANSWERS_PER_HOUR).fill("smsStatusNotFound"));
    expect(await inbound(phone)).toBe(ANSWERS_PER_HOUR + 2);
  });

  it("STOP is confirmed once a day, even when the hour's answers are spent, and always takes effect", async () => {
    const phone = "+4915120000004";
    for (let i = 0; i < ANSWERS_PER_HOUR; i++) await sms(phone, "STATUS QQQQQQ");
    for (let i = 0; i < 4; i++) expect(await sms(phone, i % 2 ? "STOPP" : "STOP")).toMatchObject({ outcome: "optedOut" });
    expect(await db.optOut.findUnique({ where: { phone } })).not.toBeNull();
    const confirmations = async () => (await outbound(phone)).filter((m) => m.template === "optOutConfirmed").length;
    expect(await confirmations()).toBe(1);
    clock.advance(25 * 60 * MINUTE);
    await sms(phone, "STOP");
    expect(await confirmations()).toBe(2);
  });

  it("holds across a restart: a new messenger counts what the outbox already holds", async () => {
    const phone = "+4915120000005";
    for (let i = 0; i < ANSWERS_PER_HOUR; i++) await sms(phone, "STATUS QQQQQQ");
    const restarted = withActor({ ...services, messenger: createMessenger(clock, services.config) }, { kind: "system", name: "twilio-sms" });
    await receiveSms(restarted, { from: phone, body: "STATUS QQQQQQ", messageSid: `SM${"9".repeat(32)}` });
    expect(await outbound(phone)).toHaveLength(ANSWERS_PER_HOUR);
  });
});

describe("the voice menu", () => {
  const askForCallback = (from: string, i: number) =>
    voiceStep(caller, { query: new URLSearchParams("step=menu&lng=de&try=1"), params: { From: from, CallSid: `CA${String(i).padStart(32, "0")}`, Digits: "1" } });

  it("calling again and again for a callback: every call is taken, only the budget's confirmations go out, and the call stops promising one", async () => {
    const from = "+4915120000006";
    const calls: string[] = [];
    for (let i = 1; i <= ANSWERS_PER_HOUR + 2; i++) {
      calls.push(await askForCallback(from, i));
      // Each call made: an open callback would be reused (decision 019), so every call here finds the last one done.
      await db.callback.updateMany({ where: { person: { phone: from } }, data: { status: "done" } });
      clock.advance(MINUTE);
    }
    expect(await db.callback.count({ where: { person: { phone: from }, channel: "voice" } })).toBe(ANSWERS_PER_HOUR + 2);
    const confirmations = await outbound(from);
    expect(confirmations).toHaveLength(ANSWERS_PER_HOUR);
    expect(confirmations.every((m) => m.answers === "call")).toBe(true);
    const promise = "Die Vorgangsnummer schicken wir Ihnen auch per SMS.";
    expect(calls[0]).toContain(promise);
    expect(calls[ANSWERS_PER_HOUR]).not.toContain(promise);
    // A replayed webhook of a call over the budget reads the same answer.
    expect(await askForCallback(from, ANSWERS_PER_HOUR + 1)).toBe(calls[ANSWERS_PER_HOUR]);
  });
});
