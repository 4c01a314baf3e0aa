// The HTTP edge seen from outside (issue 14): body limits, paths judged before normalisation, methods, headers,
// private pages never stored, the booking draft's cookie. Plain HTTP against the suite's app; no browser needed.
// Its status look-ups are invalid forms, answered before the per-address limit that other files count on.
import http from "node:http";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { DEMO_PASSWORD, DEMO_STAFF } from "../../prisma/seed-data";
import { baseUrl, sharedApp } from "../helpers/browser";

interface RawAnswer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/**
 * One request with the path sent exactly as written (fetch would normalise `..`), and a body written in chunks until
 * the server answers or `bodyBytes` are sent. Resolves with the answer, whatever the server did with the rest.
 */
function raw(method: string, path: string, { headers = {}, bodyBytes = 0, chunk = 64 * 1024 }: { headers?: Record<string, string>; bodyBytes?: number; chunk?: number } = {}): Promise<RawAnswer> {
  const { hostname, port } = new URL(baseUrl());
  return new Promise((resolve, reject) => {
    let answered = false;
    // A connection of its own: one left with a body half sent must not carry the next request.
    const request = http.request({ hostname, port, method, path, agent: false, headers: { Origin: baseUrl(), ...headers } }, (response) => {
      answered = true;
      let body = "";
      response.setEncoding("utf8");
      response.on("data", (c: string) => (body += c));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body }));
      response.on("error", reject);
    });
    // The server may close the connection while we still write: that is the point, not a failure.
    request.on("error", (error) => !answered && reject(error));
    let sent = 0;
    const part = Buffer.alloc(chunk, "a");
    // One chunk per turn of the event loop, as a real upload comes in: the answer is read as soon as it arrives.
    const writeMore = () => {
      if (sent >= bodyBytes || answered || request.destroyed) return void (request.destroyed || request.end());
      sent += chunk;
      if (request.write(part)) setImmediate(writeMore);
      else request.once("drain", writeMore);
    };
    if (bodyBytes) setImmediate(writeMore);
    else request.end();
  });
}

const FORM = { "Content-Type": "application/x-www-form-urlencoded" };

describe("request size limits", () => {
  it("refuses a form whose Content-Length is over 100 KB with 413, before the body is sent", async () => {
    // 200 MB announced, a few KB sent: the answer comes without the server waiting for (or reading) the rest.
    const answer = await raw("POST", "/report", { headers: { ...FORM, "Content-Length": String(200 * 1024 * 1024) }, bodyBytes: 4096, chunk: 4096 });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("Die Anfrage ist zu groß");
  });

  it("refuses a chunked form (no Content-Length) once it grows past the limit", async () => {
    const answer = await raw("POST", "/status", { headers: { ...FORM, "Transfer-Encoding": "chunked", Cookie: "lng=en" }, bodyBytes: 50 * 1024 * 1024 });
    expect(answer.status).toBe(413);
    expect(answer.body).toContain("The request is too large");
  });

  it("holds a Twilio webhook to 64 KB, and lets a form under its limit through", async () => {
    const webhook = await fetch(`${baseUrl()}/webhooks/twilio/sms`, { method: "POST", headers: FORM, body: `Body=${"x".repeat(70 * 1024)}` });
    expect(webhook.status).toBe(413);
    const form = await fetch(`${baseUrl()}/status`, { method: "POST", headers: { ...FORM, Origin: baseUrl() }, body: `reference=x&phoneLast4=1&pad=${"x".repeat(60 * 1024)}` });
    expect(form.status).not.toBe(413);
    expect(form.status).toBeLessThan(500);
  });

  it("allows signed-in staff a multipart upload up to the photo limit at check-in, but nobody else and nowhere else", async () => {
    const multipart = { "Content-Type": "multipart/form-data; boundary=xyz" };
    const staff = { ...multipart, Cookie: staffCookie };
    const elsewhere = await raw("POST", "/team/sign-in", { headers: { ...staff, "Content-Length": String(1024 * 1024) } });
    expect(elsewhere.status).toBe(413);
    // 1 MB to the check-in is within its limit: it gets as far as the action (whose loan does not exist).
    const checkIn = await raw("POST", "/team/loans/x/check-in", { headers: staff, bodyBytes: 1024 * 1024 });
    expect(checkIn.status).not.toBe(413);
    expect(checkIn.status).toBeLessThan(500);
    const tooBig = await raw("POST", "/team/loans/x/check-in", { headers: { ...staff, "Content-Length": String(6 * 1024 * 1024) } });
    expect(tooBig.status).toBe(413);
    // Without a session (or with a forged cookie) the upload limit is the form limit.
    for (const cookie of ["", "da_session=forged"]) {
      const anonymous = await raw("POST", "/team/loans/x/check-in", { headers: { ...multipart, Cookie: cookie }, bodyBytes: 1024 * 1024 });
      expect(anonymous.status, cookie || "no cookie").toBe(413);
    }
  });
});

