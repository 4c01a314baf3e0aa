// The waiting list in the browser: a citizen asks to borrow without JavaScript and keeps the reference; mistakes
// come back explained with the answers kept; a volunteer adds a caller by keyboard alone; a coordinator moves
// someone with a reason that then shows in the history. Everything at Haus am Park (all its devices are out).
import type { Page, Response } from "playwright-core";
import { describe, expect, it } from "vitest";
import { BORROW_REQUESTS_PER_NUMBER } from "~/web/rate-limit.server";
import { newPage, tabTo, useBrowser, waitForHydration, useStaffPages } from "../helpers/browser";

const browser = useBrowser();
const REFERENCE = /^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/;
const HOME = "Seniorenwohnen Haus am Park";

const staffPage = useStaffPages(browser);

async function sendBorrow(page: Page, answers: { firstName: string; phone: string; place?: string; wishes?: string }): Promise<Response> {
  await page.goto("/borrow");
  await page.locator('input[name="firstName"]').fill(answers.firstName);
  await page.locator('input[name="phone"]').fill(answers.phone);
  if (answers.place) await page.locator("label.radios__label", { hasText: answers.place }).click();
  if (answers.wishes) await page.locator('textarea[name="wishes"]').fill(answers.wishes);
  const [response] = await Promise.all([
    page.waitForResponse((r) => r.request().method() === "POST"),
    page.getByRole("button", { name: "Tablet ausleihen" }).click(),
  ]);
  await page.waitForLoadState();
  return response;
}

/** Staff intake with the mouse; ends on the new place's page. */
async function addByPhone(page: Page, phone: string, firstName: string): Promise<string> {
  await page.goto("/team/waiting-list/new");
  await waitForHydration(page);
  await page.locator('input[name="phone"]').fill(phone);
  await page.locator('form#waitlist-lookup button[type="submit"]').click();
  await page.locator("#waitlist-caller-heading").waitFor();
  await page.locator('input[name="person.firstName"]').fill(firstName);
  await page.locator('select[name="locationId"]').selectOption({ label: HOME });
  await Promise.all([page.waitForURL(/created=1$/), page.locator('form#waitlist-intake button[type="submit"]').click()]);
  return new URL(page.url()).pathname;
}

describe("asking to borrow without JavaScript", () => {
  it("the home page leads to the form; the reference comes in large type, never in a URL", async () => {
    const page = await newPage(browser(), { javaScript: false });
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    await page.goto("/");
    await page.getByRole("link", { name: "Online ein Tablet ausleihen" }).click();
    expect(new URL(page.url()).pathname).toBe("/borrow");
    await expect(page.locator("main").textContent()).resolves.toContain("etwa 8 Wochen");
    await expect(page.locator("main").textContent()).resolves.not.toContain("Stadtbibliothek");
    expect(await page.locator("script:not(#sw-register)").count()).toBe(0); // the citizen pages ship no JavaScript

    const response = await sendBorrow(page, { firstName: "Hannelore", phone: "0176 4400 0001", place: HOME, wishes: "Fotos von den Enkeln <b>ansehen</b>" });
    expect(response.status()).toBe(302);
    expect(new URL(page.url()).pathname).toBe("/borrow/done");
    expect(await page.title()).toBe("Sie stehen auf der Warteliste – Digitale Ambulanz");
    const reference = ((await page.locator(".reference-panel__code").textContent()) ?? "").trim();
    expect(reference).toMatch(REFERENCE);
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain(reference.split("").join(" "));
    expect(main).toContain("auch per SMS geschickt");
    expect(main).toContain(`Warteliste in ${HOME}`);
    expect(urls.some((u) => u.includes(reference))).toBe(false);
    expect(await page.locator("script:not(#sw-register)").count()).toBe(0);

    // Sent again: the same answer and the same number (nothing tells a stranger whether the number was known).
    await sendBorrow(page, { firstName: "Mallory", phone: "0176-44000001", place: HOME });
    expect(await page.locator(".reference-panel__code").textContent()).toBe(reference);
    await page.context().close();
  });

  it("mistakes come back in an error summary, with the answers kept", async () => {
    const page = await newPage(browser(), { javaScript: false });
    const response = await sendBorrow(page, { firstName: "Erika", phone: "12", wishes: "Videoanrufe" });
    expect(response.status()).toBe(400);
    expect(new URL(page.url()).pathname).toBe("/borrow");
    expect(await page.title()).toMatch(/^Fehler: /);
    const summary = page.getByRole("alert");
    await expect(summary.locator("a").allTextContents()).resolves.toEqual([
      expect.stringContaining("Diese Telefonnummer können wir nicht erreichen"),
      "Wählen Sie einen Ort.",
    ]);
    expect(await page.locator('input[name="firstName"]').inputValue()).toBe("Erika");
    expect(await page.locator('input[name="phone"]').inputValue()).toBe("12");
    expect(await page.locator('textarea[name="wishes"]').inputValue()).toBe("Videoanrufe");
    // The summary's link leads to the place choice.
    const href = await summary.locator("a", { hasText: "Wählen Sie einen Ort." }).getAttribute("href");
    expect(await page.locator(href!).count()).toBe(1);
    await page.context().close();
  });

  it("too many requests for one number get a kind 429 with the phone number", async () => {
    const page = await newPage(browser(), { javaScript: false });
    for (let i = 0; i < BORROW_REQUESTS_PER_NUMBER; i++) {
      expect((await sendBorrow(page, { firstName: "Ottilie", phone: "0176 4400 0009", place: HOME })).status()).toBe(302);
    }
    const blocked = await sendBorrow(page, { firstName: "Ottilie", phone: "0176 4400 0009", place: HOME });
    expect(blocked.status()).toBe(429);
    expect(await page.title()).toMatch(/^Fehler: /);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("sehr viele Anfragen");
    await expect(page.locator("main").textContent()).resolves.toContain("Rufen Sie uns stattdessen an:");
    expect(await page.locator('main a[href="tel:+494211234560"]').count()).toBeGreaterThan(0);
    // The answers stay, to try again later or read out on the phone.
    expect(await page.locator('input[name="firstName"]').inputValue()).toBe("Ottilie");
    await page.context().close();
  });
});

