// A citizen without JavaScript reports a problem, keeps the reference, and checks the status — in German and in
// English. Mistakes come back as explained 400s and create nothing; guessing at the status check is stopped.
import http from "node:http";
import type { AddressInfo } from "node:net";
import type { Page, Response } from "playwright-core";
import { afterAll, describe, expect, it } from "vitest";
import { STATUS_CHECK_TRIES } from "~/web/rate-limit.server";
import { baseUrl, expectNoAxeViolations, newPage, signIn, useBrowser, useStaffPages, waitForHydration } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);

const REFERENCE = /^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/;

interface Report {
  firstName: string;
  phone: string;
  description: string;
  category?: string;
  contact?: string;
  callback?: boolean;
}

/** Fills /report as a person would and sends it; returns the answer to the POST. */
async function sendReport(page: Page, report: Report, submit = "Problem melden"): Promise<Response> {
  await page.goto("/report");
  await page.locator('input[name="firstName"]').fill(report.firstName);
  await page.locator('input[name="phone"]').fill(report.phone);
  if (report.contact) {
    // The label is the target (the native radio underneath is visually hidden, GOV.UK style).
    await page.locator("label.radios__label", { hasText: report.contact }).click();
    expect(await page.getByRole("radio", { name: report.contact }).isChecked()).toBe(true);
  }
  if (report.category) await page.locator('select[name="categoryId"]').selectOption({ label: report.category });
  await page.locator('textarea[name="description"]').fill(report.description);
  if (report.callback) {
    await page.locator("label", { hasText: "Bitte rufen Sie mich zurück" }).click();
    expect(await page.getByRole("checkbox", { name: "Bitte rufen Sie mich zurück" }).isChecked()).toBe(true);
  }
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: submit }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

/** Sends /status; returns the answer to the POST. */
async function checkStatus(page: Page, reference: string, last4: string, submit = "Stand prüfen"): Promise<Response> {
  await page.goto("/status");
  await page.locator('input[name="reference"]').fill(reference);
  await page.locator('input[name="phoneLast4"]').fill(last4);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: submit }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

/** Every address the page asked for, so a test can show the reference never travelled in one. */
function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  page.on("framenavigated", (frame) => urls.push(frame.url()));
  return urls;
}

