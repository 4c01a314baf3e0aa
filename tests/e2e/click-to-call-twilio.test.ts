// Click-to-call end to end with Twilio's side played by the local fake: the built app runs with Twilio settings,
// the librarian presses "Call now", the fake receives one call to the staff phone from the programme number, the
// bridge webhook (signed as Twilio signs) dials the citizen, and signed status callbacks — the staff phone ringing,
// the citizen not answering — show up on the page and record the attempt once. No number in any URL.
import twilio from "twilio";
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";
import { demoStaff, newPage, signIn, useBrowser } from "../helpers/browser";
import { fakeTwilioEnv, startFakeTwilio, type FakeTwilio } from "../helpers/fake-twilio";

let fake: FakeTwilio;
let app: RunningApp;
const browser = useBrowser();
const librarian = demoStaff("librarian");
const citizenPhone = `+49151${String(Math.floor(Math.random() * 9_000_000) + 71_000_000)}`;

beforeAll(async () => {
  fake = await startFakeTwilio();
  app = await startApp(fakeTwilioEnv(fake));
});
afterAll(async () => {
  await app?.stop();
  await fake?.close();
});

/** Posts to one of the app's webhook URLs as Twilio does: form fields, X-Twilio-Signature over the whole URL. */
async function twilioPost(url: string, params: Record<string, string>) {
  return fetch(url, {
    method: "POST",
    headers: { "Content-Type": "application/x-www-form-urlencoded", "X-Twilio-Signature": twilio.getExpectedTwilioSignature(fake.authToken, url, params) },
    body: new URLSearchParams(params),
  });
}

async function signedInPage(): Promise<Page> {
  const page = await newPage(browser(), { appUrl: app.baseUrl });
  await signIn(page, "librarian");
  return page;
}

describe("click-to-call through Twilio (local fake)", () => {
  it("rings the staff phone, bridges to the citizen with the programme number, and records a missed call once", async () => {
    const page = await signedInPage();
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    await page.goto("/team/callbacks/new");
    await page.locator("html[data-hydrated]").waitFor({ state: "attached" });
    await page.locator('input[name="phone"]').fill(citizenPhone);
    await page.locator('form#callback-lookup button[type="submit"]').click();
    await page.locator("#caller-heading").waitFor();
    await page.locator('input[name="firstName"]').fill("Hildegard");
    await page.locator("form#callback-intake label", { has: page.locator('input[name="windows"]') }).last().click();
    await Promise.all([page.waitForURL(/\/team\/callbacks\/(?!new)[^/]+$/), page.locator('form#callback-intake button[type="submit"]').click()]);
    const path = new URL(page.url()).pathname;

    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/team/calls")), page.getByRole("button", { name: "Jetzt anrufen" }).click()]);
    await page.locator(".call-now__status").getByText("Ihr Telefon klingelt …").waitFor();
    // Twilio's side: no practice buttons, a refresh link for browsers without JavaScript.
    expect(await page.locator(".call-now__simulate").count()).toBe(0);

    const bridged = fake.calls.filter((c) => c.url?.includes("/webhooks/twilio/bridge"));
    expect(bridged).toHaveLength(1);
    const call = bridged[0]!;
    expect(call).toMatchObject({ to: librarian.phone, from: "+494211234560" });
    for (const url of [call.url!, call.statusCallback!]) {
      expect(url).toMatch(/\?call=[a-z0-9]+(&lang=de)?$/);
      for (const phone of [librarian.phone!, citizenPhone, "+494211234560"]) expect(url).not.toContain(phone.slice(3));
    }

    // The staff phone rings (the page follows by itself), the staff member picks up: TwiML dials the citizen.
    expect(await fake.sendStatus(call.sid, "ringing")).toBe(200);
    const bridge = await twilioPost(call.url!, { CallSid: call.sid, CallStatus: "in-progress", To: librarian.phone!, From: "+494211234560" });
    expect(bridge.status).toBe(200);
    const twiml = await bridge.text();
    expect(twiml).toContain(`<Dial callerId="+494211234560"`);
    expect(twiml).toContain(`>${citizenPhone}</Number>`);
    expect(twiml).toContain("Hildegard");
    expect(twiml).not.toContain(librarian.phone!);
    await page.locator(".call-now__status").getByText("Verbindung wird hergestellt").waitFor({ timeout: 10_000 });

    // The citizen does not answer: the Dial action, then Twilio replays it; the attempt is recorded once.
    const action = twiml.match(/action="([^"]+)"/)![1]!.replaceAll("&amp;", "&");
    expect(action).not.toContain(citizenPhone.slice(1));
    expect((await twilioPost(action, { CallSid: call.sid, DialCallStatus: "no-answer", DialCallDuration: "0" })).status).toBe(200);
    expect((await twilioPost(action, { CallSid: call.sid, DialCallStatus: "no-answer", DialCallDuration: "0" })).status).toBe(200);
    expect(await fake.sendStatus(call.sid, "completed")).toBe(200);
    // A forged callback is refused.
    expect((await fetch(action, { method: "POST", body: new URLSearchParams({ DialCallStatus: "completed" }), headers: { "X-Twilio-Signature": "forged" } })).status).toBe(403);

    await page.locator(".call-now__status").getByText("Nicht angenommen.").waitFor({ timeout: 10_000 });
    await page.goto(path);
    await expect(page.locator(".summary-list__row", { hasText: "Versuche" }).locator("dd").textContent()).resolves.toBe("1");
    await expect(page.locator("#attempts-heading + ol li").count()).resolves.toBe(1);
    for (const url of urls) {
      expect(url).not.toMatch(/\+49|%2B49|23125/);
      expect(url).not.toContain(citizenPhone.slice(3));
    }
    await page.context().close();
  });
});
