// Logs never hold personal data: an app of its own with request logging on (LOG_LEVEL=info) gets a problem report,
// a sign-in attempt and a status check carrying a name, phone number, e-mail address and reference, and the job
// worker has a round with the resulting message; none of those values appears in anything the app writes.
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";

let app: RunningApp;
let output = "";

beforeAll(async () => {
  app = await startApp({ LOG_LEVEL: "debug" }, (text) => (output += text));
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const NAME = "Wilhelmine";
const PHONE = "0151 2345 6789";
const E164 = "+4915123456789";
const EMAIL = "wilhelmine.privat@example.org";
const DESCRIPTION = "Mein Enkel Friedemann schickt Fotos";

async function post(path: string, form: Record<string, string>, query = "") {
  return fetch(`${app.baseUrl}${path}${query}`, {
    method: "POST",
    headers: { Origin: app.baseUrl, "Content-Type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams(form).toString(),
    redirect: "manual",
  });
}

describe("request logs", () => {
  it("record method, path and status of each request, but no name, phone number, e-mail or text", async () => {
    const report = await post("/report", { firstName: NAME, phone: PHONE, description: DESCRIPTION, contactPreference: "sms" });
    expect(report.status).toBe(302);
    expect((await post("/report", { firstName: NAME, phone: "12", description: DESCRIPTION })).status).toBe(400);
    expect((await post("/team/sign-in", { email: EMAIL, password: "secret-guess" })).status).toBe(400);
    await fetch(`${app.baseUrl}/status?phone=${encodeURIComponent(PHONE)}&name=${NAME}`);
    // The worker looks for due messages every 10 seconds: give it one round with the report's confirmation.
    await new Promise((r) => setTimeout(r, 11_000));

    expect(output).toMatch(/"method":"POST","path":"\/report","status":302/);
    expect(output).toMatch(/"path":"\/team\/sign-in","status":400/);
    expect(output).toMatch(/"path":"\/status","status":200/);
    for (const personal of [NAME, PHONE, E164, "15123456789", "2345 6789", EMAIL, "wilhelmine", "Friedemann", "secret-guess"]) {
      expect(output, `the log contains "${personal}"`).not.toContain(personal);
    }
  }, 90_000);
});
