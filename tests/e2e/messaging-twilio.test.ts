// End to end against the local fake Twilio, without a browser: a citizen's callback request on the public web makes
// the app write a confirmation, the built app's job worker sends it through the Twilio SDK to the fake, the fake
// posts a signed "delivered" status callback, and staff see it as delivered. A forged callback gets 403 over HTTP.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";
import { fakeTwilioEnv, startFakeTwilio, type FakeTwilio } from "../helpers/fake-twilio";

let fake: FakeTwilio;
let app: RunningApp;

beforeAll(async () => {
  fake = await startFakeTwilio();
  app = await startApp({ ...fakeTwilioEnv(fake), MESSAGES_PER_SECOND: "20" });
}, 120_000);

afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

const FIRST_NAME = "Wilhelmine";
const PHONE = "0151 2398 7654";
const E164 = "+4915123987654";

async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 45_000): Promise<T> {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    const value = await probe();
    if (value !== undefined) return value;
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  throw new Error(`Timed out waiting for ${what}`);
}

async function staffCookie(): Promise<string> {
  const response = await fetch(`${app.baseUrl}/team/sign-in`, {
    method: "POST",
    headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ email: "koordination@ambulanz.example", password: "ambulanz-demo" }),
    redirect: "manual",
  });
  expect(response.status).toBe(302);
  return response.headers.getSetCookie().map((c) => c.split(";")[0]).join("; ");
}

async function outboxRows(cookie: string, status: string): Promise<string> {
  const response = await fetch(`${app.baseUrl}/team/outbox?status=${status}`, { headers: { Cookie: cookie, "Accept-Language": "en" } });
  expect(response.status).toBe(200);
  const html = await response.text();
  return html.slice(html.indexOf("<tbody"), html.indexOf("</tbody>"));
}

describe("SMS through Twilio, end to end", () => {
  it("sends the confirmation of a citizen's callback request through the worker, and takes the signed delivery report", async () => {
    // The citizen's form, as a browser without JavaScript sends it.
    const form = await (await fetch(`${app.baseUrl}/callback`)).text();
    const window = form.match(/<input[^>]*name="windows"[^>]*value="([^"]+)"/)?.[1] ?? form.match(/<input[^>]*value="([^"]+)"[^>]*name="windows"/)?.[1];
    expect(window).toBeTruthy();
    const posted = await fetch(`${app.baseUrl}/callback`, {
      method: "POST",
      headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ firstName: FIRST_NAME, phone: PHONE, windows: window!, language: "de", contactPreference: "sms" }),
      redirect: "manual",
    });
    expect(posted.status).toBe(302);
    expect(posted.headers.get("location")).toBe("/callback/done");

    // The job worker (every 10 s) hands it to "Twilio".
    const sms = await waitFor("the SMS at the fake Twilio", () => fake.messages.find((m) => m.to === E164));
    expect(sms.from).toBe("+494211234560");
    expect(sms.body).toContain("Digitale Ambulanz");
    const callbackUrl = new URL(sms.statusCallback!);
    expect(`${callbackUrl.origin}${callbackUrl.pathname}`).toBe(`${app.baseUrl}/webhooks/twilio/status`);
    expect(callbackUrl.search).toMatch(/^\?message=[a-z0-9]+$/); // only our opaque id, no number
    await new Promise((resolve) => setTimeout(resolve, 500)); // let the worker record the send
    expect(fake.messages.filter((m) => m.to === E164)).toHaveLength(1);

    const cookie = await staffCookie();
    expect(await outboxRows(cookie, "delivered")).not.toContain(FIRST_NAME);

    // Twilio reports delivery, signed with the auth token.
    expect(await fake.sendStatus(sms.sid, "delivered")).toBe(200);
    expect(await fake.sendStatus(sms.sid, "sent")).toBe(200); // late and out of order: changes nothing
    const delivered = await outboxRows(cookie, "delivered");
    expect(delivered).toContain(FIRST_NAME);
    expect(delivered).not.toContain(sms.sid); // the provider's id stays on the server

    // A forged report is refused over HTTP.
    const forged = await fetch(sms.statusCallback!, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": "bm90IGEgc2lnbmF0dXJl" },
      body: new URLSearchParams({ MessageSid: sms.sid, MessageStatus: "failed" }),
    });
    expect(forged.status).toBe(403);
    const unsigned = await fetch(sms.statusCallback!, {
      method: "POST",
      headers: { "Content-Type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ MessageSid: sms.sid, MessageStatus: "failed" }),
    });
    expect(unsigned.status).toBe(403);
    expect(await outboxRows(cookie, "delivered")).toContain(FIRST_NAME);
    expect(await outboxRows(cookie, "failed")).not.toContain(FIRST_NAME);
  }, 120_000);
});
