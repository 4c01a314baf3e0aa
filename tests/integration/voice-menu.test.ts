// The inbound voice menu: every branch's TwiML, what it creates, and the signed webhook in front of it.
import type { AppLoadContext } from "@remix-run/node";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import twilio from "twilio";
import { afterAll, describe, expect, it } from "vitest";
import { voiceStep } from "~/capabilities/phone/voice-menu.server";
import { keypadDigits } from "~/capabilities/phone/voice-keypad";
import { withActor } from "~/context";
import { action as voiceWebhook } from "~/routes/webhooks.twilio.voice";
import { CallPress, parseCallTwiml, pressOnCall } from "~/web/phone-call.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";
import { fakeTwilioConfig, startFakeTwilio } from "../helpers/fake-twilio";

const services = await createTestServices("2026-11-23T10:00:00Z"); // Monday, 11:00 in Berlin
const { db } = services;
const caller = withActor(services, { kind: "citizen" });
const library = await makeLocation(db, { name: "Stadtbibliothek West" });
await db.consultationHour.create({
  data: { locationId: library.id, weekday: 2, startTime: "14:00", endTime: "16:00", slotMinutes: 30, capacity: 3, onlineCapacity: 1, phoneCapacity: 1 },
});

let sids = 0;
const callSid = () => `CA${String(++sids).padStart(32, "0")}`;

async function step(query: string, params: Record<string, string>) {
  const xml = await voiceStep(caller, { query: new URLSearchParams(query), params });
  expect(XMLValidator.validate(xml)).toBe(true);
  const parsed = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "", isArray: (name) => ["Say", "Pause", "Gather"].includes(name) }).parse(xml);
  return { xml, response: parsed.Response as Record<string, any> };
}

/** Every <Say> text in document order (also inside <Gather>). */
const said = (xml: string) => [...xml.matchAll(/<Say[^>]*>([^<]*)<\/Say>/g)].map((m) => m[1]!.replace(/&apos;/g, "'"));
const gatherOf = (response: Record<string, any>) => response.Gather?.[0] as Record<string, any> | undefined;

