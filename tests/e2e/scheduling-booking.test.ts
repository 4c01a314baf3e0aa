// A citizen without JavaScript books a consultation hour at the Stadtbibliothek (with a mistake on the way),
// downloads the calendar file, moves the appointment to another time and cancels it with reference and phone. A librarian, keyboard only,
// adds a one-off extra hour and a closure and sees them — and citizens see the extra hour.
import type { Page, Response } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newPage, signIn, tabTo, useBrowser, waitForHydration } from "../helpers/browser";

const browser = useBrowser();
const REFERENCE = /^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/;
const freshMobile = () => `0151 6${String(Math.floor(Math.random() * 1e7)).padStart(7, "0")}`;

async function post(page: Page, click: () => Promise<void>): Promise<Response> {
  const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), click()]);
  await page.waitForLoadState();
  return response;
}

function recordUrls(page: Page): string[] {
  const urls: string[] = [];
  page.on("request", (request) => urls.push(request.url()));
  return urls;
}

const isoDay = (d: Date) => d.toISOString().slice(0, 10);

/** The closures the hours page lists ("2026-12-24 – 2026-12-26" or one day), as a test for a day. */
async function closedDays(page: Page): Promise<(iso: string) => boolean> {
  const table = page.getByRole("table", { name: "Schließtage und Feiertage" });
  const ranges = (await table.locator("tbody tr th").allTextContents()).map((text) => {
    const [from, to = from] = text.split("–").map((part) => part.trim());
    return { from, to };
  });
  return (iso) => ranges.some(({ from, to }) => from <= iso && iso <= to);
}
/** The first `weekday` (0 = Sunday) at least `from` days ahead, and how many days ahead it is. */
function dayAhead(weekday: number, from: number) {
  const d = new Date();
  d.setUTCHours(12, 0, 0, 0);
  d.setUTCDate(d.getUTCDate() + from);
  while (d.getUTCDay() !== weekday) d.setUTCDate(d.getUTCDate() + 1);
  return { date: d, iso: isoDay(d), ahead: Math.round((d.getTime() - Date.now()) / 86_400_000) };
}

