// Outbound delivery through the Twilio provider (official SDK) against the local fake REST API: status callbacks,
// retries, no duplicates after a crash, opt-outs, rate limits, quiet hours, purging at the provider, retention and
// the configuration check.
import { execFile } from "node:child_process";
import path from "node:path";
import { promisify } from "node:util";
import twilio from "twilio";
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { CLAIM_MS, deliverDueMessages } from "~/capabilities/messaging/deliver.server";
import { ALWAYS_SENT_TEMPLATES } from "~/capabilities/messaging/values";
import type { MessageProvider } from "~/capabilities/messaging/provider";
import { TransientSendError } from "~/capabilities/messaging/provider";
import { createTwilioProvider } from "~/capabilities/messaging/providers/twilio.server";
import { applyRetention, purgeAtProvider } from "~/capabilities/messaging/purge.server";
import { checkTwilioConfig } from "~/capabilities/messaging/twilio-check.server";
import { action as statusAction } from "~/routes/webhooks.twilio.status";
import { handlers, schedule } from "../../jobs/registry";
import { createTestServices } from "../helpers/db";
import { makePerson } from "../helpers/factories";
import { fakeTwilioConfig, fakeTwilioEnv, startFakeTwilio } from "../helpers/fake-twilio";

const fake = await startFakeTwilio();
afterAll(() => fake.close());
const services = await createTestServices();
const { db, messenger, clock } = services;
const baseConfig = { ...services.config, messageProvider: "twilio" as const, twilio: fakeTwilioConfig(fake) };
services.config = baseConfig;
const provider = createTwilioProvider(baseConfig.twilio, baseConfig.publicUrl);

beforeEach(async () => {
  fake.reset();
  await db.message.deleteMany();
  await db.optOut.deleteMany();
  services.config = baseConfig;
  clock.set("2026-11-23T10:00:00Z");
});

async function queue(overrides: Parameters<typeof makePerson>[1] = {}, sendAfter?: Date) {
  const person = await makePerson(db, overrides);
  const { id } = await db.$transaction((tx) =>
    messenger.send(tx, { to: person, template: "welcome", params: { firstName: person.firstName, phone: "0421 1234560" }, sendAfter }),
  );
  return { id, person };
}

const row = (id: string) => db.message.findUniqueOrThrow({ where: { id } });
const posts = () => fake.requests.filter((r) => r.method === "POST");

function statusRequest(messageId: string, params: Record<string, string>, signature?: string) {
  const path = `/webhooks/twilio/status?message=${encodeURIComponent(messageId)}`;
  const signed = twilio.getExpectedTwilioSignature(fake.authToken, `${services.config.publicUrl}${path}`, params);
  const headers: Record<string, string> = { "Content-Type": "application/x-www-form-urlencoded" };
  if (signature !== "") headers["X-Twilio-Signature"] = signature ?? signed;
  return new Request(`http://127.0.0.1:3000${path}`, { method: "POST", headers, body: new URLSearchParams(params) });
}

async function postStatus(messageId: string, params: Record<string, string>, signature?: string): Promise<Response> {
  try {
    return (await statusAction({ request: statusRequest(messageId, params, signature), context: { services, nonce: "", clientIp: "127.0.0.1" }, params: {} })) as Response;
  } catch (thrown) {
    if (thrown instanceof Response) return thrown;
    throw thrown;
  }
}

