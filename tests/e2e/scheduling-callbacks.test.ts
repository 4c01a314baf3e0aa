// Callbacks in the browser: a citizen without JavaScript asks for a call and gets a reference; the librarian works
// through their callbacks by keyboard (no answer → the next attempt is planned; reached → done); the calendar link
// serves an iCalendar feed until it is revoked.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { newPage, tabTo, useBrowser, waitForHydration, useStaffPages } from "../helpers/browser";
import { ensureCallbackHoursNow, intakeCallback } from "../helpers/callbacks-e2e";

const browser = useBrowser();
const REFERENCE = /^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/;
const phone = () => `0151 6${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`;

const staffPage = useStaffPages(browser);

/** Staff intake with a window from now on: returns the callback's id. */
async function intake(page: Page, firstName: string, window: { from: number; to: number }) {
  const path = await intakeCallback(page, { firstName, phone: phone(), window, topic: "Videoanruf" });
  await page.getByRole("status").filter({ hasText: "ist geplant" }).waitFor();
  return path.split("/").pop()!;
}

/** On the list, by keyboard: Tab to the callback's link, Enter, and record an outcome with arrows, Tab and Enter. */
async function recordByKeyboard(page: Page, id: string, arrowsDown: number) {
  await page.goto("/team/callbacks");
  await waitForHydration(page);
  await tabTo(page, `a[href="/team/callbacks/${id}"]`, 80);
  await Promise.all([page.waitForURL(new RegExp(`/team/callbacks/${id}$`)), page.keyboard.press("Enter")]);
  await waitForHydration(page);
  await tabTo(page, 'form#attempt input[name="outcome"][value="reached"]', 80);
  for (let i = 0; i < arrowsDown; i++) await page.keyboard.press("ArrowDown");
  if (arrowsDown === 0) await page.keyboard.press("Space");
  await tabTo(page, 'form#attempt button[type="submit"]');
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.keyboard.press("Enter")]);
}

describe("callbacks", () => {
  it("a citizen without JavaScript asks for a callback and gets a reference", async () => {
    const page = await newPage(browser(), { javaScript: false });
    await page.goto("/");
    await page.getByRole("link", { name: "Rückruf anfordern" }).click();
    await page.waitForURL(/\/callback$/);
    expect(await page.locator("script:not(#sw-register)").count()).toBe(0);
    // Nothing filled in: an explained 400, nothing created.
    const empty = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('form#callback button[type="submit"]').click()]);
    expect(empty[0].status()).toBe(400);
    await page.getByRole("alert").locator("a", { hasText: "mindestens eine Zeit" }).waitFor();

    await page.locator('input[name="firstName"]').fill("Gerda");
    await page.locator('input[name="phone"]').fill(phone());
    await page.locator("form#callback label", { has: page.locator('input[name="windows"]') }).first().click();
    await page.locator('textarea[name="concern"]').fill("Mein Tablet findet das WLAN nicht.");
    await Promise.all([page.waitForURL(/\/callback\/done$/), page.locator('form#callback button[type="submit"]').click()]);
    const reference = ((await page.locator(".reference-panel__code").textContent()) ?? "").trim();
    expect(reference).toMatch(REFERENCE);
    expect(page.url()).not.toContain(reference);
    await expect(page.locator(".callback-when").textContent()).resolves.toMatch(/\d{2}:\d{2}|Bescheid/);
  });

  it("the librarian works through callbacks by keyboard: no answer plans the next attempt, reached is done", async () => {
    const page = await staffPage("librarian");
    const window = await ensureCallbackHoursNow(page, 120);

    const first = await intake(page, "Ilse", window);
    const plannedAt = (await page.locator(".summary-list__row", { hasText: "Anrufen am" }).locator("dd").textContent())!;
    await recordByKeyboard(page, first, 1); // reached → no answer
    await page.getByRole("status").filter({ hasText: "Der nächste Anruf ist geplant" }).waitFor();
    await expect(page.locator(".summary-list__row", { hasText: "Versuche" }).locator("dd").textContent()).resolves.toBe("1");
    await expect(page.locator(".summary-list__row", { hasText: "Stand" }).locator("dd").textContent()).resolves.toBe("Geplant");
    const nextAt = await page.locator(".summary-list__row", { hasText: "Anrufen am" }).locator("dd").textContent();
    expect(nextAt).not.toBe(plannedAt);
    await expect(page.locator("#attempts-heading + ol").textContent()).resolves.toContain("Niemand erreicht");

    const second = await intake(page, "Horst", window);
    await recordByKeyboard(page, second, 0); // the first outcome: reached
    await page.getByRole("status").filter({ hasText: "Der Rückruf ist erledigt" }).waitFor();
    await expect(page.locator(".summary-list__row", { hasText: "Stand" }).locator("dd").textContent()).resolves.toBe("Erledigt");
    expect(await page.locator("form#attempt").count()).toBe(0);
  });

  it("the calendar page makes a link that serves text/calendar until it is revoked", async () => {
    const page = await staffPage("librarian");
    await page.goto("/team");
    await page.getByRole("link", { name: "Mein Kalender-Link" }).first().click();
    await page.waitForURL(/\/team\/calendar$/);
    await waitForHydration(page);
    await page.getByRole("button", { name: "Meinen Kalender-Link erstellen" }).click();
    const url = ((await page.locator('[data-testid="calendar-url"]').textContent()) ?? "").trim();
    expect(url).toMatch(/\/calendar\/[\w-]{43}\.ics$/);
    const feed = await fetch(url);
    expect(feed.status).toBe(200);
    expect(feed.headers.get("content-type")).toContain("text/calendar");
    const body = await feed.text();
    expect(body).toContain("BEGIN:VCALENDAR");
    expect(body).toContain("SUMMARY:Rückruf");
    expect(body).not.toMatch(/\+49|0151/);

    await page.getByRole("button", { name: "Meinen Kalender-Link sperren" }).click();
    await page.getByRole("status").filter({ hasText: "funktioniert nicht mehr" }).waitFor();
    expect((await fetch(url)).status).toBe(404);
  });
});
