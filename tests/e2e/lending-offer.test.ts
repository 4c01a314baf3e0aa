// The waiting list doing its work: a tablet comes back from repair at Haus am Park, the job worker offers it to the
// first person waiting (Ayşe, 12 days on the list) within its minute, staff record her "yes" from the phone and hand
// the tablet out from her place on the list, by keyboard. Its own app: the shared one keeps Haus am Park's devices
// out so that no offer surprises the other journeys.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { startApp, type RunningApp } from "../helpers/app-server";
import { newPage, signIn, tabTo, tick, useBrowser, waitForHydration } from "../helpers/browser";

const browser = useBrowser();
let app: RunningApp;

beforeAll(async () => {
  app = await startApp();
}, 120_000);

afterAll(async () => {
  await app?.stop();
});

const firstRow = (page: Page) => page.locator("main table tbody tr").first();

describe("a freed tablet goes to the first person waiting", () => {
  it("is offered by the worker, accepted on the phone, and handed out from the list – by keyboard", async () => {
    const page = await newPage(browser(), { appUrl: app.baseUrl });
    await signIn(page, "coordinator");

    // TAB-0104 is back from repair: available again.
    await page.goto("/team/devices/tag/TAB-0104");
    await waitForHydration(page);
    await tabTo(page, "#device-status-status", 80);
    await page.locator("#device-status-status").selectOption("available"); // a native select: arrow keys in a real browser
    await tabTo(page, 'form#device-status button[type="submit"]');
    await page.keyboard.press("Enter");
    await page.locator("form#device-status [role=status]", { hasText: "geändert" }).waitFor();

    // Within the worker's minute (lending.offers) the first person waiting is offered it; staff see it on the list.
    await page.goto("/team/waiting-list");
    await waitForHydration(page);
    await page.locator("#waiting-list-location").selectOption({ label: "Seniorenwohnen Haus am Park" });
    await page.locator("form.waiting-list__chooser button").click();
    await page.locator("main table caption", { hasText: "Haus am Park" }).waitFor();
    const listUrl = page.url();
    expect(await firstRow(page).textContent()).toContain("Ayşe");
    await expect
      .poll(async () => (await page.reload(), (await firstRow(page).textContent()) ?? ""), { timeout: 90_000, interval: 2_000 })
      .toContain("Gerät angeboten");

    // Her place on the list: the offered tablet, the deadline, the history.
    await waitForHydration(page);
    await tabTo(page, 'main table a:has-text("Ayşe")', 80);
    await Promise.all([page.waitForURL(/\/team\/waiting-list\/[^/?]+$/), page.keyboard.press("Enter")]);
    const reservationPath = new URL(page.url()).pathname;
    await waitForHydration(page);
    const facts = (await page.locator(".summary-list").textContent()) ?? "";
    expect(facts).toContain("TAB-0104");
    expect(facts).toContain("Angebot gilt bis");
    expect(await page.locator("main").textContent()).toContain("Gerät TAB-0104 angeboten");

    // She rang back: yes.
    await tick(page, 'input[name="answer"][value="accepted"]');
    await tabTo(page, 'form#reservation-answer button[type="submit"]');
    await page.keyboard.press("Enter");
    await page.locator("form#reservation-answer [role=status]", { hasText: "gespeichert" }).waitFor();
    // The notice comes with the action's answer; the facts follow when the page's data has reloaded.
    await page.locator(".summary-list", { hasText: "Angebot angenommen" }).waitFor();

    // Hand it out: the check-out starts with her and the tablet, at the checklist.
    await tabTo(page, `a[href="/team/loans/new?reservation=${reservationPath.split("/").pop()}"]`, 80);
    await Promise.all([page.waitForURL(/\/team\/loans\/new\?reservation=/), page.keyboard.press("Enter")]);
    await waitForHydration(page);
    await page.locator('form#loan-details input[name="dueOn"]').waitFor();
    expect(await page.locator('input[name="query"], input[name="assetTag"]').count()).toBe(0); // no search for her or the tablet
    expect(await page.locator("main").textContent()).toContain("Ayşe");
    expect(await page.locator("main").textContent()).toContain("TAB-0104");
    for (const item of ["charged", "accessoriesPresent", "accountExplained", "simActive"]) {
      await tick(page, `input[name="checklist"][value="${item}"]`);
    }
    await tick(page, 'input[name="agreementAccepted"]');
    await tabTo(page, "form#loan-details button[type=submit]");
    await Promise.all([page.waitForURL(/\/team\/loans\/[^/?]+\?created=1$/), page.keyboard.press("Enter")]);
    const loan = (await page.locator(".loan-facts").textContent()) ?? "";
    expect(loan).toContain("Ayşe");
    expect(loan).toContain("TAB-0104");
    expect(loan).toContain("Ausgeliehen");

    // Her place is fulfilled; Yusuf is first now.
    await page.goto(reservationPath);
    expect(await page.locator(".summary-list").textContent()).toContain("Gerät ausgeliehen");
    await page.goto(listUrl);
    expect(await firstRow(page).textContent()).toContain("Yusuf");
    expect(await page.locator("main table").textContent()).not.toContain("Ayşe");
    await page.context().close();
  }, 150_000);
});
