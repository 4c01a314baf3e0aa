import { describe, expect, it } from "vitest";
import { deliverDueMessages, MAX_SEND_ATTEMPTS } from "~/capabilities/messaging/deliver.server";
import { TransientSendError, type MessageProvider, type OutgoingMessage } from "~/capabilities/messaging/provider";
import { outboxProvider } from "~/capabilities/messaging/providers/outbox";
import { createTestServices } from "../helpers/db";
import { makePerson } from "../helpers/factories";

const services = await createTestServices();
const { db, messenger } = services;

/** A provider that records what it was asked to send, and can be told to fail. */
function recordingProvider(fail?: (m: OutgoingMessage, call: number) => Error | null): MessageProvider & { sent: OutgoingMessage[] } {
  const sent: OutgoingMessage[] = [];
  return {
    name: "recording",
    sent,
    async send(message) {
      const error = fail?.(message, sent.length);
      sent.push(message);
      if (error) throw error;
      return { providerId: `rec-${sent.length}`, status: "sent" };
    },
    findEarlierSend: async () => null,
    purge: async () => {},
    bridgeCall: async (input) => ({ providerId: `rec-call-${input.callId}` }),
  };
}

async function clearOutbox() {
  await db.message.deleteMany();
}

describe("the messenger writes outbox rows in the caller's transaction", () => {
  it("renders the template in the person's language; landlines get a voice call", async () => {
    await clearOutbox();
    const mobile = await makePerson(db, { language: "en" });
    const landline = await makePerson(db, { phone: "+494219876543", phoneType: "landline", language: "de" });
    await db.$transaction(async (tx) => {
      await messenger.send(tx, { to: mobile, template: "welcome", params: { firstName: "Gisela", phone: "0421 1234560" } });
      await messenger.send(tx, { to: landline, template: "welcome", params: { firstName: "Heinz", phone: "0421 1234560" } });
    });
    const rows = await db.message.findMany({ orderBy: { toPhone: "asc" } });
    expect(rows.map((r) => [r.channel, r.status])).toEqual([
      ["sms", "queued"],
      ["voice", "queued"],
    ]);
    expect(rows.find((r) => r.channel === "sms")!.body).toContain("Hello Gisela");
    expect(rows.find((r) => r.channel === "voice")!.body).toContain("Guten Tag Heinz");
  });

  it("a call greets without the first name when its voice cannot say it; an SMS keeps the name as written", async () => {
    await clearOutbox();
    let i = 0;
    const greet = async (firstName: string, language: string, phoneType = "landline") => {
      const to = await makePerson(db, { phone: `+49421555${String(++i).padStart(4, "0")}`, phoneType, language, firstName });
      const row = await db.$transaction((tx) => messenger.send(tx, { to, template: "callbackReceived", params: { firstName, reference: "AC39KM", spelled: "A C 3 9 K M" } }));
      return (await db.message.findUniqueOrThrow({ where: { id: row.id } })).body;
    };
    expect(await greet("Hildegard", "de")).toMatch(/^Guten Tag Hildegard\. Hier ist/);
    expect(await greet("Zoë-Marie", "de")).toMatch(/^Guten Tag Zoë-Marie\. Hier ist/);
    expect(await greet("فاطمة", "de")).toMatch(/^Guten Tag\. Hier ist/);
    expect(await greet("🌻 Oma", "de")).toMatch(/^Guten Tag\. Hier ist/);
    expect(await greet("–", "de")).toMatch(/^Guten Tag\. Hier ist/); // the voice menu's placeholder for a caller
    expect(await greet("Grace", "en")).toMatch(/^Hello Grace\. This is/);
    expect(await greet("فاطمة", "ar")).toMatch(/^مرحبًا فاطمة\. /);
    expect(await greet("Gisela", "ar")).toMatch(/^مرحبًا\. /);
    expect(await greet("فاطمة", "de", "mobile")).toContain("Digitale Ambulanz"); // an SMS: nothing is read aloud
    expect(await db.message.count({ where: { channel: "voice", body: { contains: "\u2063" } } })).toBe(0);
  });

  it("writes nothing when the transaction fails", async () => {
    await clearOutbox();
    const person = await makePerson(db);
    await expect(
      db.$transaction(async (tx) => {
        await messenger.send(tx, { to: person, template: "welcome", params: { firstName: "X", phone: "1" } });
        throw new Error("the booking failed");
      }),
    ).rejects.toThrow("the booking failed");
    expect(await db.message.count()).toBe(0);
  });
});