describe("outbound through Twilio", () => {
  it("sends an SMS to a mobile and calls a landline, each once, with a callback URL carrying only our id", async () => {
    const sms = await queue({ firstName: "Gisela", language: "de" });
    const call = await queue({ phone: "+494219876543", phoneType: "landline", language: "en", firstName: "Heinz" });
    const report = await deliverDueMessages(services, provider);
    expect(report).toMatchObject({ sent: 2, failed: 0 });
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]).toMatchObject({ to: sms.person.phone, from: "+494211234560" });
    expect(fake.messages[0]!.body).toContain("Gisela");
    expect(fake.messages[0]!.statusCallback).toBe(`http://localhost:3000/webhooks/twilio/status?message=${sms.id}`);
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.to).toBe("+494219876543");
    expect(fake.calls[0]!.twiml).toContain("Heinz");
    expect(fake.calls[0]!.twiml).toContain('language="en');
    expect(await row(sms.id)).toMatchObject({ status: "sent", provider: "twilio", providerId: fake.messages[0]!.sid });
    expect((await row(call.id)).providerId).toBe(fake.calls[0]!.sid);
    // A second run sends nothing more.
    await deliverDueMessages(services, provider);
    expect(posts()).toHaveLength(2);
  });

  it("retries 429 and 503 with growing back-off and then sends it once", async () => {
    const { id } = await queue();
    fake.failNext(1, 429);
    fake.failNext(1, 503);
    expect(await deliverDueMessages(services, provider)).toMatchObject({ retried: 1, sent: 0 });
    const first = await row(id);
    expect(first).toMatchObject({ status: "queued", attempts: 1 });
    expect(first.lastError).toContain("429");
    const firstWait = first.sendAfter.getTime() - clock.now().getTime();
    expect(firstWait).toBeGreaterThan(0);

    await deliverDueMessages(services, provider); // not due yet
    expect(posts()).toHaveLength(1);

    clock.set(first.sendAfter);
    expect(await deliverDueMessages(services, provider)).toMatchObject({ retried: 1 });
    const second = await row(id);
    expect(second.sendAfter.getTime() - clock.now().getTime()).toBeGreaterThan(firstWait);

    clock.set(second.sendAfter);
    expect(await deliverDueMessages(services, provider)).toMatchObject({ sent: 1 });
    expect(fake.messages).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "sent", attempts: 3, lastError: null });
  });

  it("a permanent refusal (invalid number) fails at once with Twilio's code, no retry", async () => {
    const { id } = await queue({ phone: "+4912" });
    expect(await deliverDueMessages(services, provider)).toMatchObject({ failed: 1 });
    const failed = await row(id);
    expect(failed.status).toBe("failed");
    expect(failed.lastError).toContain("21211");
    expect(failed.lastError).not.toContain("4912"); // Twilio's text quotes the number; we do not keep it
    expect(failed.finalAt).not.toBeNull();
  });
});

describe("never twice, also across a crash between sending and recording", () => {
  async function crashAfterSend(id: string, reachedProvider: boolean) {
    const message = await row(id);
    if (reachedProvider) {
      await provider.send({ id, to: message.toPhone, channel: "sms", body: message.body, language: message.language, idempotencyKey: message.idempotencyKey });
    }
    // The worker claimed the row and died before recording anything; its claim has run out since.
    await db.message.update({ where: { id }, data: { status: "sending", attempts: 1, claimedUntil: new Date(clock.now().getTime() + CLAIM_MS) } });
    clock.advance(CLAIM_MS + 60_000);
  }

  it("records the earlier send it finds at the provider instead of sending again", async () => {
    const { id } = await queue();
    await crashAfterSend(id, true);
    const report = await deliverDueMessages(services, provider);
    expect(report).toMatchObject({ recovered: 1, sent: 0 });
    expect(fake.messages).toHaveLength(1);
    expect(posts()).toHaveLength(1);
    expect(await row(id)).toMatchObject({ status: "sent", providerId: fake.messages[0]!.sid, claimedUntil: null });
  });

  it("sends when the interrupted attempt never reached the provider — once", async () => {
    const { id } = await queue();
    await crashAfterSend(id, false);
    expect(await deliverDueMessages(services, provider)).toMatchObject({ sent: 1 });
    expect(fake.messages).toHaveLength(1);
    await deliverDueMessages(services, provider);
    expect(fake.messages).toHaveLength(1);
    expect((await row(id)).providerId).toBe(fake.messages[0]!.sid);
  });

  it("a status callback that arrived meanwhile also means it was sent", async () => {
    const { id } = await queue();
    await crashAfterSend(id, true);
    const sid = fake.messages[0]!.sid;
    fake.messages.length = 0; // the provider's list would not show it (e.g. Twilio not yet indexing it)
    expect((await postStatus(id, { MessageSid: sid, MessageStatus: "sent", AccountSid: fake.accountSid })).status).toBe(200);
    expect(await row(id)).toMatchObject({ providerId: sid, status: "sent" });
    await db.message.update({ where: { id }, data: { status: "sending", claimedUntil: new Date(clock.now().getTime() - 1000) } });
    await deliverDueMessages(services, provider);
    expect(posts()).toHaveLength(1); // only the original send
    expect(await row(id)).toMatchObject({ providerId: sid });
  });
});