describe("booking a consultation hour without JavaScript", () => {
  it("lists, chooses, asks again after a mistake, checks, confirms with a reference and a calendar file, moves, then cancels", async () => {
    const page = await newPage(browser(), { javaScript: false });
    const urls = recordUrls(page);
    const phone = freshMobile();

    await page.goto("/");
    await page.getByRole("link", { name: "Online einen Termin buchen" }).click();
    await page.waitForURL(/\/book$/);
    await page.getByRole("link", { name: /Stadtbibliothek/ }).click();
    await page.waitForURL(/\/book\/stadtbibliothek$/);
    // Three weeks ahead: days with their own headings and free times as radio buttons.
    await page.getByRole("link", { name: "Nächste Woche" }).click();
    await page.getByRole("link", { name: "Nächste Woche" }).click();
    expect(await page.locator(".slot-picker__heading").count()).toBeGreaterThan(0);
    // Each day says what its hours are for (the demo hours: smartphones, tablets, messengers, …).
    expect(await page.locator(".slot-picker__topics").first().textContent()).toMatch(/^Themen: .*Smartphone/);
    const slot = page.locator('.slot-picker input[type="radio"][name="slot"]').first();
    const slotId = (await slot.getAttribute("id"))!;
    const bookedDay = (await slot.getAttribute("value"))!.split("|")[1].slice(0, 10);
    await page.locator(`label[for="${slotId}"]`).click();
    await post(page, () => page.getByRole("button", { name: "Weiter" }).click());
    expect(new URL(page.url()).pathname).toBe("/book/stadtbibliothek/details");

    // A mistake first: the form comes back with the summary, and the answers kept.
    await page.locator('input[name="firstName"]').fill("Erika");
    await page.locator('input[name="phone"]').fill("12");
    await page.locator('textarea[name="concern"]').fill("WhatsApp einrichten");
    const wrong = await post(page, () => page.getByRole("button", { name: "Weiter" }).click());
    expect(wrong.status()).toBe(400);
    await expect(page.locator(".error-summary").textContent()).resolves.toContain("Telefonnummer");
    expect(await page.locator('input[name="firstName"]').inputValue()).toBe("Erika");
    expect(await page.locator('textarea[name="concern"]').inputValue()).toBe("WhatsApp einrichten");

    await page.locator('input[name="phone"]').fill(phone);
    await post(page, () => page.getByRole("button", { name: "Weiter" }).click());
    expect(new URL(page.url()).pathname).toBe("/book/stadtbibliothek/check");
    const summary = (await page.locator(".summary-list").textContent())!;
    expect(summary).toContain("Erika");
    expect(summary).toContain("WhatsApp einrichten");
    expect(summary).toContain("Stadtbibliothek");

    await post(page, () => page.getByRole("button", { name: "Jetzt buchen" }).click());
    expect(new URL(page.url()).pathname).toBe("/book/done");
    const reference = (await page.locator(".reference-panel__code").textContent())!.trim();
    expect(reference).toMatch(REFERENCE);
    expect(await page.locator("main").textContent()).toContain("per SMS");

    // The calendar file: a signed link, an event, nothing about Erika.
    const href = (await page.getByRole("link", { name: /Kalender/ }).getAttribute("href"))!;
    const ics = await page.request.get(href);
    expect(ics.headers()["content-type"]).toContain("text/calendar");
    const body = await ics.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body).toContain(reference);
    expect(body).not.toContain("Erika");
    // In the language she booked in, with where to cancel; every line within RFC 5545's 75 octets.
    const unfolded = body.replace(/\r\n[ \t]/g, "");
    expect(unfolded).toContain("SUMMARY:Digitale Sprechstunde");
    expect(unfolded).toMatch(new RegExp(`DESCRIPTION:Ihre Vorgangsnummer: ${reference}\\. Absagen oder ändern: http[^ ]+/appointment`));
    for (const line of body.split("\r\n")) expect(Buffer.byteLength(line, "utf8"), line).toBeLessThanOrEqual(75);
    expect((await page.request.get(`${href.slice(0, -4)}AAAA`)).status()).toBe(404);

    // Cancel it: a wrong number gets the same "not found" as a wrong code; the right ones find it.
    await page.goto("/appointment");
    await page.locator('input[name="reference"]').fill(reference);
    await page.locator('input[name="phone"]').fill("0151 99999999");
    const notFound = await post(page, () => page.getByRole("button", { name: "Meinen Termin finden" }).click());
    expect(notFound.status()).toBe(400);
    expect(await page.locator(".error-summary").textContent()).toContain("keinen Termin");

    await page.locator('input[name="reference"]').fill(reference.toLowerCase());
    await page.locator('input[name="phone"]').fill(`+49 ${phone.slice(1)}`);
    await post(page, () => page.getByRole("button", { name: "Meinen Termin finden" }).click());
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("Ihr Termin");

    // Another time first: the free times as radio buttons; the new one (later that day: no other journey aims
    // there) gets its own reference.
    await post(page, () => page.getByRole("button", { name: "Anderen Termin wählen" }).click());
    const otherId = (await page.locator(`.slot-picker input[name="slot"][value*="|${bookedDay}T"]`).first().getAttribute("id"))!;
    await page.locator(`label[for="${otherId}"]`).click();
    await post(page, () => page.getByRole("button", { name: "Termin verlegen" }).click());
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("verlegt");
    const newReference = ((await page.locator(".summary-list").textContent()) ?? "").match(/[34679ACDEFGHJKMNPQRTUVWXY]{6}/)?.[0] ?? "";
    expect(newReference).toMatch(REFERENCE);
    expect(newReference).not.toBe(reference);

    // The old reference finds nothing any more; the new one is cancelled.
    await page.goto("/appointment");
    await page.locator('input[name="reference"]').fill(reference);
    await page.locator('input[name="phone"]').fill(phone);
    expect((await post(page, () => page.getByRole("button", { name: "Meinen Termin finden" }).click())).status()).toBe(400);
    await page.locator('input[name="reference"]').fill(newReference);
    await page.locator('input[name="phone"]').fill(phone);
    await post(page, () => page.getByRole("button", { name: "Meinen Termin finden" }).click());
    await post(page, () => page.getByRole("button", { name: "Termin absagen" }).click());
    expect(await page.getByRole("heading", { level: 1 }).textContent()).toContain("abgesagt");

    // Nothing personal ever travelled in an address.
    const digits = phone.replace(/\D/g, "").slice(1);
    expect(urls.filter((u) => u.includes(reference) || u.includes(newReference) || u.includes(digits) || u.includes("Erika"))).toEqual([]);
  });
});

describe("a slot taken while someone was answering", () => {
  it("sends them back to the list with the message and the next free slots first", async () => {
    const [first, second] = [
      await newPage(browser(), { javaScript: false }),
      await newPage(browser(), { javaScript: false }),
    ];
    // Both choose the same time in the last week and answer the questions.
    await first.goto("/book/stadtbibliothek?week=3");
    const value = (await first.locator('.slot-picker input[name="slot"]').last().getAttribute("value"))!;
    for (const page of [first, second]) {
      await page.goto("/book/stadtbibliothek?week=3");
      await page.locator(`label:has(input[value="${value}"])`).click();
      await post(page, () => page.getByRole("button", { name: "Weiter" }).click());
      await page.locator('input[name="firstName"]').fill("Heinz");
      await page.locator('input[name="phone"]').fill(freshMobile());
      await post(page, () => page.getByRole("button", { name: "Weiter" }).click());
      expect(new URL(page.url()).pathname).toBe("/book/stadtbibliothek/check");
    }
    await post(first, () => first.getByRole("button", { name: "Jetzt buchen" }).click());
    expect(new URL(first.url()).pathname).toBe("/book/done");

    await post(second, () => second.getByRole("button", { name: "Jetzt buchen" }).click());
    expect(new URL(second.url()).pathname).toBe("/book/stadtbibliothek");
    expect(await second.getByRole("heading", { name: "Gerade vergeben" }).count()).toBe(1);
    const offered = await second
      .locator('.callout input[name="slot"]')
      .evaluateAll((inputs) => inputs.map((i) => (i as HTMLInputElement).value));
    expect(offered.length).toBeGreaterThan(0);
    expect(offered).not.toContain(value);
    // Choosing one of them goes straight back to "check your answers": the answers were kept.
    await second.locator(`.callout label:has(input[value="${offered[0]}"])`).click();
    await post(second, () => second.locator(".callout").getByRole("button", { name: "Weiter" }).click());
    expect(new URL(second.url()).pathname).toBe("/book/stadtbibliothek/check");
    expect(await second.locator(".summary-list").textContent()).toContain("Heinz");
  });
});

