// Messaging: 10,000 due reminders (real outbox rows written by the messenger) delivered by the worker's send loop
// through the Twilio provider (the official SDK) to the local fake REST API. Prints time, messages/s, requests the
// fake received and duplicates (one message arriving twice at the fake: must be 0) — also after a simulated crash
// that left rows "sending" with expired claims, half of them already handed to the fake.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Services } from "~/context";
import { openDatabase } from "~/db.server";
import { CLAIM_MS, deliverDueMessages } from "~/capabilities/messaging/deliver.server";
import { createMessenger } from "~/capabilities/messaging/messenger.server";
import { createTwilioProvider } from "~/capabilities/messaging/providers/twilio.server";
import { systemClock } from "~/lib/clock";
import { prepareDatabase } from "~/setup.server";
import { fakeTwilioConfig, startFakeTwilio, type FakeTwilio } from "../tests/helpers/fake-twilio";

const REMINDERS = 10_000;
const CRASHED = 2_000;
const PER_SECOND = 100_000; // the bench measures the loop itself; installations pace with MESSAGES_PER_SECOND

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-bench-messaging-"));
const url = `file:${path.join(dir, "bench.db")}`;
await prepareDatabase(url, { seedWhenEmpty: false });
const db = await openDatabase(url);
const fake = await startFakeTwilio();

const twilio = fakeTwilioConfig(fake);
const services: Services = {
  db,
  clock: systemClock,
  messenger: createMessenger(systemClock, { publicUrl: "https://ambulanz.example", programmePhone: twilio.fromNumber }),
  config: {
    publicUrl: "https://ambulanz.example",
    sessionSecret: "bench-secret-bench-secret-bench-secret",
    sessionIdleMinutes: 30,
    sessionMaxHours: 12,
    programmePhone: twilio.fromNumber,
    secureCookies: true,
    messageProvider: "twilio",
    twilio,
    messaging: { perSecond: PER_SECOND, perNumberPerHour: 6, retentionDays: 90 },
    retention: { auditDays: 730, ticketDays: 365, loanDays: 365, appointmentDays: 90, callbackDays: 90, waitlistDays: 0 },
    privacy: { controller: null, dpoContact: null, supervisoryAuthority: "Aufsichtsbehörde" },
  },
};
const provider = createTwilioProvider(twilio, services.config.publicUrl);

async function enqueue(count: number, offset: number) {
  for (let i = 0; i < count; i += 500) {
    await db.$transaction(async (tx) => {
      for (let j = i; j < Math.min(count, i + 500); j++) {
        const n = offset + j;
        await services.messenger.send(tx, {
          to: { phone: `+49151${String(10_000_000 + n)}`, phoneType: n % 10 === 0 ? "landline" : "mobile", language: ["de", "en", "ar"][n % 3]! },
          template: "welcome",
          params: { firstName: ["Gisela", "Heinz", "Ayşe", "Yusuf"][n % 4]!, phone: "0421 1234560" },
        });
      }
    });
  }
}

/** Messages/calls that reached the fake more than once (by the message id in their status callback). */
function duplicates(f: FakeTwilio): number {
  const ids = [...f.messages, ...f.calls].map((x) => x.statusCallback);
  return ids.length - new Set(ids).size;
}

async function deliverAll() {
  const started = performance.now();
  for (;;) {
    const report = await deliverDueMessages(services, provider, { limit: 500, maxMs: Number.POSITIVE_INFINITY });
    if (report.sent + report.recovered + report.retried + report.failed + report.deferred + report.optedOut === 0) break;
  }
  return performance.now() - started;
}

try {
  await enqueue(REMINDERS, 0);
  const ms = await deliverAll();
  const posted = fake.requests.filter((r) => r.method === "POST").length;
  const failed = await db.message.count({ where: { status: { notIn: ["sent", "delivered"] } } });
  console.log(
    `messaging: ${REMINDERS} reminders (${REMINDERS / 10} voice calls) through the worker to the fake Twilio in ${(ms / 1000).toFixed(1)} s = ` +
      `${Math.round(REMINDERS / (ms / 1000))} messages/s; fake received ${fake.requests.length} requests (${posted} sends); not sent: ${failed}; duplicates: ${duplicates(fake)}`,
  );

  // A crash between sending and recording: rows left "sending" with expired claims, half already at the fake.
  fake.reset();
  await db.message.deleteMany();
  await enqueue(CRASHED, REMINDERS);
  const rows = await db.message.findMany({ orderBy: { createdAt: "asc" } });
  const claimedUntil = new Date(Date.now() - 1000);
  for (const [index, m] of rows.entries()) {
    if (index % 2 === 0) {
      await provider.send({ id: m.id, to: m.toPhone, channel: m.channel === "voice" ? "voice" : "sms", body: m.body, language: m.language, idempotencyKey: m.idempotencyKey });
    }
  }
  await db.message.updateMany({ data: { status: "sending", attempts: 1, claimedUntil, sendAfter: new Date(claimedUntil.getTime() - CLAIM_MS) } });
  const before = fake.requests.filter((r) => r.method === "POST").length;
  const crashMs = await deliverAll();
  const notSent = await db.message.count({ where: { status: { notIn: ["sent", "delivered"] } } });
  const sends = fake.requests.filter((r) => r.method === "POST").length - before;
  console.log(
    `messaging after a crash: ${CRASHED} rows left "sending" (${before} already at the fake) recovered in ${(crashMs / 1000).toFixed(1)} s; ` +
      `new sends ${sends} (expected ${CRASHED - before}); at the fake ${fake.messages.length + fake.calls.length}; not sent: ${notSent}; duplicates: ${duplicates(fake)}`,
  );
} finally {
  await fake.close();
  await db.$disconnect();
  fs.rmSync(dir, { recursive: true, force: true });
}