describe("status callbacks", () => {
  async function sentMessage() {
    const { id } = await queue();
    await deliverDueMessages(services, provider);
    return { id, sid: fake.messages.at(-1)!.sid };
  }

  it("a signed callback updates the status; delivered is final and a late 'sent' does not undo it; replays change nothing", async () => {
    const { id, sid } = await sentMessage();
    const delivered = await postStatus(id, { MessageSid: sid, MessageStatus: "delivered" });
    expect(delivered.status).toBe(200);
    expect(await delivered.text()).toContain("<Response/>");
    const afterDelivered = await row(id);
    expect(afterDelivered).toMatchObject({ status: "delivered" });
    expect(afterDelivered.finalAt).not.toBeNull();
    expect(afterDelivered.deliveredAt).not.toBeNull();

    clock.advance(60_000);
    expect((await postStatus(id, { MessageSid: sid, MessageStatus: "sent" })).status).toBe(200);
    expect((await postStatus(id, { MessageSid: sid, MessageStatus: "delivered" })).status).toBe(200);
    const later = await row(id);
    expect(later.status).toBe("delivered");
    expect(later.finalAt).toEqual(afterDelivered.finalAt);
  });

  it("undelivered records Twilio's error code only", async () => {
    const { id, sid } = await sentMessage();
    await postStatus(id, { MessageSid: sid, MessageStatus: "undelivered", ErrorCode: "30003", ErrorMessage: "Unreachable +4915112345678" });
    const message = await row(id);
    expect(message).toMatchObject({ status: "undelivered", lastError: "Twilio error 30003" });
    expect(message.finalAt).not.toBeNull();
  });

  it("call outcomes: busy and no-answer become not answered, completed delivered", async () => {
    const busy = await queue({ phone: "+494219000001", phoneType: "landline" });
    const done = await queue({ phone: "+494219000002", phoneType: "landline" });
    await deliverDueMessages(services, provider);
    const sidOf = (to: string) => fake.calls.find((c) => c.to === to)!.sid;
    await postStatus(busy.id, { CallSid: sidOf("+494219000001"), CallStatus: "busy" });
    await postStatus(done.id, { CallSid: sidOf("+494219000002"), CallStatus: "completed" });
    expect((await row(busy.id)).status).toBe("no_answer");
    expect((await row(done.id)).status).toBe("delivered");
  });

  it("a forged or missing signature is refused with 403 and changes nothing", async () => {
    const { id, sid } = await sentMessage();
    const before = await row(id);
    expect((await postStatus(id, { MessageSid: sid, MessageStatus: "delivered" }, "forged-signature")).status).toBe(403);
    expect((await postStatus(id, { MessageSid: sid, MessageStatus: "delivered" }, "")).status).toBe(403);
    expect(await row(id)).toEqual(before);
  });

  it("an unknown message id is answered 200 with empty TwiML", async () => {
    const response = await postStatus("no-such-message", { MessageSid: `SM${"c".repeat(32)}`, MessageStatus: "delivered" });
    expect(response.status).toBe(200);
    expect(await response.text()).toContain("<Response/>");
  });
});