describe("delivery", () => {
  async function queueOne() {
    const person = await makePerson(db);
    return db.$transaction((tx) => messenger.send(tx, { to: person, template: "welcome", params: { firstName: "A", phone: "1" } }));
  }

  it("the built-in outbox provider records messages as delivered", async () => {
    await clearOutbox();
    const { id } = await queueOne();
    const report = await deliverDueMessages(services, outboxProvider);
    expect(report).toMatchObject({ sent: 1, retried: 0, failed: 0 });
    const row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row).toMatchObject({ status: "delivered", provider: "outbox" });
    expect(row.deliveredAt).not.toBeNull();
  });

  it("does not send messages before their time", async () => {
    await clearOutbox();
    const person = await makePerson(db);
    await db.$transaction((tx) =>
      messenger.send(tx, { to: person, template: "welcome", params: { firstName: "A", phone: "1" }, sendAfter: new Date(services.clock.now().getTime() + 3_600_000) }),
    );
    const provider = recordingProvider();
    await deliverDueMessages(services, provider);
    expect(provider.sent).toHaveLength(0);
  });

  it("two workers delivering at once send each message once", async () => {
    await clearOutbox();
    for (let i = 0; i < 10; i++) await queueOne();
    const provider = recordingProvider();
    await Promise.all([deliverDueMessages(services, provider), deliverDueMessages(services, provider)]);
    expect(provider.sent).toHaveLength(10);
    expect(new Set(provider.sent.map((m) => m.id)).size).toBe(10);
  });

  it("retries transient errors with back-off, keeping the idempotency key, and gives up after the last attempt", async () => {
    await clearOutbox();
    const { id } = await queueOne();
    const provider = recordingProvider(() => new TransientSendError("503 from provider"));
    await deliverDueMessages(services, provider);
    let row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("queued");
    expect(row.sendAfter.getTime()).toBeGreaterThan(services.clock.now().getTime());

    await deliverDueMessages(services, provider); // not due yet
    expect(provider.sent).toHaveLength(1);

    for (let i = 1; i < MAX_SEND_ATTEMPTS; i++) {
      services.clock.advance(2 * 3_600_000);
      await deliverDueMessages(services, provider);
    }
    row = await db.message.findUniqueOrThrow({ where: { id } });
    expect(row.status).toBe("failed");
    expect(provider.sent).toHaveLength(MAX_SEND_ATTEMPTS);
    expect(new Set(provider.sent.map((m) => m.idempotencyKey)).size).toBe(1);
  });

  it("a permanent error fails at once", async () => {
    await clearOutbox();
    const { id } = await queueOne();
    await deliverDueMessages(services, recordingProvider(() => new Error("invalid number")));
    expect((await db.message.findUniqueOrThrow({ where: { id } })).status).toBe("failed");
  });

  it("a message left 'sending' by a crash is retried with the same key after its claim runs out", async () => {
    await clearOutbox();
    const { id } = await queueOne();
    const original = await db.message.findUniqueOrThrow({ where: { id } });
    // Simulate a worker that claimed the message and died before recording the result.
    await db.message.update({
      where: { id },
      data: { status: "sending", attempts: 1, claimedUntil: new Date(services.clock.now().getTime() + 5 * 60_000) },
    });
    const provider = recordingProvider();
    await deliverDueMessages(services, provider);
    expect(provider.sent).toHaveLength(0); // still claimed

    services.clock.advance(6 * 60_000);
    await deliverDueMessages(services, provider);
    expect(provider.sent.map((m) => m.idempotencyKey)).toEqual([original.idempotencyKey]);
    expect((await db.message.findUniqueOrThrow({ where: { id } })).status).toBe("sent");
  });
});