describe("the voice menu", () => {
  it("starts with the language choice, each option in its own language, only languages that exist", async () => {
    const { xml, response } = await step("", { From: "+4915112000001", CallSid: callSid() });
    const gather = gatherOf(response)!;
    expect(gather).toMatchObject({ input: "dtmf speech", numDigits: "1", timeout: "6", action: "/webhooks/twilio/voice?step=language&lng=de&try=1" });
    const says = gather.Say as Record<string, string>[];
    expect(says.map((s) => s.language)).toEqual(["de-DE", "de-DE", "en-GB", "ar-XA"]);
    expect(said(xml).join(" ")).toMatch(/Deutsch drücken Sie die 1.*English, press 2.*للعربية اضغط 4/);
    expect(xml).not.toContain("3.");
  });

  it("answers the main menu in the chosen language; speech works too; unknown languages fall back to German", async () => {
    const english = await step("step=language&lng=de&try=1", { From: "+4915112000001", Digits: "2" });
    expect(gatherOf(english.response)).toMatchObject({ action: "/webhooks/twilio/voice?step=menu&lng=en&try=1", language: "en-GB" });
    expect(said(english.xml)[0]).toContain("To ask for a callback, press 1");
    const arabic = await step("step=language&lng=de&try=1", { From: "+4915112000001", SpeechResult: "العربية" });
    expect(gatherOf(arabic.response)).toMatchObject({ action: "/webhooks/twilio/voice?step=menu&lng=ar&try=1", language: "ar-SA" });
    expect((gatherOf(arabic.response)!.Say as Record<string, string>[])[0]!.language).toBe("ar-XA");
    const unknown = await step("step=menu&lng=xx&try=1", { From: "+4915112000001", Digits: "8" });
    expect(gatherOf(unknown.response)).toMatchObject({ action: "/webhooks/twilio/voice?step=menu&lng=de&try=2", language: "de-DE" });
    // A wrong language key twice: German.
    const again = await step("step=language&lng=de&try=1", { Digits: "7" });
    expect(gatherOf(again.response)!.action).toBe("/webhooks/twilio/voice?step=language&lng=de&try=2");
    const german = await step("step=language&lng=de&try=2", { Digits: "" });
    expect(gatherOf(german.response)!.action).toBe("/webhooks/twilio/voice?step=menu&lng=de&try=1");
  });

  it("1: creates exactly one callback for the caller's number, reads the reference digit by digit, even when replayed", async () => {
    const sid = callSid();
    const from = "+4915112000002";
    const first = await step("step=menu&lng=en&try=1", { From: from, CallSid: sid, Digits: "1" });
    const replay = await step("step=menu&lng=en&try=1", { From: from, CallSid: sid, Digits: "1" });
    const callbacks = await db.callback.findMany({ where: { person: { phone: from } } });
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]).toMatchObject({ channel: "voice", idempotencyKey: `voice:${sid}` });
    const reference = callbacks[0]!.reference;
    const texts = said(first.xml);
    // Each character its own <Say>, letters spelled: "K as in Kilo", "7", …
    const index = texts.indexOf("Your reference number is:");
    const spoken = texts.slice(index + 1, index + 7);
    expect(spoken).toEqual([...reference].map((c) => (/[A-Z]/.test(c) ? expect.stringMatching(new RegExp(`^${c} as in `)) : c)));
    expect(first.response.Pause.length).toBeGreaterThanOrEqual(10);
    expect(texts).toContain("We will also send you the reference number by text message.");
    expect(first.xml).toContain("<Hangup/>");
    expect(replay.xml).toBe(first.xml);
    // The confirmation goes out once, by SMS, to the mobile.
    const messages = await db.message.findMany({ where: { toPhone: from } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: "sms", language: "en" });
    expect(messages[0]!.body).toContain(reference);
    // The person is minimal: no name was asked.
    expect(await db.person.findUnique({ where: { phone: from } })).toMatchObject({ firstName: "–", language: "en" });
  });

  it("1 in Arabic: the reference's letters are spelled in Arabic, by the Arabic voice", async () => {
    const from = "+4915112000012";
    const { xml } = await step("step=menu&lng=ar&try=1", { From: from, CallSid: callSid(), Digits: "1" });
    const { reference } = await db.callback.findFirstOrThrow({ where: { person: { phone: from } } });
    const texts = said(xml);
    const spoken = texts.slice(texts.indexOf("رقمك المرجعي هو:") + 1).slice(0, 6);
    expect(spoken).toHaveLength(6);
    [...reference].forEach((c, i) => expect(spoken[i]).toMatch(/[A-Z]/.test(c) ? /^[\p{Script=Arabic}\p{M}\s،]+$/u : new RegExp(`^${c}$`)));
    if (reference.includes("M")) expect(spoken).toContain("إم، مثل موبايل");
    expect([...xml.matchAll(/<Say language="([^"]+)"/g)].every((m) => m[1] === "ar-XA")).toBe(true);
  });

  it("2: tells the caller the status of their own request by keypad digits or by speech, never a foreign one", async () => {
    const own = await makePerson(db, { phone: "+4915112000003" });
    const other = await makePerson(db, { phone: "+4915112000004" });
    const ticket = await db.ticket.create({ data: { reference: "K7M4QX", personId: own.id, channel: "phone", description: "Tablet", status: "waiting" } });
    const foreign = await db.ticket.create({ data: { reference: "HJ3C6R", personId: other.id, channel: "phone", description: "Handy", status: "open" } });
    const ask = await step("step=menu&lng=en&try=1", { From: own.phone, Digits: "2" });
    expect(gatherOf(ask.response)).toMatchObject({ numDigits: "6", action: "/webhooks/twilio/voice?step=status&lng=en&try=1" });

    expect(keypadDigits(ticket.reference)).toBe("576479");
    const found = await step("step=status&lng=en&try=1", { From: own.phone, Digits: "576479" });
    expect(said(found.xml)).toEqual(expect.arrayContaining(["Your request", "K as in Kilo", "7", "is waiting for an answer from you."]));
    expect(gatherOf(found.response)!.action).toBe("/webhooks/twilio/voice?step=menu&lng=en&try=1");

    const bySpeech = await step("step=status&lng=en&try=1", { From: own.phone, SpeechResult: "K 7 M 4 Q X." });
    expect(said(bySpeech.xml)).toContain("is waiting for an answer from you.");

    const notTheirs = await step("step=status&lng=en&try=1", { From: own.phone, Digits: keypadDigits(foreign.reference) });
    expect(said(notTheirs.xml)).toContain("We found no request with this reference number for your phone number.");
    expect(said(notTheirs.xml).join(" ")).not.toMatch(/being worked on/);
    expect(gatherOf(notTheirs.response)!.action).toBe("/webhooks/twilio/voice?step=status&lng=en&try=2");
    const giveUp = await step("step=status&lng=en&try=2", { From: own.phone, Digits: "222222" });
    expect(gatherOf(giveUp.response)!.action).toBe("/webhooks/twilio/voice?step=menu&lng=en&try=1");

    const withheld = await step("step=menu&lng=en&try=1", { From: "anonymous", Digits: "2" });
    expect(said(withheld.xml)[0]).toMatch(/not shown/);
  });

  it("3: reads out the next three free consultation hours with place, day and time in the place's zone", async () => {
    const { xml, response } = await step("step=menu&lng=de&try=1", { From: "+4915112000005", Digits: "3" });
    const texts = said(xml);
    expect(texts[0]).toBe("Die nächsten freien Sprechstunden:");
    expect(texts.slice(1, 4)).toEqual([
      "Stadtbibliothek West, Dienstag, 24. November 2026 um 14:00.",
      "Stadtbibliothek West, Dienstag, 24. November 2026 um 14:30.",
      "Stadtbibliothek West, Dienstag, 24. November 2026 um 15:00.",
    ]);
    expect(gatherOf(response)!.action).toBe("/webhooks/twilio/voice?step=menu&lng=de&try=1");
  });

  it("0: records a voice message that becomes a ticket with the audio; a replay creates nothing twice", async () => {
    const from = "+4915112000006";
    const sid = callSid();
    const record = await step("step=menu&lng=de&try=1", { From: from, CallSid: sid, Digits: "0" });
    expect(record.response.Record).toMatchObject({
      maxLength: "120",
      playBeep: "true",
      action: "/webhooks/twilio/voice?step=recorded&lng=de&try=1",
      recordingStatusCallback: "/webhooks/twilio/voice?step=recording&lng=de&try=1",
    });
    const params = { From: from, CallSid: sid, RecordingSid: `RE${"1".repeat(32)}`, RecordingDuration: "14" };
    const done = await step("step=recorded&lng=de&try=1", params);
    expect(said(done.xml)[0]).toMatch(/Ihre Nachricht ist angekommen/);
    await step("step=recorded&lng=de&try=1", params);
    const tickets = await db.ticket.findMany({ where: { person: { phone: from } } });
    expect(tickets).toHaveLength(1);
    expect(tickets[0]!.description).toBe("Sprachnachricht (14 s)");
    const messages = await db.message.findMany({ where: { toPhone: from, direction: "inbound" }, include: { recording: true } });
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({ channel: "voice", recordingSid: params.RecordingSid, providerId: sid });
    expect(messages[0]!.recording).toMatchObject({ contentType: "audio/wav" });
    expect(Buffer.from(messages[0]!.recording!.data).subarray(0, 4).toString()).toBe("RIFF");
  });

  it("wrong key twice: repeats once, then calls back", async () => {
    const from = "+4915112000007";
    const sid = callSid();
    const first = await step("step=menu&lng=de&try=1", { From: from, CallSid: sid, Digits: "8" });
    expect(said(first.xml)[0]).toBe("Das habe ich leider nicht verstanden.");
    expect(gatherOf(first.response)!.action).toBe("/webhooks/twilio/voice?step=menu&lng=de&try=2");
    const second = await step("step=menu&lng=de&try=2", { From: from, CallSid: sid });
    expect(said(second.xml).slice(0, 2)).toEqual(["Das habe ich leider nicht verstanden.", "Wir rufen Sie zurück."]);
    expect(await db.callback.count({ where: { person: { phone: from } } })).toBe(1);
  });

  it("withheld number: asks for the number, reads it back and calls that number back — the number never goes into a URL", async () => {
    const sid = callSid();
    const ask = await step("step=menu&lng=de&try=1", { From: "+266696687", CallSid: sid, Digits: "1" });
    const gather = gatherOf(ask.response)!;
    expect(gather).toMatchObject({ finishOnKey: "#", action: "/webhooks/twilio/voice?step=number&lng=de&try=1" });
    expect(gather.numDigits).toBeUndefined();
    const bad = await step("step=number&lng=de&try=1", { From: "anonymous", CallSid: sid, Digits: "12" });
    expect(gatherOf(bad.response)!.action).toBe("/webhooks/twilio/voice?step=number&lng=de&try=2");
    const done = await step("step=number&lng=de&try=2", { From: "anonymous", CallSid: sid, Digits: "04219876543" });
    const texts = said(done.xml);
    expect(texts.slice(0, 12)).toEqual(["Sie haben eingegeben:", ..."04219876543"]);
    const callbacks = await db.callback.findMany({ where: { person: { phone: "+494219876543" } }, include: { person: true } });
    expect(callbacks).toHaveLength(1);
    expect(callbacks[0]!.person).toMatchObject({ phoneType: "landline", contactPreference: "voice" });
    for (const xml of [ask.xml, bad.xml, done.xml]) expect(xml).not.toMatch(/action="[^"]*\d{6,}/);
  });
});