describe("opt-outs", () => {
  it("a number that opted out gets nothing — except the confirmation of its STOP", async () => {
    const { id, person } = await queue();
    await db.optOut.create({ data: { phone: person.phone, at: clock.now(), via: "sms" } });
    const confirmation = await db.message.create({
      data: { channel: "sms", toPhone: person.phone, template: ALWAYS_SENT_TEMPLATES[0]!, language: "de", body: "Sie erhalten keine Nachrichten mehr.", idempotencyKey: "stop-confirm-1", sendAfter: clock.now() },
    });
    const report = await deliverDueMessages(services, provider);
    expect(report).toMatchObject({ optedOut: 1, sent: 1 });
    expect((await row(id)).status).toBe("opted_out");
    expect(fake.messages.map((m) => m.body)).toEqual(["Sie erhalten keine Nachrichten mehr."]);
    expect((await row(confirmation.id)).providerId).toBe(fake.messages[0]!.sid);
  });

  it("Twilio's 21610 (unsubscribed at Twilio) records an opt-out and stops further messages", async () => {
    const { id, person } = await queue();
    fake.failNext(1, 400, 21610);
    await deliverDueMessages(services, provider);
    expect((await row(id)).status).toBe("opted_out");
    expect(await db.optOut.findUnique({ where: { phone: person.phone } })).not.toBeNull();
    const next = await db.$transaction((tx) => messenger.send(tx, { to: person, template: "welcome", params: { firstName: "A", phone: "1" } }));
    await deliverDueMessages(services, provider);
    expect((await row(next.id)).status).toBe("opted_out");
    expect(fake.messages).toHaveLength(0);
  });
});

describe("send-rate limits and quiet hours", () => {
  it("more than the hourly share for one number waits until the hour has room — never dropped", async () => {
    services.config = { ...baseConfig, messaging: { ...baseConfig.messaging, perNumberPerHour: 2 } };
    const person = await makePerson(db);
    const ids: string[] = [];
    for (let i = 0; i < 3; i++) {
      ids.push((await db.$transaction((tx) => messenger.send(tx, { to: person, template: "welcome", params: { firstName: `N${i}`, phone: "1" } }))).id);
      clock.advance(1000);
    }
    const start = clock.now();
    expect(await deliverDueMessages(services, provider)).toMatchObject({ sent: 2, deferred: 1 });
    expect(fake.messages).toHaveLength(2);
    const waiting = await row(ids[2]!);
    expect(waiting.status).toBe("queued");
    expect(waiting.sendAfter.getTime()).toBeGreaterThan(start.getTime() + 3_500_000);

    clock.advance(30 * 60_000);
    await deliverDueMessages(services, provider);
    expect(fake.messages).toHaveLength(2);
    clock.set(waiting.sendAfter);
    expect(await deliverDueMessages(services, provider)).toMatchObject({ sent: 1 });
    expect(fake.messages).toHaveLength(3);
  });

  it("the overall pace never exceeds MESSAGES_PER_SECOND", async () => {
    services.config = { ...baseConfig, messaging: { ...baseConfig.messaging, perSecond: 5 } };
    for (let i = 0; i < 11; i++) await queue();
    const started = performance.now();
    expect(await deliverDueMessages(services, provider)).toMatchObject({ sent: 11 });
    // 11 at 5 per second: three windows — at least two seconds.
    expect(performance.now() - started).toBeGreaterThanOrEqual(1990);
    expect(fake.messages).toHaveLength(11);
  });

  it("a message enqueued at 21:30 in Berlin goes out at 09:00, not before", async () => {
    clock.set("2026-11-23T20:30:00Z"); // 21:30 in Berlin
    const { id } = await queue();
    await deliverDueMessages(services, provider);
    clock.set("2026-11-24T07:59:00Z"); // 08:59 in Berlin
    await deliverDueMessages(services, provider);
    expect(fake.messages).toHaveLength(0);
    clock.set("2026-11-24T08:00:00Z"); // 09:00 in Berlin
    await deliverDueMessages(services, provider);
    expect(fake.messages).toHaveLength(1);
    expect((await row(id)).sentAt).toEqual(new Date("2026-11-24T08:00:00Z"));
  });
});

