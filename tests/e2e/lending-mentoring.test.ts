// The mentoring programme in the browser: a volunteer records a session of TAB-0001's loan by keyboard alone,
// the "today" page at Begegnungszentrum Vahr, and a coordinator adding a topic in German, English and Arabic.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { tabTo, useBrowser, waitForHydration, useStaffPages } from "../helpers/browser";

const browser = useBrowser();

// Sign-ins are rate-limited per address: each role signs in once per file, later pages reuse its cookie.
const staffPage = useStaffPages(browser);

/** Presses Tab until the focus is inside `container` (e.g. the first segment of a date or time field). */
async function tabInto(page: Page, container: string, maxTabs = 40): Promise<void> {
  for (let i = 0; i < maxTabs; i++) {
    await page.keyboard.press("Tab");
    if (await page.evaluate((sel) => Boolean(document.activeElement?.closest(sel)), container)) return;
  }
  throw new Error(`${container} was not reachable with the Tab key`);
}

const section = (page: Page, id: string) => page.locator(`section[aria-labelledby="${id}"]`);

describe("mentoring programme", () => {
  it("a volunteer records a session of TAB-0001's loan by keyboard alone; it is saved and shown", async () => {
    const page = await staffPage("volunteer");
    await page.goto("/team");
    await waitForHydration(page);

    // The staff home leads to "today", the start of a shift.
    await tabTo(page, 'main a[href="/team/today"]', 80);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/today$/);
    await page.locator("h1", { hasText: "Begegnungszentrum Vahr" }).waitFor();

    // Today's seeded session of TAB-0001 links to the session; its address names the loan.
    const seeded = section(page, "today-sessions").locator("a", { hasText: "TAB-0001" }).first();
    const href = (await seeded.getAttribute("href"))!;
    const loanId = href.split("/")[3];
    expect(href).toMatch(new RegExp(`^/team/loans/${loanId}/sessions/[^/]+$`));

    // The loans page belongs to another part of the programme: go straight to "new session" of that loan.
    await page.goto(`/team/loans/${loanId}/sessions/new`);
    await waitForHydration(page);
    await expect(page.locator("h1").textContent()).resolves.toContain("Gisela · TAB-0001");
    await expect(page.locator("main").textContent()).resolves.toContain("Videoanrufe"); // a learning goal

    // Today's date is filled in; a time early this morning has passed already.
    await tabInto(page, "#session-new-time");
    await page.keyboard.type("0005");
    await tabTo(page, 'input[name="durationMinutes"]');
    await page.keyboard.press("Control+A");
    await page.keyboard.type("45");
    await tabTo(page, 'input[name="topics"][value="topic_wifi"]');
    await page.keyboard.press("Space");
    await tabTo(page, 'input[name="topics"][value="topic_photos"]');
    await page.keyboard.press("Space");
    await tabTo(page, 'input[name="attendance"][value="attended"]');
    await page.keyboard.press("Space");
    await tabTo(page, 'textarea[name="notes"]');
    await page.keyboard.type("Fotos an die Enkelin geschickt. <b>Nächstes Mal</b>: Album anlegen.");
    await tabTo(page, 'form#session-new button[type="submit"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/team/loans/${loanId}$`));

    // Shown on today's list, before the seeded 14:00 session, with both topics.
    await page.goto("/team/today");
    await waitForHydration(page);
    // Other journeys (offline notes) may record sessions at the same minute: this one is Gisela's TAB-0001.
    const recorded = section(page, "today-sessions").locator("li", { hasText: "00:05" }).filter({ hasText: "TAB-0001" });
    await expect(recorded.textContent()).resolves.toMatch(/Gisela · TAB-0001[\s\S]*Teilgenommen[\s\S]*45 Min\.[\s\S]*WLAN[\s\S]*Fotos/);
    await tabTo(page, `section[aria-labelledby="today-sessions"] li:has-text("00:05"):has-text("TAB-0001") a`);
    await page.keyboard.press("Enter");
    await page.waitForURL(new RegExp(`/team/loans/${loanId}/sessions/[^/]+$`));
    await page.locator("h1", { hasText: "Betreuungstermin" }).waitFor();
    const main = (await page.locator("main").textContent()) ?? "";
    expect(main).toContain("Fotos an die Enkelin geschickt. <b>Nächstes Mal</b>: Album anlegen."); // plain text, inert
    expect(main).toContain("45 Minuten");
    expect(await page.locator("main b").count()).toBe(0);
  });

  it("'today' at Begegnungszentrum Vahr shows the overdue loan, today's session and the device to reset — nothing from elsewhere", async () => {
    const page = await staffPage("volunteer");
    await page.goto("/team/today");
    await waitForHydration(page);
    await expect(section(page, "today-overdue").textContent()).resolves.toMatch(/Heinz · TAB-0002[\s\S]*seit \d+ Tagen überfällig/);
    await expect(section(page, "today-sessions").textContent()).resolves.toMatch(/14:00 Uhr · Gisela · TAB-0001/);
    await expect(section(page, "today-reset").textContent()).resolves.toContain("TAB-0003");
    const all = (await page.locator("main").textContent()) ?? "";
    expect(all).not.toContain("TAB-0101");
    expect(all).toContain("in Reparatur");

    // The other place the volunteer works at, chosen in the form: its waiting list, not Vahr's devices.
    await page.locator("#today-location").selectOption({ label: "Seniorenwohnen Haus am Park" });
    await Promise.all([page.waitForURL(/\?location=/), page.locator('form[method="get"] button[type="submit"]').click()]);
    await page.locator("h1", { hasText: "Haus am Park" }).waitFor();
    await expect(section(page, "today-waiting").textContent()).resolves.toMatch(/1\. \S+/);
    expect(await page.locator("main").textContent()).not.toContain("TAB-0003");
    // The head of the list in the waiting list's own order (other journeys may have moved people meanwhile).
    const waitingHere = await section(page, "today-waiting")
      .locator("li a")
      .evaluateAll((links) => links.filter((a) => /^\d+\.\s/.test(a.textContent ?? "")).map((a) => a.getAttribute("href")));
    expect(waitingHere.length).toBeGreaterThan(0);
    const locationId = new URL(page.url()).searchParams.get("location")!;
    await page.goto(`/team/waiting-list?location=${locationId}`);
    const listed = await page
      .locator('main a[href^="/team/waiting-list/"]:not([href$="/new"])')
      .evaluateAll((links) => links.map((a) => a.getAttribute("href")));
    const places = waitingHere.map((href) => listed.indexOf(href));
    expect(places.every((place) => place >= 0)).toBe(true);
    expect(places).toEqual([...places].sort((x, y) => x - y));
  });

  it("staff of another location cannot open the loan's sessions; volunteers cannot manage topics", async () => {
    const volunteer = await staffPage("volunteer");
    await volunteer.goto("/team/today");
    const href = (await section(volunteer, "today-sessions").locator("a", { hasText: "TAB-0001" }).first().getAttribute("href"))!;
    const librarian = await staffPage("librarian");
    expect((await librarian.goto(`${href.split("/sessions/")[0]}/sessions/new`))?.status()).toBe(403);
    expect((await librarian.goto(href))?.status()).toBe(403);
    expect((await volunteer.goto("/team/topics"))?.status()).toBe(403);
    expect((await volunteer.goto("/team/mentoring"))?.status()).toBe(403);
  });

  it("a coordinator adds a topic in German, English and Arabic; each language shows its own name", async () => {
    const page = await staffPage("coordinator");
    await page.goto("/team/topics");
    await waitForHydration(page);
    await page.locator('input[name="labels.de"]').fill("Fahrkarten kaufen");
    await page.locator('input[name="labels.en"]').fill("Buying tickets");
    await page.locator('input[name="labels.ar"]').fill("شراء التذاكر");
    await Promise.all([page.waitForURL(/\/team\/topics$/), page.locator('form#topic-new button[type="submit"]').click()]);
    await expect(page.getByRole("status").textContent()).resolves.toContain("Das Thema „Fahrkarten kaufen“ ist hinzugefügt.");
    await expect(page.locator("table").textContent()).resolves.toContain("Fahrkarten kaufen");

    for (const [lng, name] of [["en", "Buying tickets"], ["ar", "شراء التذاكر"]] as const) {
      const other = await staffPage("coordinator", { lng });
      await other.goto("/team/topics");
      await expect(other.locator("table").textContent()).resolves.toContain(name);
      await other.context().close();
    }

    // Volunteers can choose it for a session now.
    const volunteer = await staffPage("volunteer");
    await volunteer.goto("/team/today");
    const href = (await section(volunteer, "today-sessions").locator("a", { hasText: "TAB-0001" }).first().getAttribute("href"))!;
    await volunteer.goto(`${href.split("/sessions/")[0]}/sessions/new`);
    await expect(volunteer.locator('fieldset, [role="group"]', { hasText: "Themen" }).first().textContent()).resolves.toContain("Fahrkarten kaufen");
  });
});
