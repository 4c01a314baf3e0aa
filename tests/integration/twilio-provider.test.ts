// The Twilio provider through the official SDK, against the local fake REST API.
import { afterAll, beforeEach, describe, expect, it } from "vitest";
import { createTwilioProvider, spokenMessageTwiml } from "~/capabilities/messaging/providers/twilio.server";
import { TransientSendError } from "~/capabilities/messaging/provider";
import { fakeTwilioConfig, startFakeTwilio } from "../helpers/fake-twilio";

const fake = await startFakeTwilio();
afterAll(() => fake.close());
beforeEach(() => fake.reset());
const provider = createTwilioProvider(fakeTwilioConfig(fake), "https://ambulanz.example");
const sms = { id: "msg1", to: "+4915112345678", channel: "sms" as const, body: "Hallo Gisela", language: "de", idempotencyKey: "k1" };

describe("the Twilio provider", () => {
  it("sends an SMS from the programme number with a status callback that carries only our message id", async () => {
    const result = await provider.send(sms);
    expect(result.providerId).toMatch(/^SM[0-9a-f]{32}$/);
    expect(fake.messages).toHaveLength(1);
    expect(fake.messages[0]).toMatchObject({ to: "+4915112345678", from: "+494211234560", body: "Hallo Gisela" });
    expect(fake.messages[0]!.statusCallback).toBe("https://ambulanz.example/webhooks/twilio/status?message=msg1");
  });

  it("calls a landline and says the message twice in the person's language", async () => {
    await provider.send({ ...sms, channel: "voice", to: "+494219876543", language: "ar", body: "مرحبا" });
    expect(fake.calls).toHaveLength(1);
    expect(fake.calls[0]!.twiml).toBe(spokenMessageTwiml("مرحبا", "ar"));
    expect(fake.calls[0]!.twiml).toContain('language="ar-XA"');
  });

  it("reports rate limits and server errors as worth retrying, a bad number as final", async () => {
    fake.failNext(1, 429);
    await expect(provider.send(sms)).rejects.toBeInstanceOf(TransientSendError);
    fake.failNext(1, 503);
    await expect(provider.send(sms)).rejects.toBeInstanceOf(TransientSendError);
    await expect(provider.send({ ...sms, to: "12" })).rejects.toThrow(/21211/);
  });

  it("finds a message an earlier, interrupted attempt already handed over", async () => {
    const since = new Date(Date.now() - 60_000);
    expect(await provider.findEarlierSend(sms, since)).toBeNull();
    const first = await provider.send(sms);
    expect(await provider.findEarlierSend(sms, since)).toEqual({ providerId: first.providerId, status: "queued" });
  });

  it("purges a finished message and a recording at Twilio, and a second purge is harmless", async () => {
    const { providerId } = await provider.send(sms);
    await provider.purge({ providerId, channel: "sms", recordingSid: `RE${"b".repeat(32)}` });
    expect(fake.deleted).toEqual([`RE${"b".repeat(32)}`, providerId]);
    expect(fake.messages[0]!.body).toBe("");
    await provider.purge({ providerId, channel: "sms", recordingSid: null });
  });
});