describe("purging at the provider and retention", () => {
  it("deletes final messages at Twilio once, leaves unfinished ones, and retries a failed purge on the next run", async () => {
    const done = await queue();
    const pending = await queue();
    await deliverDueMessages(services, provider);
    const sidOf = async (id: string) => (await row(id)).providerId!;
    await postStatus(done.id, { MessageSid: await sidOf(done.id), MessageStatus: "delivered" });

    let failOnce = true;
    const flaky: MessageProvider = {
      ...provider,
      async purge(item) {
        if (failOnce) {
          failOnce = false;
          throw new TransientSendError("Twilio 503");
        }
        return provider.purge(item);
      },
    };
    expect(await purgeAtProvider(services, flaky)).toEqual({ purged: 0, failed: 1 });
    expect((await row(done.id)).purgedAt).toBeNull();
    expect(await purgeAtProvider(services, flaky)).toEqual({ purged: 1, failed: 0 });
    expect(fake.deleted).toEqual([await sidOf(done.id)]);
    expect(fake.messages.find((m) => m.sid === fake.deleted[0])!.body).toBe("");
    expect((await row(done.id)).purgedAt).not.toBeNull();
    expect((await row(pending.id)).purgedAt).toBeNull();
    expect(await purgeAtProvider(services, provider)).toEqual({ purged: 0, failed: 0 });
  });

  it("deletes what citizens sent (SMS text, voice message recording) at Twilio once it is stored here", async () => {
    const smsSid = `SM${"d".repeat(32)}`;
    const callSid = `CA${"e".repeat(32)}`;
    const recordingSid = `RE${"f".repeat(32)}`;
    const base = { direction: "inbound", toPhone: "+4915199999999", template: "inbound", language: "de", status: "received" };
    await db.message.create({ data: { ...base, channel: "sms", body: "Hilfe bitte", providerId: smsSid, idempotencyKey: `inbound:${smsSid}` } });
    await db.message.create({ data: { ...base, channel: "voice", body: "", providerId: callSid, recordingSid, idempotencyKey: `inbound:${callSid}` } });
    expect(await purgeAtProvider(services, provider)).toEqual({ purged: 2, failed: 0 });
    expect([...fake.deleted].sort()).toEqual([callSid, recordingSid, smsSid].sort());
    expect(await purgeAtProvider(services, provider)).toEqual({ purged: 0, failed: 0 });
  });

  it("blanks local bodies and deletes voice recordings after the retention period", async () => {
    const old = await queue();
    const recent = await queue();
    await db.message.update({ where: { id: old.id }, data: { status: "delivered", finalAt: new Date("2026-08-01T10:00:00Z") } });
    await db.message.update({ where: { id: recent.id }, data: { status: "delivered", finalAt: new Date("2026-11-01T10:00:00Z") } });
    const inbound = await db.message.create({
      data: { direction: "inbound", channel: "voice", toPhone: "+494211234560", template: "voiceMessage", language: "de", body: "", status: "received", idempotencyKey: "rec-1", finalAt: new Date("2026-08-01T10:00:00Z"), createdAt: new Date("2026-08-01T10:00:00Z") },
    });
    await db.voiceRecording.create({ data: { messageId: inbound.id, contentType: "audio/mpeg", seconds: 12, data: Buffer.from([1, 2, 3]), createdAt: new Date("2026-08-01T10:00:00Z") } });
    const oldSms = await db.message.create({
      data: { direction: "inbound", channel: "sms", toPhone: "+4915199999998", template: "inbound", language: "de", body: "Mein Tablet geht nicht", status: "received", idempotencyKey: "in-old", createdAt: new Date("2026-08-01T10:00:00Z") },
    });
    expect(await applyRetention(services, 90)).toEqual({ blanked: 2, recordingsDeleted: 1 });
    expect((await row(oldSms.id)).body).toBe("");
    expect(await row(old.id)).toMatchObject({ body: "", template: "welcome", status: "delivered" });
    expect((await row(recent.id)).body).not.toBe("");
    expect(await db.voiceRecording.count()).toBe(0);
  });
});

describe("the messaging jobs", () => {
  it("are scheduled — sending every 10 s, purging every 5 minutes, retention daily — and run through the registry", async () => {
    const types = schedule.map((s) => s.type);
    expect(types).toEqual(expect.arrayContaining(["messaging.deliverOutbox", "messaging.purgeProvider", "messaging.applyRetention"]));
    const { id } = await queue();
    await handlers["messaging.deliverOutbox"]!(services, {}, {} as never);
    const sid = (await row(id)).providerId!;
    expect(fake.messages.map((m) => m.sid)).toEqual([sid]);
    await postStatus(id, { MessageSid: sid, MessageStatus: "delivered" });
    await handlers["messaging.purgeProvider"]!(services, {}, {} as never);
    expect(fake.deleted).toEqual([sid]);
    clock.advance(91 * 86_400_000);
    await handlers["messaging.applyRetention"]!(services, {}, {} as never);
    expect((await row(id)).body).toBe("");
  });
});