describe("paths are judged as Remix will route them", () => {
  it("refuses dot segments, encoded dots and slashes, and empty segments instead of skipping the CSRF check", async () => {
    const crossSite = { ...FORM, Origin: "https://evil.example", "Content-Length": "0" };
    for (const path of ["/webhooks/twilio/../../report", "/webhooks/twilio/%2e%2e/%2E%2E/report", "/webhooks/twilio/..%2f..%2freport", "/webhooks//twilio/../../report", "/webhooks/twilio/..\\..\\report", "/team//people"]) {
      const answer = await raw("POST", path, { headers: crossSite });
      expect(answer.status, path).toBe(404);
    }
    // The same form to the real address still meets the CSRF check.
    expect((await raw("POST", "/report", { headers: crossSite })).status).toBe(403);
    // And an ordinary page with a trailing slash or encoded letters is untouched.
    expect((await raw("GET", "/help/")).status).toBeLessThan(400);
  });
});

describe("methods", () => {
  it("answers TRACE and other methods no page handles with 405, never 5xx", async () => {
    for (const method of ["TRACE", "PROPFIND", "MKCOL", "LOCK"]) {
      const answer = await raw(method, "/");
      expect(answer.status, method).toBe(405);
      expect(answer.headers.allow).toContain("POST");
    }
    // Not even a method to Node's parser: refused there, also not a 5xx.
    expect((await raw("TRACK", "/").catch(() => ({ status: 400 }))).status).toBeLessThan(500);
  });

  it("answers GET and HEAD on Twilio's webhooks with 405 and Allow: POST", async () => {
    for (const path of ["/webhooks/twilio/sms", "/webhooks/twilio/voice", "/webhooks/twilio/status"]) {
      for (const method of ["GET", "HEAD"]) {
        const response = await fetch(`${baseUrl()}${path}`, { method });
        expect(response.status, `${method} ${path}`).toBe(405);
        expect(response.headers.get("allow")).toBe("POST");
      }
    }
  });
});

let staffCookie = "";
let personPath = "";
beforeAll(async () => {
  const volunteer = DEMO_STAFF.find((s) => s.role === "coordinator")!;
  const response = await fetch(`${baseUrl()}/team/sign-in`, {
    method: "POST",
    headers: { ...FORM, Origin: baseUrl() },
    body: new URLSearchParams({ email: volunteer.email, password: DEMO_PASSWORD }),
    redirect: "manual",
  });
  staffCookie = response.headers.get("set-cookie")!.split(";")[0]!;
  const db = await openDatabase(sharedApp().databaseUrl);
  try {
    personPath = `/team/people/${(await db.person.findFirstOrThrow()).id}`;
  } finally {
    await db.$disconnect();
  }
});