describe("the waiting list for staff", () => {
  it("a volunteer puts a caller on the list by keyboard alone", async () => {
    const page = await staffPage("volunteer");
    await page.goto("/team");
    await waitForHydration(page);
    await tabTo(page, 'nav a[href="/team/waiting-list"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/waiting-list$/);
    await tabTo(page, 'a[href="/team/waiting-list/new"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/waiting-list\/new$/);
    await waitForHydration(page);
    await page.locator('input[name="phone"]:focus').waitFor();
    await page.keyboard.type("0176 / 44 00 00-2");
    await page.keyboard.press("Enter");
    await page.locator('input[name="person.firstName"]:focus').waitFor();
    await page.keyboard.type("Hildegard");
    await tabTo(page, 'select[name="locationId"]');
    // Nothing is chosen for someone who works at two places: "Bitte wählen" → Begegnungszentrum Vahr → Haus am Park.
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("ArrowDown");
    expect(await page.locator('select[name="locationId"] option:checked').textContent()).toBe(HOME);
    await tabTo(page, 'textarea[name="wishes"]');
    await page.keyboard.type("Mit der Tochter in Kanada telefonieren");
    await tabTo(page, 'form#waitlist-intake button[type="submit"]');
    await Promise.all([page.waitForURL(/\/team\/waiting-list\/[^/?]+\?created=1$/), page.keyboard.press("Enter")]);
    await page.locator("h1", { hasText: "Hildegard auf der Warteliste" }).waitFor();
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Mit der Tochter in Kanada telefonieren");
    await page.locator(".timeline__item", { hasText: "Auf die Warteliste gesetzt (Telefon)" }).waitFor();
    // Volunteers cannot move anyone.
    expect(await page.locator("form#reservation-move").count()).toBe(0);

    // The same caller again: already on the list, nothing new.
    await page.goto("/team/waiting-list/new");
    await waitForHydration(page);
    await page.locator('input[name="phone"]').fill("+49 176 4400002");
    await page.locator('form#waitlist-lookup button[type="submit"]').click();
    await page.locator("#waitlist-caller-heading", { hasText: "Bekannt: Hildegard" }).waitFor();
    await page.locator('select[name="locationId"]').selectOption({ label: HOME });
    await page.locator('form#waitlist-intake button[type="submit"]').click();
    await page.locator(".notice", { hasText: `Steht bereits auf der Liste in ${HOME}, auf Platz` }).waitFor();
    await page.context().close();
  });

  it("a coordinator moves someone to the top with a reason; the reason and who moved show in the history", async () => {
    const page = await staffPage("coordinator");
    const path = await addByPhone(page, "0176 4400 0003", "Gustav");
    await waitForHydration(page);
    const place = Number(await page.locator(".summary-list__row", { hasText: "Platz auf der Liste" }).locator("dd").textContent());
    expect(place).toBeGreaterThan(2); // Ayşe and Yusuf were there first

    // Without a real reason: refused, explained.
    await page.locator('select[name="placeAfterId"]').selectOption({ label: "Ganz nach oben" });
    await page.locator('textarea[name="reason"]').fill("eil");
    await page.locator('form#reservation-move button[type="submit"]').click();
    await page.getByRole("alert").locator("a", { hasText: "Geben Sie eine Begründung mit mindestens 5 Zeichen an." }).waitFor();

    const reason = "Lebt allein, der Pflegedienst bittet um Vorrang";
    await page.locator('textarea[name="reason"]').fill(reason);
    await page.locator('select[name="placeAfterId"]').selectOption({ label: "Ganz nach oben" });
    await page.locator('form#reservation-move button[type="submit"]').click();
    const moved = page.locator(".timeline__item", { hasText: `Von Platz ${place} auf Platz 1 verschoben` });
    await moved.waitFor();
    expect(await moved.textContent()).toContain(reason);
    expect(await moved.textContent()).toContain("Jonas Becker");

    await page.goto(path);
    expect(await page.locator(".summary-list__row", { hasText: "Platz auf der Liste" }).locator("dd").textContent()).toBe("1");
    await page.context().close();
  });
});