describe("npm run twilio:check", () => {
  const goodNumber = { phoneNumber: "+494211234560", smsUrl: "https://ambulanz.example/webhooks/twilio/sms", voiceUrl: "https://ambulanz.example/webhooks/twilio/voice" };

  async function check(numbers: (typeof goodNumber)[], overrides: { authToken?: string; fromNumber?: string; publicUrl?: string } = {}) {
    const checkFake = await startFakeTwilio({ numbers });
    try {
      const twilioConfig = { ...fakeTwilioConfig(checkFake, overrides.fromNumber), ...(overrides.authToken ? { authToken: overrides.authToken } : {}) };
      const result = await checkTwilioConfig({ messageProvider: "twilio", twilio: twilioConfig, publicUrl: overrides.publicUrl ?? "https://ambulanz.example" });
      expect(checkFake.requests.filter((r) => r.method !== "GET")).toEqual([]); // reads only, sends nothing
      return { ...result, text: result.lines.map((l) => `${l.level}: ${l.text}`).join("\n") };
    } finally {
      await checkFake.close();
    }
  }

  it("a good configuration passes", async () => {
    const result = await check([goodNumber]);
    expect(result.ok).toBe(true);
    expect(result.lines.every((l) => l.level === "ok")).toBe(true);
  });

  it("a wrong auth token is reported as refused (401)", async () => {
    const result = await check([goodNumber], { authToken: "wrong-token-wrong-token" });
    expect(result.ok).toBe(false);
    expect(result.text).toMatch(/problem: Twilio refused the credentials \(401/);
  });

  it("a number the account does not have is reported", async () => {
    const result = await check([goodNumber], { fromNumber: "+494219999999" });
    expect(result.ok).toBe(false);
    expect(result.text).toContain("+494219999999 is not a number of this account");
  });

  it("wrong webhook URLs are reported with the URLs to set; plain http is warned about", async () => {
    const result = await check([{ ...goodNumber, smsUrl: "https://old.example/sms", voiceUrl: "" }], { publicUrl: "http://ambulanz.example" });
    expect(result.ok).toBe(false);
    expect(result.text).toContain("set \"A message comes in\" to Webhook http://ambulanz.example/webhooks/twilio/sms");
    expect(result.text).toContain("set \"A call comes in\" to Webhook http://ambulanz.example/webhooks/twilio/voice");
    expect(result.text).toMatch(/warning: PUBLIC_URL is http:\/\/ambulanz.example, not https/);
  });

  it("the command reads the settings like the app and exits 0 when all is right, 1 otherwise", async () => {
    const checkFake = await startFakeTwilio({ numbers: [goodNumber] });
    const run = (env: Record<string, string>) =>
      promisify(execFile)(process.execPath, [path.resolve("node_modules/tsx/dist/cli.mjs"), "scripts/twilio-check.ts"], {
        encoding: "utf8",
        env: { PATH: process.env.PATH ?? "", PUBLIC_URL: "https://ambulanz.example", ...fakeTwilioEnv(checkFake), ...env } as unknown as NodeJS.ProcessEnv,
      }).then(
        ({ stdout }) => ({ code: 0, stdout }),
        (error: { code: number; stdout: string }) => ({ code: error.code, stdout: error.stdout }),
      );
    try {
      const good = await run({});
      expect(good.code).toBe(0);
      expect(good.stdout).toContain("The Twilio configuration looks right. Nothing was sent.");
      const bad = await run({ TWILIO_AUTH_TOKEN: "wrong-token-wrong-token" });
      expect(bad.code).toBe(1);
      expect(bad.stdout).toMatch(/PROBLEM +Twilio refused the credentials \(401/);
      expect(checkFake.requests.filter((r) => r.method !== "GET")).toEqual([]);
    } finally {
      await checkFake.close();
    }
  }, 30_000);
});
