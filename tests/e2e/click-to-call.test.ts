// Click-to-call in the browser with the built-in outbox provider (no phone network): the librarian starts a call
// from a callback's page by keyboard, plays out "the person did not answer" and sees the attempt recorded and the
// next one planned; without JavaScript a ticket's call works with a refresh link and lands on the timeline; staff
// without a phone number get a hint instead of the button. No phone number ever appears in a URL.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newPage, tabTo, useBrowser, useStaffPages, waitForHydration } from "../helpers/browser";
import { ensureCallbackHoursNow, intakeCallback } from "../helpers/callbacks-e2e";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
const phone = () => `0151 7${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;



const callStatus = (page: Page) => page.locator(".call-now__status");
const summary = (page: Page, label: string) => page.locator(".summary-list__row", { hasText: label }).locator("dd");

/** Presses Enter on the focused button and waits for the POST to /team/calls and the page it leads back to. */
async function pressAndWait(page: Page, path: string) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/team/calls")), page.keyboard.press("Enter")]);
  await page.waitForURL((url) => url.pathname === path);
}

describe("click-to-call", () => {
  it("the librarian calls from a callback by keyboard; 'did not answer' records the attempt and plans the next call", async () => {
    const page = await staffPage("librarian");
    const urls: string[] = [];
    page.on("request", (r) => urls.push(r.url()));
    const window = await ensureCallbackHoursNow(page);
    const path = await intakeCallback(page, { firstName: "Edeltraud", phone: phone(), window });
    await waitForHydration(page);
    const plannedAt = await summary(page, "Anrufen am").textContent();
    await expect(callStatus(page).textContent()).resolves.toBe("");

    await tabTo(page, 'form[action="/team/calls"] button[type="submit"]', 80);
    await expect(page.evaluate(() => document.activeElement?.textContent)).resolves.toBe("Jetzt anrufen");
    await pressAndWait(page, path);
    await callStatus(page).getByText("Ihr Telefon klingelt …").waitFor();
    await page.getByRole("heading", { name: "Übungsmodus" }).waitFor();
    expect(await page.getByRole("button", { name: "Jetzt anrufen" }).count()).toBe(0);

    await waitForHydration(page);
    await tabTo(page, 'button:text("Simulieren: Ich habe abgenommen")', 80);
    await pressAndWait(page, path);
    await callStatus(page).getByText("Verbindung wird hergestellt – das Telefon der Person klingelt …").waitFor();

    await waitForHydration(page);
    await tabTo(page, 'button:text("Simulieren: Person hat nicht abgenommen")', 80);
    await pressAndWait(page, path);
    await callStatus(page).getByText("Nicht angenommen.").waitFor();
    await callStatus(page).getByText("Der Versuch ist automatisch eingetragen").waitFor();

    await expect(summary(page, "Versuche").textContent()).resolves.toBe("1");
    await expect(summary(page, "Stand").textContent()).resolves.toBe("Geplant");
    await expect(summary(page, "Anrufen am").textContent()).resolves.not.toBe(plannedAt);
    await expect(page.locator("#attempts-heading + ol").textContent()).resolves.toContain("Niemand erreicht");
    // The call is over: a new one may start. This time they talk; the outcome form comes preselected "reached".
    await page.getByRole("button", { name: "Jetzt anrufen" }).click();
    for (const step of ["Simulieren: Ich habe abgenommen", "Simulieren: Person hat abgenommen"]) {
      await page.getByRole("button", { name: step }).click();
    }
    await callStatus(page).getByText("Verbunden.").waitFor();
    expect(await page.locator('form#attempt input[value="reached"]').isChecked()).toBe(false);
    await page.getByRole("button", { name: "Simulieren: Gespräch beendet" }).click();
    await callStatus(page).getByText("Verbunden, 1 Min.").waitFor();
    await callStatus(page).getByText("Bitte tragen Sie unten ein, wie das Gespräch ausgegangen ist.").waitFor();
    await expect(page.locator('form#attempt input[value="reached"]').isChecked()).resolves.toBe(true);
    await expect(summary(page, "Versuche").textContent()).resolves.toBe("1");
    for (const url of urls) expect(url).not.toMatch(/\+49|%2B49|23125|0151%20|0151 /);
    await page.context().close();
  });

  it("without JavaScript a ticket's call refreshes by link, shows the length and lands on the timeline", async () => {
    const setup = await staffPage("coordinator");
    await setup.goto("/team/tickets/new");
    await waitForHydration(setup);
    await setup.locator('input[name="phone"]').fill(phone());
    await setup.locator('form#intake-lookup button[type="submit"]').click();
    await setup.locator("#intake-caller-heading").waitFor();
    await setup.locator('input[name="person.firstName"]').fill("Waltraud");
    await setup.locator('textarea[name="description"]').fill("Das Tablet zeigt keine Nachrichten mehr an.");
    await Promise.all([setup.waitForURL(/\/team\/tickets\/[^/?]+\?created=1$/), setup.locator('form#intake button[type="submit"]').click()]);
    const path = new URL(setup.url()).pathname;
    await setup.context().close();

    const page = await staffPage("coordinator", { javaScript: false });
    await page.goto(path);
    await page.getByRole("button", { name: "Jetzt anrufen" }).click();
    await page.waitForURL((url) => url.pathname === path);
    await callStatus(page).getByText("Ihr Telefon klingelt …").waitFor();
    await page.getByRole("link", { name: "Stand aktualisieren" }).click();
    await callStatus(page).getByText("Ihr Telefon klingelt …").waitFor();
    for (const step of ["Simulieren: Ich habe abgenommen", "Simulieren: Person hat abgenommen"]) {
      await page.getByRole("button", { name: step }).click();
      await page.waitForURL((url) => url.pathname === path);
    }
    await callStatus(page).getByText("Verbunden.").waitFor();
    await page.getByRole("button", { name: "Simulieren: Gespräch beendet" }).click();
    await callStatus(page).getByText("Verbunden, 1 Min.").waitFor();
    await callStatus(page).getByText("Der Anruf steht im Verlauf der Anfrage.").waitFor();
    await page.locator(".timeline__item", { hasText: "Anruf: Erreicht" }).waitFor();
    await page.context().close();

    // The volunteer has no phone number in the demo: a hint instead of the button.
    const volunteer = await staffPage("volunteer");
    await volunteer.goto(path);
    await volunteer.getByText("Hinterlegen Sie Ihre Telefonnummer").waitFor();
    expect(await volunteer.getByRole("button", { name: "Jetzt anrufen" }).count()).toBe(0);
    await volunteer.context().close();
  });

  it("the webhooks are closed without Twilio settings (the e2e app runs with the outbox)", async () => {
    const page = await newPage(browser());
    const response = await page.request.post("/webhooks/twilio/call-status?call=x", { form: { CallStatus: "completed" } });
    expect(response.status()).toBe(404);
    await page.context().close();
  });
});
