// The simulated call screen, keyboard only: staff call the voice menu as a person and walk through every branch —
// callback with the reference read out, status by keypad code, consultation hours, a voice message that becomes a
// ticket staff can listen to, a wrong key twice, and a withheld number typed on the keypad.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { expectNoAxeViolations, tabTo, useBrowser, useStaffPages, waitForHydration } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
const REFERENCE = /[34679ACDEFGHJKMNPQRTUVWXY]{6}/;
const KEYS: Record<string, string> = { ABC: "2", DEF: "3", GHI: "4", JKL: "5", MNO: "6", PQRS: "7", TUV: "8", WXYZ: "9" };
const keypad = (code: string) => [...code].map((c) => (/\d/.test(c) ? c : Object.entries(KEYS).find(([l]) => l.includes(c))![1])).join("");
const mobile = () => `0151 7${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;

let person = { id: "", ticketId: "", reference: "" };

/** A person with an open ticket, taken by staff; returns the person's id (from the ticket page) and the ticket. */
beforeAll(async () => {
  const page = await staffPage("admin");
  await page.goto("/team/tickets/new");
  await waitForHydration(page);
  await page.locator('input[name="phone"]').fill(mobile());
  await page.locator('form#intake-lookup button[type="submit"]').click();
  await page.locator("#intake-caller-heading").waitFor();
  await page.locator('input[name="person.firstName"]').fill("Hannelore");
  await page.locator('textarea[name="description"]').fill("Das Tablet startet nicht.");
  await Promise.all([page.waitForURL(/\/team\/tickets\/[^/?]+\?created=1$/), page.locator('form#intake button[type="submit"]').click()]);
  const reference = ((await page.locator(".ticket-reference").textContent()) ?? "").trim();
  const personHref = (await page.locator('a[href^="/team/people/"]').first().getAttribute("href"))!;
  person = { id: personHref.split("/").pop()!, ticketId: new URL(page.url()).pathname.split("/").pop()!, reference };
  await page.context().close();
});

async function startCall(who: string): Promise<Page> {
  const page = await staffPage("admin");
  await page.goto(`/team/phone/call?person=${who}`);
  await waitForHydration(page);
  await tabTo(page, 'form button[type="submit"]:has-text("Anrufen")');
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.keyboard.press("Enter")]);
  await page.locator("#call-keypad").waitFor();
  return page;
}

const said = (page: Page) => page.locator(".call-screen__said").innerText();

/** Presses one key of the keypad with the keyboard (Tab to it, Enter); waits for the digits typed so far or for the answer. */
async function press(page: Page, key: string, typed?: string) {
  const before = (await page.locator(".call-screen__said").textContent()) ?? "";
  await tabTo(page, `button[name="key"][value="${key}"]`, 120);
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.keyboard.press("Enter")]);
  if (typed) await page.getByRole("status").filter({ hasText: `: ${typed}` }).waitFor();
  else await page.waitForFunction((old) => document.querySelector(".call-screen__said")?.textContent !== old, before);
}

/** Types several keys; the last one completes the input (unless `open`). */
async function pressAll(page: Page, keys: string, { open = false } = {}) {
  for (let i = 0; i < keys.length; i++) await press(page, keys[i]!, open || i < keys.length - 1 ? keys.slice(0, i + 1) : undefined);
}

async function submitButton(page: Page, text: string) {
  const before = (await page.locator(".call-screen__said").textContent()) ?? "";
  await tabTo(page, `button[type="submit"]:has-text("${text}")`, 120);
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.keyboard.press("Enter")]);
  await page.waitForFunction((old) => document.querySelector(".call-screen__said")?.textContent !== old, before);
}

describe("the simulated call screen", () => {
  it("works without JavaScript: plain form posts re-render what the phone says", async () => {
    const page = await staffPage("admin", { javaScript: false });
    await page.goto(`/team/phone/call?person=${person.id}`);
    await Promise.all([page.waitForLoadState("load"), page.locator('main form button[type="submit"]').click()]);
    await page.locator("#call-keypad").waitFor();
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('button[name="key"][value="2"]').click()]);
    await page.getByText("To ask for a callback, press 1").waitFor();
    await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('button[name="key"][value="3"]').click()]);
    expect(await said(page)).toMatch(/The next free consultation hours:|no free consultation hours/);
    await page.context().close();
  });

  it("lets staff choose who calls, by keyboard, with only an opaque id in the address", async () => {
    const page = await staffPage("admin");
    await page.goto("/team/phone/call");
    await waitForHydration(page);
    await tabTo(page, 'select[name="person"]', 120);
    await page.keyboard.press("Home");
    await tabTo(page, 'button[type="submit"]:has-text("Als diese Person anrufen")', 20);
    await Promise.all([page.waitForURL(/\?person=withheld$/), page.keyboard.press("Enter")]);
    await page.getByText("Nummer unterdrückt").waitFor();
    await page.context().close();
  });

  it("offers each language in its own language and never puts a number into the address", async () => {
    const page = await startCall(person.id);
    const text = await said(page);
    expect(text).toContain("Für Deutsch drücken Sie die 1.");
    expect(text).toContain("For English, press 2.");
    expect(text).toContain("للعربية اضغط 4.");
    expect(await page.locator('p[lang="ar"]').count()).toBeGreaterThan(0);
    expect(page.url()).toMatch(/\/team\/phone\/call\?person=[a-z0-9]+$/);
    await page.context().close();
  });

  it("1 → a callback: the reference is read out character by character", async () => {
    const page = await startCall(person.id);
    await press(page, "2");
    expect(await said(page)).toContain("To ask for a callback, press 1");
    await press(page, "1");
    const text = await said(page);
    expect(text).toContain("Your reference number is:");
    const spoken = text.split("Your reference number is:")[1]!.split("Once more:")[0]!;
    const chars = spoken.split("…").map((s) => s.trim()).filter(Boolean).map((s) => s[0]);
    expect(chars.join("")).toMatch(REFERENCE);
    expect(text).toContain("Das Gespräch ist beendet.");
    await page.context().close();
  });

  it("2 → the status of the caller's own ticket by typing its code on the keypad", async () => {
    const page = await startCall(person.id);
    await press(page, "1");
    await press(page, "2");
    expect(await said(page)).toContain("sechs Zeichen");
    await pressAll(page, keypad(person.reference));
    const text = await said(page);
    expect(text).toContain("Ihre Anfrage");
    expect(text).toMatch(/ist eingegangen|wird gerade bearbeitet/);
    await page.context().close();
  });

  it("3 → the next consultation hours, asked for by speech", async () => {
    const page = await startCall(person.id);
    await press(page, "1");
    await tabTo(page, 'input[name="speech"]', 120);
    await page.keyboard.type("Sprechstunde bitte");
    await submitButton(page, "Sagen");
    expect(await said(page)).toMatch(/Die nächsten freien Sprechstunden:|keine Sprechstunden frei/);
    await page.context().close();
  });

  it("0 → a voice message joins the caller's ticket, and staff can play it", async () => {
    const page = await startCall(person.id);
    await press(page, "1");
    await press(page, "0");
    await page.locator("#call-record").waitFor();
    await tabTo(page, 'textarea[name="recording"]', 120);
    await page.keyboard.type("Guten Tag, das Tablet geht immer noch nicht an, bitte rufen Sie mich an.");
    await submitButton(page, "Aufnahme beenden");
    await page.getByText("Ihre Nachricht ist angekommen").waitFor();

    await page.goto(`/team/tickets/${person.ticketId}`);
    await waitForHydration(page);
    await page.getByText(/Sprachnachricht \(\d+ s\)/).waitFor();
    await expectNoAxeViolations(page);
    const src = (await page.locator("audio").first().getAttribute("src"))!;
    expect(src).toMatch(/^\/team\/recordings\/[a-z0-9]+$/);
    const audio = await page.request.get(src);
    expect(audio.status()).toBe(200);
    expect(audio.headers()["content-type"]).toBe("audio/wav");
    await page.context().close();
  });

  it("a wrong key twice → the programme offers and creates a callback", async () => {
    const page = await startCall(person.id);
    await press(page, "1");
    await press(page, "8");
    expect(await said(page)).toContain("Das habe ich leider nicht verstanden.");
    await submitButton(page, "Nichts drücken");
    const text = await said(page);
    expect(text).toContain("Wir rufen Sie zurück.");
    expect(text).toContain("Ihre Vorgangsnummer ist:");
    await page.context().close();
  });

  it("a withheld number types their number, hears it back and gets a callback", async () => {
    const page = await startCall("withheld");
    await press(page, "1");
    await press(page, "1");
    expect(await said(page)).toContain("Raute-Taste");
    const number = mobile().replace(/\D/g, "");
    await pressAll(page, number, { open: true });
    expect(await page.getByRole("status").innerText()).toContain(number);
    await press(page, "#");
    const text = await said(page);
    expect(text).toContain("Sie haben eingegeben:");
    expect(text.replace(/\D/g, "")).toContain(number);
    expect(text).toContain("Ihre Vorgangsnummer ist:");
    await page.context().close();
  });
});
