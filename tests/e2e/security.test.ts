// Security basics seen from outside: headers, CSP nonces, CSRF origin check, permissions, error pages.
import { describe, expect, it } from "vitest";
import { baseUrl, newPage, signIn, useBrowser } from "../helpers/browser";

const browser = useBrowser();

describe("security basics", () => {
  it("sends a CSP whose scripts need this response's nonce, plus the usual headers", async () => {
    const response = await fetch(`${baseUrl()}/team/sign-in`);
    const csp = response.headers.get("content-security-policy") ?? "";
    const scriptSrc = csp.split(";").find((d) => d.trim().startsWith("script-src")) ?? "";
    expect(scriptSrc).toMatch(/'nonce-[A-Za-z0-9+/=]+'/);
    expect(scriptSrc).not.toContain("unsafe-inline");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("same-origin");
    expect(response.headers.get("x-powered-by")).toBeNull();
  });

  it("puts the nonce on every script of a staff page, and the page runs under the CSP", async () => {
    const page = await newPage(browser());
    const violations: string[] = [];
    page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    await signIn(page, "admin");
    const withoutNonce = await page.locator("script:not([nonce])").count();
    expect(withoutNonce).toBe(0);
    expect(await page.evaluate(() => Boolean((window as unknown as { __remixContext?: unknown }).__remixContext))).toBe(true);
    expect(violations).toEqual([]);
  });

  it("refuses a form sent from another site (403) and changes nothing", async () => {
    const response = await fetch(`${baseUrl()}/team/sign-in`, {
      method: "POST",
      headers: { Origin: "https://evil.example", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=admin%40ambulanz.example&password=ambulanz-demo",
      redirect: "manual",
    });
    expect(response.status).toBe(403);
    expect(response.headers.get("set-cookie")).toBeNull();
  });

  it("keeps the audit log from volunteers with a translated 403", async () => {
    const page = await newPage(browser(), { lng: "en" });
    await signIn(page, "volunteer");
    const response = await page.goto("/team/audit");
    expect(response?.status()).toBe(403);
    await expect(page.locator("h1").textContent()).resolves.toBe("No access");
  });

  it("logs who looked at the outbox", async () => {
    const page = await newPage(browser());
    await signIn(page, "coordinator");
    await page.goto("/team/outbox");
    await page.goto("/team/audit");
    const firstRow = await page.locator("tbody tr").first().textContent();
    expect(firstRow).toContain("Nachrichten angesehen");
    expect(firstRow).toContain("Jonas Becker");
  });

  it("shows error pages without technical details", async () => {
    const response = await fetch(`${baseUrl()}/team/outbox?page=999999999999`, { redirect: "manual" });
    expect([302, 200]).toContain(response.status);
    const notFound = await (await fetch(`${baseUrl()}/x/../../etc/passwd`)).text();
    expect(notFound).not.toMatch(/at \w+ \(|node_modules|Error:/);
  });

  it("translates the error page of a form sent without JavaScript, and ships no technical details", async () => {
    for (const [lng, heading] of [
      ["de", "Seite nicht gefunden"],
      ["en", "Page not found"],
      ["ar", "الصفحة غير موجودة"],
    ] as const) {
      const response = await fetch(`${baseUrl()}/gibt-es-nicht`, {
        method: "POST",
        headers: { Origin: baseUrl(), Cookie: `lng=${lng}`, "Content-Type": "application/x-www-form-urlencoded" },
        body: "firstName=Waltraud",
      });
      expect(response.status).toBe(404);
      const html = await response.text();
      expect(html).toContain(`<html lang="${lng}" dir="${lng === "ar" ? "rtl" : "ltr"}"`);
      expect(html).toMatch(new RegExp(`<h1[^>]*>${heading}</h1>`));
      expect(html).not.toMatch(/errors\.|appName|Error:|at \w+ \(/);
    }
  });

  it("answers a body that is not a form with a translated 400, not a 500", async () => {
    const json = await fetch(`${baseUrl()}/status`, {
      method: "POST",
      headers: { Origin: baseUrl(), Cookie: "lng=en", "Content-Type": "application/json" },
      body: JSON.stringify({ code: "X" }),
    });
    expect(json.status).toBe(400);
    await expect(json.text()).resolves.toContain("The request was incomplete");

    const empty = await fetch(`${baseUrl()}/book/stadtbibliothek`, { method: "POST", headers: { Origin: baseUrl(), "Content-Type": "text/plain" } });
    expect(empty.status).toBe(400);

    const broken = await fetch(`${baseUrl()}/team/sign-in`, {
      method: "POST",
      headers: { Origin: baseUrl(), Cookie: "lng=en", "Content-Type": "multipart/form-data; boundary=xyz" },
      body: "not a multipart body",
    });
    expect(broken.status).toBe(400);
    const html = await broken.text();
    expect(html).toMatch(/<h1[^>]*>The request was incomplete<\/h1>/);
    expect(html).not.toMatch(/FormData|boundary|at \w+ \(/);
  });

  it("an unexpected failure shows a translated page without technical details", async () => {
    // A multipart body that is not one, to a route that reads the form itself: the request fails inside the action.
    const response = await fetch(`${baseUrl()}/book/stadtbibliothek`, {
      method: "POST",
      headers: { Origin: baseUrl(), Cookie: "lng=ar", "Content-Type": "multipart/form-data; boundary=xyz" },
      body: "--xyz\r\nbroken",
    });
    expect([400, 500]).toContain(response.status);
    const html = await response.text();
    expect(html).toContain('<html lang="ar" dir="rtl"');
    expect(html).toMatch(/<h1[^>]*>(الطلب غير مكتمل|حدث خطأ)<\/h1>/);
    expect(html).not.toMatch(/TypeError|FormData|boundary|node_modules|at \w+ \(|errors\./);
  });

  it("accepts a form from PUBLIC_URL when the Host header names another address (reverse proxy)", async () => {
    // The suite's PUBLIC_URL is http://localhost:<port>; 127.0.0.1 is the same server under another Host.
    const viaProxy = baseUrl().replace("localhost", "127.0.0.1");
    const response = await fetch(`${viaProxy}/team/sign-in`, {
      method: "POST",
      headers: { Origin: baseUrl(), Cookie: "lng=en", "Content-Type": "application/x-www-form-urlencoded" },
      body: "email=proxy-check%40ambulanz.example&password=wrong",
      redirect: "manual",
    });
    expect(response.status).toBe(400);
    await expect(response.text()).resolves.toContain("The email address or password is not right");
  });
});