const fake = await startFakeTwilio();
afterAll(() => fake.close());

describe("the voice webhook", () => {
  const config = { ...services.config, messageProvider: "twilio" as const, twilio: fakeTwilioConfig(fake) };
  const context = { services: { ...services, config }, nonce: "", clientIp: "127.0.0.1" } as AppLoadContext;
  const post = (path: string, params: Record<string, string>, signature?: string) =>
    voiceWebhook({
      request: new Request(`http://internal${path}`, {
        method: "POST",
        headers: {
          "Content-Type": "application/x-www-form-urlencoded",
          "X-Twilio-Signature": signature ?? twilio.getExpectedTwilioSignature(config.twilio.authToken, `${config.publicUrl}${path}`, params),
        },
        body: new URLSearchParams(params),
      }),
      context,
      params: {},
    }).catch((response: unknown) => response as Response);

  it("answers a signed call with the language menu as XML and refuses a forged one", async () => {
    const params = { From: "+4915112000008", CallSid: callSid(), To: "+494211234560" };
    const ok = await post("/webhooks/twilio/voice", params);
    expect(ok.status).toBe(200);
    expect(ok.headers.get("Content-Type")).toMatch(/^text\/xml/);
    expect(XMLValidator.validate(await ok.text())).toBe(true);
    expect((await post("/webhooks/twilio/voice", params, "forged")).status).toBe(403);
    // Signed for another step: also forged.
    const other = twilio.getExpectedTwilioSignature(config.twilio.authToken, `${config.publicUrl}/webhooks/twilio/voice`, params);
    expect((await post("/webhooks/twilio/voice?step=menu&lng=de&try=1", { ...params, Digits: "1" }, other)).status).toBe(403);
    expect(await db.callback.count({ where: { person: { phone: params.From } } })).toBe(0);
  });

  it("copies a recording from Twilio once it is ready, with the SDK's credentials", async () => {
    const from = "+4915112000009";
    const sid = callSid();
    const recordingSid = `RE${"2".repeat(32)}`;
    const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Recordings/${recordingSid}`;
    const params = { From: from, CallSid: sid, RecordingSid: recordingSid, RecordingUrl: recordingUrl, RecordingDuration: "9" };
    expect((await post("/webhooks/twilio/voice?step=recorded&lng=de&try=1", params)).status).toBe(200);
    const message = await db.message.findFirstOrThrow({ where: { recordingSid }, include: { recording: true } });
    expect(message.recording).toBeNull();
    const status = { AccountSid: fake.accountSid, CallSid: sid, RecordingSid: recordingSid, RecordingUrl: recordingUrl, RecordingStatus: "completed", RecordingDuration: "9" };
    expect((await post("/webhooks/twilio/voice?step=recording&lng=de&try=1", status)).status).toBe(200);
    expect((await post("/webhooks/twilio/voice?step=recording&lng=de&try=1", status)).status).toBe(200);
    const stored = await db.voiceRecording.findMany({ where: { messageId: message.id } });
    expect(stored).toHaveLength(1);
    expect(stored[0]).toMatchObject({ contentType: "audio/mpeg", seconds: 9 });
    expect(Buffer.from(stored[0]!.data).subarray(0, 3).toString()).toBe("ID3");
    expect(fake.requests.filter((r) => r.path.endsWith(`${recordingSid}.mp3`))).toHaveLength(1);
    expect((await db.message.findUniqueOrThrow({ where: { id: message.id } })).finalAt).not.toBeNull();
  });

  it("keeps a voice message whose audio cannot be downloaded, and answers Twilio 200 so it does not send the callback again", async () => {
    const from = "+4915112000012";
    const sid = callSid();
    const recordingSid = `RE${"4".repeat(32)}`;
    fake.deleted.push(recordingSid);
    const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Recordings/${recordingSid}`;
    expect((await post("/webhooks/twilio/voice?step=recorded&lng=de&try=1", { From: from, CallSid: sid, RecordingSid: recordingSid, RecordingUrl: recordingUrl, RecordingDuration: "5" })).status).toBe(200);
    const status = { AccountSid: fake.accountSid, CallSid: sid, RecordingSid: recordingSid, RecordingUrl: recordingUrl, RecordingStatus: "completed", RecordingDuration: "5" };
    expect((await post("/webhooks/twilio/voice?step=recording&lng=de&try=1", status)).status).toBe(200);
    const message = await db.message.findFirstOrThrow({ where: { recordingSid }, include: { recording: true } });
    expect(message.recording).toBeNull();
    expect(await db.ticket.count({ where: { person: { phone: from } } })).toBe(1);
  });

  it("sends the account's credentials for a recording only to Twilio's own API host", async () => {
    const recordingSid = `RE${"5".repeat(32)}`;
    const before = fake.requests.length;
    for (const host of ["https://api.twilio.com.evil.example", "http://api.twilio.com", "https://evil.example/?https://api.twilio.com"]) {
      const recordingUrl = `${host}/2010-04-01/Accounts/${fake.accountSid}/Recordings/${recordingSid}`;
      const status = { AccountSid: fake.accountSid, CallSid: callSid(), RecordingSid: recordingSid, RecordingUrl: recordingUrl, RecordingStatus: "completed", RecordingDuration: "5" };
      expect((await post("/webhooks/twilio/voice?step=recording&lng=de&try=1", status)).status).toBe(200);
    }
    expect(fake.requests.slice(before).filter((r) => r.path.includes(recordingSid))).toEqual([]);
  });

  it("takes the recording even when its callback arrives before the <Record> action (caller from the call)", async () => {
    const from = "+4915112000011";
    const sid = `CA${"3".repeat(32)}`;
    fake.calls.push({ sid, to: config.twilio.fromNumber, from, status: "in-progress", dateCreated: new Date() });
    const recordingSid = `RE${"3".repeat(32)}`;
    const recordingUrl = `https://api.twilio.com/2010-04-01/Accounts/${fake.accountSid}/Recordings/${recordingSid}`;
    const status = { AccountSid: fake.accountSid, CallSid: sid, RecordingSid: recordingSid, RecordingUrl: recordingUrl, RecordingStatus: "completed", RecordingDuration: "6" };
    expect((await post("/webhooks/twilio/voice?step=recording&lng=de&try=1", status)).status).toBe(200);
    const action = { From: from, CallSid: sid, RecordingSid: recordingSid, RecordingUrl: recordingUrl, RecordingDuration: "6" };
    expect((await post("/webhooks/twilio/voice?step=recorded&lng=de&try=1", action)).status).toBe(200);
    const messages = await db.message.findMany({ where: { toPhone: from, direction: "inbound" }, include: { recording: true } });
    expect(messages).toHaveLength(1);
    expect(messages[0]!.recording).toMatchObject({ contentType: "audio/mpeg", seconds: 6 });
    expect(await db.ticket.count({ where: { person: { phone: from } } })).toBe(1);
  });
});