describe("headers", () => {
  it("sends Permissions-Policy, X-Frame-Options DENY and a CSP without unsafe-inline styles on citizen and staff pages", async () => {
    for (const [path, headers] of [["/", {}], ["/callback", {}], ["/team", { Cookie: staffCookie }]] as const) {
      const response = await fetch(`${baseUrl()}${path}`, { headers });
      expect(response.status, path).toBe(200);
      const policy = response.headers.get("permissions-policy") ?? "";
      expect(policy).toContain("camera=(self)");
      expect(policy).toContain("microphone=()");
      expect(policy).toContain("geolocation=()");
      expect(response.headers.get("x-frame-options")).toBe("DENY");
      const csp = (response.headers.get("content-security-policy") ?? "").split(";").map((d) => d.trim());
      expect(csp.find((d) => d.startsWith("style-src "))).toMatch(/^style-src 'self' 'nonce-[A-Za-z0-9+/=]+'$/);
      expect(csp.filter((d) => d.includes("unsafe-inline"))).toEqual(["style-src-attr 'unsafe-inline'"]);
    }
  });
});

describe("pages a browser must never store", () => {
  const noStore = (response: Response) => (response.headers.get("cache-control") ?? "").split(",").map((d) => d.trim()).sort();

  it("staff pages, their data requests (.data) and their redirects: private, no-store", async () => {
    const page = await fetch(`${baseUrl()}${personPath}`, { headers: { Cookie: staffCookie } });
    expect(page.status).toBe(200);
    expect(noStore(page)).toEqual(["no-store", "private"]);
    const data = await fetch(`${baseUrl()}${personPath}.data`, { headers: { Cookie: staffCookie } });
    expect(data.status).toBe(200);
    expect(noStore(data)).toEqual(["no-store", "private"]);
    const signedOut = await fetch(`${baseUrl()}${personPath}`, { redirect: "manual" });
    expect(signedOut.status).toBe(302);
    expect(noStore(signedOut)).toEqual(["no-store", "private"]);
    // A public page keeps its ordinary caching.
    expect(noStore(await fetch(`${baseUrl()}/help`))).not.toContain("no-store");
  });

  it("the status answer, the booking pages and the appointment look-up too", async () => {
    const status = await fetch(`${baseUrl()}/status`, { method: "POST", headers: { ...FORM, Origin: baseUrl() }, body: "reference=x&phoneLast4=1" });
    expect(noStore(status)).toEqual(["no-store", "private"]);
    for (const path of ["/book/done", "/book/stadtbibliothek", "/appointment"]) {
      expect(noStore(await fetch(`${baseUrl()}${path}`, { redirect: "manual" })), path).toEqual(["no-store", "private"]);
    }
  });
});

describe("the booking draft's cookie", () => {
  it("is sealed (no name or number readable in it) and ends with the browser session", async () => {
    const slot = await fetch(`${baseUrl()}/book/stadtbibliothek`, {
      method: "POST",
      headers: { ...FORM, Origin: baseUrl() },
      body: new URLSearchParams({ slot: "hour|2030-01-07T09:00:00.000Z" }),
      redirect: "manual",
    });
    expect(slot.status).toBe(302);
    const details = await fetch(`${baseUrl()}/book/stadtbibliothek/details`, {
      method: "POST",
      headers: { ...FORM, Origin: baseUrl(), Cookie: slot.headers.get("set-cookie")!.split(";")[0]! },
      body: new URLSearchParams({ firstName: "Waltraud", phone: "0151 23456789", contactPreference: "sms" }),
      redirect: "manual",
    });
    expect(details.headers.get("location")).toBe("/book/stadtbibliothek/check");
    const setCookie = details.headers.get("set-cookie")!;
    expect(setCookie).toMatch(/^da_booking=/);
    expect(setCookie).not.toMatch(/Max-Age|Expires/i);
    expect(setCookie).toMatch(/HttpOnly/);
    // Whatever encoding a reader tries, the value gives nothing away.
    const value = decodeURIComponent(setCookie.split(";")[0]!.slice("da_booking=".length));
    const readings = [value, Buffer.from(value, "base64").toString("utf8"), Buffer.from(value, "base64url").toString("utf8")];
    for (const text of readings) expect(text).not.toMatch(/Waltraud|23456789|stadtbibliothek/);
    // The check page still reads it back.
    const check = await fetch(`${baseUrl()}/book/stadtbibliothek/check`, { headers: { Cookie: setCookie.split(";")[0]! } });
    expect(check.status).toBe(200);
    expect(await check.text()).toContain("Waltraud");
  });
});
