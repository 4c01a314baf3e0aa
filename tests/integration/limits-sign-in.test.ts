// Sign-in limits that cannot be used to lock staff out (decision 025), through the sign-in page's action with
// the client address passed as server.ts would: an attacker's address does not lock the staff member's own
// tablet, an attacked account still opens from a known device, and failed sign-ins and sign-outs are audit-logged.
import type { AppLoadContext } from "@remix-run/node";
import { describe, expect, it } from "vitest";
import { action as signInAction } from "~/routes/team_.sign-in";
import { action as signOutAction } from "~/routes/team_.sign-out";
import { SIGN_IN_FAILURES_BEFORE_BACKOFF, SIGN_IN_TRIES_IN_BACKOFF, SIGN_IN_TRIES_PER_DEVICE } from "~/web/rate-limit.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff } from "../helpers/factories";

const services = await createTestServices();
const location = await makeLocation(services.db);
const anna = await makeStaff(services.db, { email: "anna@example.org", role: "volunteer", locationIds: [location.id] });
await makeStaff(services.db, { email: "bert@example.org", role: "volunteer", locationIds: [location.id] });
const RIGHT = "richtig-geheim";

/** Posts the sign-in form from `clientIp` (with `cookie`, when given); the status and the cookies it set. */
async function signIn(clientIp: string, email: string, password: string, cookie = "") {
  const context = { services, nonce: "", clientIp } as unknown as AppLoadContext;
  const request = new Request("http://localhost/team/sign-in", {
    method: "POST",
    body: new URLSearchParams({ email, password }),
    headers: cookie ? { Cookie: cookie } : {},
  });
  const response = await signInAction({ request, context, params: {} });
  const status = response instanceof Response ? response.status : (response as { init?: { status?: number } }).init?.status ?? 200;
  const setCookies = response instanceof Response ? response.headers.getSetCookie() : [];
  return { status, setCookies, cookie: setCookies.map((c) => c.split(";")[0]).join("; ") };
}
const deviceCookieOf = (setCookies: string[]) => setCookies.find((c) => c.startsWith("da_device="))!.split(";")[0];

describe("sign-in limits", () => {
  it("after 20 wrong passwords from address A, the right password from address B still signs in", async () => {
    const answers = [];
    for (let i = 0; i < 20; i++) answers.push((await signIn("203.0.113.1", "anna@example.org", "falsch")).status);
    expect(answers.slice(0, SIGN_IN_TRIES_PER_DEVICE)).toEqual(Array(SIGN_IN_TRIES_PER_DEVICE).fill(400));
    expect(answers.at(-1)).toBe(429); // A may not try Anna's account any more
    expect((await signIn("198.51.100.7", "anna@example.org", RIGHT)).status).toBe(302);
  });

  it("while an account is attacked from many addresses, its known device still signs in; unknown devices wait", async () => {
    // Bert signs in once on his tablet: it becomes a known device for his account.
    const first = await signIn("192.0.2.10", "bert@example.org", RIGHT);
    expect(first.status).toBe(302);
    const device = deviceCookieOf(first.setCookies);
    expect(device).not.toContain("bert"); // nothing readable in it

    // The attack: wrong passwords from many addresses, beyond the back-off threshold, then the back-off's tries.
    let address = 0;
    for (let failures = 0; failures < SIGN_IN_FAILURES_BEFORE_BACKOFF; ) {
      const ip = `203.0.113.${100 + Math.floor(address++ / SIGN_IN_TRIES_PER_DEVICE)}`;
      if ((await signIn(ip, "bert@example.org", "falsch")).status === 400) failures++;
    }
    for (let i = 0; i < SIGN_IN_TRIES_IN_BACKOFF; i++) await signIn(`203.0.113.${200 + i}`, "bert@example.org", "falsch");

    // A new device, even with the right password, must wait now…
    expect((await signIn("198.51.100.8", "bert@example.org", RIGHT)).status).toBe(429);
    // …his own tablet signs in — at the same address the attack started from, too.
    expect((await signIn("192.0.2.10", "bert@example.org", RIGHT, device)).status).toBe(302);
    expect((await signIn("203.0.113.100", "bert@example.org", RIGHT, device)).status).toBe(302);
    // The device cookie is for Bert's account only: it does not let anyone past the back-off for Anna's or his.
    expect((await signIn("198.51.100.9", "bert@example.org", RIGHT, device.replace(/.$/, "x"))).status).toBe(429);
  });

  it("a known device still counts its own failures", async () => {
    const first = await signIn("192.0.2.20", "anna@example.org", RIGHT);
    const device = deviceCookieOf(first.setCookies);
    const answers = [];
    for (let i = 0; i <= SIGN_IN_TRIES_PER_DEVICE; i++) answers.push((await signIn("192.0.2.20", "anna@example.org", "falsch", device)).status);
    expect(answers.at(-1)).toBe(429);
    expect((await signIn("192.0.2.20", "anna@example.org", RIGHT, device)).status).toBe(429);
  });

  it("audit-logs failed sign-ins (the account when it is one, never the password or a typed address) and sign-outs", async () => {
    await services.db.auditEntry.deleteMany();
    await signIn("198.51.100.50", "anna@example.org", "falsches-passwort-123");
    await signIn("198.51.100.50", "jemand.privat@example.org", "noch-ein-passwort");
    const failed = await services.db.auditEntry.findMany({ where: { action: "staff.signInFailed" }, orderBy: { at: "asc" } });
    expect(failed.map((e) => e.subjectId)).toEqual([anna.id, null]);
    const logged = JSON.stringify(await services.db.auditEntry.findMany());
    for (const secret of ["falsches-passwort-123", "noch-ein-passwort", "jemand.privat", "198.51.100.50"]) expect(logged).not.toContain(secret);

    const signedIn = await signIn("198.51.100.51", "anna@example.org", RIGHT);
    expect(signedIn.status).toBe(302);
    const context = { services, nonce: "", clientIp: "198.51.100.51" } as unknown as AppLoadContext;
    const request = new Request("http://localhost/team/sign-out", { method: "POST", headers: { Cookie: signedIn.cookie } });
    await signOutAction({ request, context, params: {} });
    const out = await services.db.auditEntry.findMany({ where: { action: "staff.signedOut" } });
    expect(out.map((e) => e.subjectId)).toEqual([anna.id]);
  });
});