describe("the simulated call screen's glue", () => {
  it("renders TwiML as said lines with their language, keypad state and only our own menu URLs as actions", () => {
    const view = parseCallTwiml(
      '<?xml version="1.0" encoding="UTF-8"?><Response><Say language="en-GB">Your reference is:</Say><Pause length="1"/><Say language="en-GB">7</Say>' +
        '<Gather input="dtmf speech" numDigits="6" action="/webhooks/twilio/voice?step=status&amp;lng=en&amp;try=1"><Say language="ar-XA">مرحبا</Say></Gather></Response>',
    );
    expect(view.said).toEqual([{ lng: "en", text: "Your reference is: … 7" }, { lng: "ar", text: "مرحبا" }]);
    expect(view.gather).toEqual({ action: "/webhooks/twilio/voice?step=status&lng=en&try=1", numDigits: 6, finishOnKey: null, speech: true });
    expect(view.ended).toBe(false);
    const foreign = parseCallTwiml('<Response><Gather action="https://evil.example/x?step=menu"><Say>Hi</Say></Gather></Response>');
    expect(foreign.gather).toBeNull();
    expect(foreign.ended).toBe(true);
  });

  it("a whole call as a person: audit-logged once, digits gathered until the code is complete, speech and hang-up", async () => {
    const staff = await makeStaff(db, { role: "admin" });
    const ctx = staffContext(services, staff);
    const person = await makePerson(db, { phone: "+4915112000010" });
    await db.ticket.create({ data: { reference: "CD4FGH", personId: person.id, channel: "phone", description: "Drucker", status: "open" } });
    const caller = { id: person.id, phone: person.phone };
    const press = (state: { callSid: string; twiml: string; buffer: string }, fields: Record<string, string>) =>
      pressOnCall(ctx, services, caller, CallPress.parse({ ...state, ...fields }));

    let state = await pressOnCall(ctx, services, caller, CallPress.parse({ intent: "start" }));
    expect(state.callSid).toMatch(/^CA[0-9a-f]{32}$/);
    expect(await db.auditEntry.count({ where: { action: "phone.callSimulated", subjectId: person.id, actorId: staff.id } })).toBe(1);
    state = await press(state, { intent: "speech", speech: "English please" });
    expect(state.view.said[0]!.lng).toBe("en");
    state = await press(state, { intent: "key", key: "2" });
    expect(state.view.gather!.numDigits).toBe(6);
    for (const key of "23434") {
      state = await press(state, { intent: "key", key });
      expect(state.view.gather!.numDigits).toBe(6);
    }
    expect(state.buffer).toBe("23434");
    state = await press(state, { intent: "key", key: "4" });
    expect(state.buffer).toBe("");
    expect(state.view.said.map((l) => l.text).join(" ")).toContain("is being worked on.");
    state = await press(state, { intent: "hangup" });
    expect(state.view).toMatchObject({ ended: true, gather: null });
    expect(await db.auditEntry.count({ where: { action: "phone.callSimulated", subjectId: person.id } })).toBe(1);
  });
});