describe("consultation hours, keyboard only", () => {
  it("a librarian adds a one-off extra hour and a closure, sees both, is warned of an hour on a closed day, and citizens see the open one", async () => {
    const page = await newPage(browser());
    await signIn(page, "librarian");
    await page.goto("/team/hours");
    await waitForHydration(page);
    // Like the librarian, look at the closures first: whatever today is, the extra hour goes on an open Saturday.
    const closed = await closedDays(page);
    let saturday = dayAhead(6, 15);
    while (closed(saturday.iso)) saturday = dayAhead(6, saturday.ahead + 1);
    let sunday = dayAhead(0, saturday.ahead + 1);
    while (closed(sunday.iso)) sunday = dayAhead(0, sunday.ahead + 1);

    await tabTo(page, 'a[href^="/team/hours/new"]');
    await Promise.all([page.waitForURL(/\/team\/hours\/new/), page.keyboard.press("Enter")]);
    await waitForHydration(page);
    await tabTo(page, "#hour-kind");
    await page.keyboard.press("ArrowDown");
    expect(await page.getByRole("radio", { name: /Einmalig/ }).isChecked()).toBe(true);
    await tabTo(page, "#hour-onDate");
    await page.locator("#hour-onDate").fill(saturday.iso);
    await tabTo(page, "#hour-startTime");
    await page.keyboard.type("10:00");
    await tabTo(page, "#hour-endTime");
    await page.keyboard.type("11:00");
    await tabTo(page, 'button[value="save"]');
    await Promise.all([page.waitForURL(/\/team\/hours\?location=/), page.keyboard.press("Enter")]);
    expect(await page.locator(".notice").textContent()).toContain("gespeichert");
    expect(await page.locator("main").textContent()).toContain(`${saturday.iso} 10:00–11:00`);

    await tabTo(page, 'a[href^="/team/hours/closures"]');
    await Promise.all([page.waitForURL(/\/team\/hours\/closures/), page.keyboard.press("Enter")]);
    await waitForHydration(page);
    await tabTo(page, "#closure-startsOn");
    await page.locator("#closure-startsOn").fill(sunday.iso);
    await tabTo(page, "#closure-reason");
    await page.keyboard.type("Betriebsausflug");
    await tabTo(page, 'button[value="add"]');
    await Promise.all([
      page.waitForResponse((r) => r.url().includes("/team/hours/closures") && r.request().method() === "GET"),
      page.keyboard.press("Enter"),
    ]);
    await page.locator(".notice").waitFor();
    const table = (await page.locator("table").textContent())!;
    expect(table).toContain(sunday.iso);
    expect(table).toContain("Betriebsausflug");

    // An extra hour on that closed Sunday is saved, and the hours page says citizens will not see it.
    await page.goto(`/team/hours/new${new URL(page.url()).search}`);
    await waitForHydration(page);
    await page.getByRole("radio", { name: /Einmalig/ }).check({ force: true });
    await page.locator("#hour-onDate").fill(sunday.iso);
    await page.locator("#hour-startTime").fill("10:00");
    await page.locator("#hour-endTime").fill("11:00");
    await Promise.all([page.waitForURL(/\/team\/hours\?location=/), page.locator('button[value="save"]').click()]);
    await page.locator("#hours-closed-warning").waitFor();
    const closedRow = page.getByRole("row").filter({ hasText: `${sunday.iso} 10:00–11:00` });
    expect(await closedRow.textContent()).toContain("Geschlossen: Betriebsausflug");
    const openRow = page.getByRole("row").filter({ hasText: `${saturday.iso} 10:00–11:00` });
    expect(await openRow.textContent()).not.toContain("Geschlossen");

    // Citizens see the extra hour in its week.
    const citizen = await newPage(browser(), { javaScript: false });
    await citizen.goto(`/book/stadtbibliothek?week=${Math.floor(saturday.ahead / 7)}`);
    const label = new Intl.DateTimeFormat("de", {
      weekday: "long",
      day: "numeric",
      month: "long",
      timeZone: "Europe/Berlin",
    }).format(saturday.date);
    expect(await citizen.locator(".slot-picker__heading").allTextContents()).toContain(label);
  });
});