describe("reporting a problem without JavaScript", () => {
  it("gives a reference on a printable page, never in a URL, and the status check finds it (German)", async () => {
    const page = await newPage(browser(), { javaScript: false });
    const urls = recordUrls(page);
    const response = await sendReport(page, {
      firstName: "Erika",
      phone: "0151-87654321",
      category: "Internetzugang und WLAN",
      description: 'Mein WLAN geht nicht mehr. <script>alert("x")</script><b>Hilfe</b>',
    });
    expect(response.status()).toBe(302);
    expect(new URL(page.url()).pathname).toBe("/report/done");
    expect(await page.title()).toBe("Ihre Anfrage ist angekommen – Digitale Ambulanz");

    const reference = (await page.locator(".reference-panel__code").textContent()) ?? "";
    expect(reference).toMatch(REFERENCE);
    await expect(page.locator("main").textContent()).resolves.toContain(reference.split("").join(" "));
    await expect(page.locator("main").textContent()).resolves.toContain("auch per SMS geschickt");
    await expect(page.getByText("Sie können diese Seite ausdrucken").isVisible()).resolves.toBe(true);
    expect(await page.locator('main a[href="/status"]').count()).toBe(1);
    // The confirmation does not echo what was typed, and the page has no scripts but the service worker's registration.
    const html = await page.content();
    expect(html.replace(/<script id="sw-register"[^>]*>[^<]*<\/script>/, "")).not.toContain("<script");
    expect(html).not.toContain("<b>Hilfe</b>");
    expect(html).not.toContain("87654321");

    // The reference travelled in a signed, httpOnly cookie scoped to /report, never in an address.
    const flash = (await page.context().cookies()).find((c) => c.name === "da_flash");
    expect(flash).toMatchObject({ httpOnly: true, path: "/report", sameSite: "Lax" });
    expect(urls.length).toBeGreaterThan(1);
    for (const url of urls) {
      expect(url).not.toContain(reference);
      expect(url).not.toContain("87654321");
    }

    // A reload still shows it (people reload, and print after reloading).
    await page.reload();
    await expect(page.locator(".reference-panel__code").textContent()).resolves.toBe(reference);

    // On paper: the reference, how to check the status with its full address; no buttons, no "report another".
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".reference-panel__code").isVisible()).toBe(true);
    expect(await page.getByRole("link", { name: "Ein weiteres Problem melden" }).isVisible()).toBe(false);
    const printedAddress = await page
      .locator('main a[href="/status"]')
      .evaluate((a) => getComputedStyle(a, "::after").content);
    expect(printedAddress).toContain("/status");
    await page.emulateMedia({ media: "screen" });

    // Lower case and spaces are fine; the status is "Neu", in German.
    const status = await checkStatus(page, reference.toLowerCase().replace(/(...)/, "$1 "), "4321");
    expect(status.status()).toBe(200);
    const result = page.locator("section[aria-labelledby=result-heading]");
    await expect(result.locator("h2").textContent()).resolves.toBe(`Ihre Anfrage ${reference}`);
    await expect(result.locator("dd strong").textContent()).resolves.toBe("Neu");
    // The confirmation SMS went out: it is our last message, not "we have not sent you a message yet".
    await expect(result.textContent()).resolves.toContain(`Ihre Vorgangsnummer: ${reference}`);
    await expect(result.textContent()).resolves.not.toContain("Wir haben Ihnen noch keine Nachricht geschickt.");
    expect(await page.title()).not.toMatch(/^Fehler/);
    for (const url of urls) expect(url).not.toContain(reference);
  });

  it("'please call me back' becomes a callback: the confirmation says when, and staff see the same call on the ticket", async () => {
    const page = await newPage(browser(), { javaScript: false });
    const response = await sendReport(page, {
      firstName: "Irmgard",
      phone: "0151 30000077",
      description: "Ich kann keine Fotos mehr verschicken.",
      callback: true,
    });
    expect(response.status()).toBe(302);
    const reference = (await page.locator(".reference-panel__code").textContent()) ?? "";
    expect(reference).toMatch(REFERENCE);
    // Either a time in the helpers' callback hours, or — when they are full — the promise to say when.
    const panel = (await page.locator(".callback-panel").textContent()) ?? "";
    const when = panel.match(/Wir rufen Sie an am(.+)$/)?.[1]?.trim() ?? null;
    if (when === null) expect(panel).toBe("Wir rufen Sie an. Wann, sagen wir Ihnen noch.");
    else expect(when).toMatch(/\d{1,2}:\d{2}/);
    await expect(page.locator("main").textContent()).resolves.toContain("ruft Sie an und löst das Problem mit Ihnen am Telefon");

    // A helper finds the ticket by its reference: the callback is linked, planned for the same time.
    const staff = await staffPage("librarian");
    await staff.goto("/team/tickets");
    await waitForHydration(staff);
    await staff.locator('input[name="q"]').fill(reference);
    await Promise.all([staff.waitForURL(/[?&]search=/), staff.locator('form#ticket-search button[type="submit"]').click()]);
    await staff.locator(".ticket-reference-link", { hasText: reference }).click();
    await staff.locator(".ticket-reference").waitFor();
    const callback = staff.locator(".ticket-callbacks li");
    expect(await callback.count()).toBe(1);
    const text = (await callback.textContent()) ?? "";
    expect(text).toContain(when === null ? "Braucht jemanden" : "Geplant");
    // One concern, one reference: the call carries the ticket's.
    expect(text).toContain(reference);
    await expectNoAxeViolations(staff);
    await Promise.all([staff.waitForURL(/\/team\/callbacks\/[^/]+$/), callback.locator("a").click()]);
    await expect(staff.locator("main").textContent()).resolves.toContain("Irmgard");
    await staff.context().close();

    // The status check with that one reference tells both: the report and the planned call.
    expect((await checkStatus(page, reference, "0077")).status()).toBe(200);
    const result = (await page.locator("section[aria-labelledby=result-heading]").textContent()) ?? "";
    expect(result).toContain("Ihr Rückruf");
    expect(result).toContain(when === null ? "Ihr Rückrufwunsch liegt uns vor." : "Ihr Rückruf ist geplant.");
  });

  it("works the same in English, for a landline that gets a call instead of an SMS", async () => {
    const page = await newPage(browser(), { lng: "en", javaScript: false });
    await page.goto("/report");
    await expect(page.locator('select[name="language"]').inputValue()).resolves.toBe("en");
    const response = await sendReport(
      page,
      {
        firstName: "Margaret",
        phone: "0421 5551234",
        contact: "By phone call",
        description: "My tablet does not switch on.",
      },
      "Report the problem"
    );
    expect(response.status()).toBe(302);
    await expect(page.locator("h1").textContent()).resolves.toBe("We have received your request");
    await expect(page.locator("main").textContent()).resolves.toContain("We will also call you");
    const reference = (await page.locator(".reference-panel__code").textContent()) ?? "";
    expect(reference).toMatch(REFERENCE);

    const status = await checkStatus(page, reference, "1234", "Check status");
    expect(status.status()).toBe(200);
    await expect(page.locator("section[aria-labelledby=result-heading] dd strong").textContent()).resolves.toBe("New");
  });

  it("a tablet waiting-list number answers too: the place on the list, with JavaScript off", async () => {
    const page = await newPage(browser(), { javaScript: false });
    await page.goto("/borrow");
    await page.locator('input[name="firstName"]').fill("Ilse");
    await page.locator('input[name="phone"]').fill("0176 4500 0999");
    // At a place with no free tablet: at one with a free tablet the offers job would hold it for Ilse within a
    // minute, and the lending journeys that lend it by its tag would find it reserved.
    await page.locator("label", { hasText: "Haus am Park" }).locator('input[name="locationId"]').check({ force: true });
    await Promise.all([page.waitForURL(/\/borrow\/done$/), page.locator('form#borrow button[type="submit"]').click()]);
    const reference = (await page.locator(".reference-panel__code").textContent()) ?? "";
    expect(reference).toMatch(REFERENCE);

    expect((await checkStatus(page, reference, "0999")).status()).toBe(200);
    const result = page.locator("section[aria-labelledby=result-heading]");
    await expect(result.textContent()).resolves.toContain("Warteliste für ein Tablet");
    await expect(result.locator("dd strong").textContent()).resolves.toMatch(/^Sie sind Nummer \d+ auf der Warteliste für ein Tablet in .*Haus am Park/);
  });

  it("answers a wrong number and a wrong code with the same words, and shows nothing", async () => {
    const page = await newPage(browser(), { javaScript: false });
    await sendReport(page, { firstName: "Heinz", phone: "0151 30000001", description: "Drucker druckt nicht." });
    const reference = (await page.locator(".reference-panel__code").textContent()) ?? "";

    const wrongDigits = await checkStatus(page, reference, "9999");
    expect(wrongDigits.status()).toBe(400);
    expect(await page.title()).toMatch(/^Fehler: /);
    const notFound = await page.getByRole("alert").textContent();
    expect(notFound).toContain("Wir haben keine Anfrage mit diesen Angaben gefunden");
    expect(await page.locator("section[aria-labelledby=result-heading]").count()).toBe(0);
    await expect(page.locator('main a[href^="tel:"]').count()).resolves.toBe(1);

    const otherCode = reference === "AAAAAA" ? "CCCCCC" : "AAAAAA";
    const wrongCode = await checkStatus(page, otherCode, "0001");
    expect(wrongCode.status()).toBe(400);
    expect(await page.getByRole("alert").textContent()).toBe(notFound);
  });

  it("explains what is missing in the status form", async () => {
    const page = await newPage(browser(), { javaScript: false });
    const response = await checkStatus(page, "", "");
    expect(response.status()).toBe(400);
    const summary = await page.getByRole("alert").textContent();
    expect(summary).toContain("Geben Sie bitte Ihre Vorgangsnummer ein.");
    expect(summary).toContain("Geben Sie bitte die letzten 4 Ziffern Ihrer Telefonnummer ein.");
    await checkStatus(page, "AC39", "12a4");
    expect(await page.locator('input[name="reference"]').inputValue()).toBe("AC39");
    expect(await page.locator('input[name="reference"]').getAttribute("aria-invalid")).toBe("true");
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Die Vorgangsnummer hat 6 Zeichen");
    // Six letters no code has: told which characters codes never have, not that the length is wrong.
    expect((await checkStatus(page, "BOSSIL", "1234")).status()).toBe(400);
    const characters = (await page.getByRole("alert").textContent())!;
    expect(characters).toContain("nie O, 0, I, 1, L, S, 5, B, 8, Z oder 2");
    expect(characters).not.toContain("hat 6 Zeichen");
  });

  it("answers mistakes with 400, keeps the answers, says what to fix, and creates nothing", async () => {
    const page = await newPage(browser(), { javaScript: false });

    const empty = await sendReport(page, { firstName: "", phone: "", description: "" });
    expect(empty.status()).toBe(400);
    expect(await page.title()).toMatch(/^Fehler: Ein Problem melden/);
    const summary = page.getByRole("alert");
    const items = await summary.locator("li").allTextContents();
    expect(items).toEqual([
      "Geben Sie bitte Ihren Vornamen ein.",
      "Geben Sie bitte Ihre Telefonnummer ein.",
      "Beschreiben Sie bitte kurz, wobei Sie Hilfe brauchen.",
    ]);
    // Each summary item leads to its field, which says what is wrong.
    const firstName = page.locator('input[name="firstName"]');
    expect(await summary.locator("a").first().getAttribute("href")).toBe(`#${await firstName.getAttribute("id")}`);
    expect(await firstName.getAttribute("aria-invalid")).toBe("true");

    const long = "Hilfe! ".repeat(1500).slice(0, 10_000);
    const tooLong = await sendReport(page, { firstName: "Fehlertest", phone: "0151 40000001", description: long });
    expect(tooLong.status()).toBe(400);
    await expect(summary.textContent()).resolves.toContain("Die Beschreibung ist zu lang");
    expect(await page.locator('input[name="firstName"]').inputValue()).toBe("Fehlertest");
    expect(await page.locator('input[name="phone"]').inputValue()).toBe("0151 40000001");
    expect((await page.locator('textarea[name="description"]').inputValue()).length).toBe(10_000);

    for (const phone of ["12345", "0000 000000", "+49 151", "0151-abc"]) {
      const impossible = await sendReport(page, {
        firstName: "Fehlertest",
        phone,
        description: "Mein Handy ist kaputt.",
      });
      expect(impossible.status(), phone).toBe(400);
      await expect(summary.textContent()).resolves.toContain("Diese Telefonnummer können wir nicht erreichen");
    }

    const markup = await sendReport(page, {
      firstName: '<img src=x onerror="alert(1)">',
      phone: "",
      description: "<script>alert(1)</script>",
    });
    expect(markup.status()).toBe(400);
    expect(await page.locator("main img, main script").count()).toBe(0);
    expect(await page.locator('input[name="firstName"]').inputValue()).toBe('<img src=x onerror="alert(1)">');

    // Nothing was created: no confirmation was queued for anyone called "Fehlertest".
    const staff = await newPage(browser());
    await signIn(staff, "admin");
    await staff.goto("/team/outbox");
    await expect(staff.locator("tbody").textContent()).resolves.not.toContain("Fehlertest");
    await expect(staff.locator("tbody").textContent()).resolves.toContain("Erika");
  });

  it("has no confirmation to show without a report: /report/done sends people to the form", async () => {
    const page = await newPage(browser(), { javaScript: false });
    await page.goto("/report/done");
    expect(new URL(page.url()).pathname).toBe("/report");

    // A forged cookie is not accepted either.
    await page
      .context()
      .addCookies([
        { name: "da_flash", value: "eyJraW5kIjoicHJvYmxlbVJlcG9ydGVkIn0.forged", url: `${baseUrl()}/report` },
      ]);
    await page.goto("/report/done");
    expect(new URL(page.url()).pathname).toBe("/report");
  });

  // Last: it exhausts the limit of one address. That address is not 127.0.0.1 (which every other test file
  // shares): this browser context goes through a small proxy that connects from 127.0.0.42.
  it("stops guessing at the status check with a kind 429 and the phone number, per address", async () => {
    const proxy = await startProxy("127.0.0.42");
    const context = await browser().newContext({
      javaScriptEnabled: false,
      baseURL: baseUrl(),
      proxy: { server: proxy.url },
    });
    await context.addCookies([{ name: "lng", value: "de", url: baseUrl() }]);
    const page = await context.newPage();

    for (let i = 0; i < STATUS_CHECK_TRIES; i++) {
      const response = await checkStatus(page, "AC39KM", String(1000 + i));
      expect(response.status()).toBe(400);
    }
    const blocked = await checkStatus(page, "AC39KM", "2000");
    expect(blocked.status()).toBe(429);
    expect(await page.title()).toMatch(/^Fehler: /);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Sie haben es schon oft versucht");
    await expect(page.locator('main a[href="tel:+494211234560"]').count()).resolves.toBe(1);
    expect(proxy.requests()).toBeGreaterThan(STATUS_CHECK_TRIES);

    // Someone at another address is not affected.
    const other = await newPage(browser(), { javaScript: false });
    expect((await checkStatus(other, "AC39KM", "2000")).status()).toBe(400);
  });
});

const proxies: http.Server[] = [];
afterAll(async () => {
  await Promise.all(proxies.map((server) => new Promise((resolve) => server.close(resolve))));
});

/** A forward proxy for plain HTTP that connects to the app from `localAddress` (any 127.x address is loopback). */
async function startProxy(localAddress: string): Promise<{ url: string; requests: () => number }> {
  let count = 0;
  const server = http.createServer((req, res) => {
    count++;
    const target = new URL(req.url ?? "/");
    const upstream = http.request(
      {
        host: "127.0.0.1",
        family: 4,
        port: target.port,
        path: target.pathname + target.search,
        method: req.method,
        headers: req.headers,
        localAddress,
      },
      (answer) => {
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      }
    );
    upstream.on("error", () => res.writeHead(502).end());
    req.pipe(upstream);
  });
  server.keepAliveTimeout = 1;
  proxies.push(server);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, requests: () => count };
}
