// The retention schedule as a coordinator reads it: reached by keyboard from the access log, each kind of record in
// plain words with its period, the operator's setting and what the next run removes; a volunteer is refused; axe in
// every language. Read-only on the shared app (the page runs the dry run, never the deletion). A setting that is not
// a number of days stops the start with its name.
import { describe, expect, it } from "vitest";
import { startAppExpectingExit } from "../helpers/app-server";
import { expectNoAxeViolations, LANGUAGES, openStaffPage, tabTo, useBrowser, useStaffPages } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);

describe("the retention schedule page", () => {
  it("is reached from the access log by keyboard and shows each kind, its period, its setting and the next run's count", async () => {
    const page = await staffPage("coordinator");
    await openStaffPage(page, "/team/audit");
    await tabTo(page, 'a[href="/team/privacy/retention"]', 80);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/privacy\/retention$/);
    await expect.poll(() => page.locator("h1").textContent()).toBe("Löschkonzept: was wie lange gespeichert bleibt");
    const row = (name: string) => page.locator("main tbody tr", { hasText: name });
    await expect.poll(() => row("Anliegen mit Verlauf").textContent()).toContain("ein Jahr nach dem Schließen");
    expect(await row("Anliegen mit Verlauf").textContent()).toContain("RETENTION_TICKET_DAYS");
    expect(await row("Ausleihen mit Vereinbarung").textContent()).toContain("ein Jahr nach der Rückgabe");
    expect(await row("Plätze auf der Tablet-Warteliste").textContent()).toContain("in der Nacht nach dem Ende");
    expect(await row("Termine in der Sprechstunde").textContent()).toContain("90 Tage nach dem Termin");
    expect(await row("Bürger:innen").textContent()).toContain("wenn nichts anderes mehr über sie gespeichert ist");
    // The last column is a count for every row.
    const counts = await page.locator("main tbody tr td:last-child").allTextContents();
    expect(counts.length).toBe(13);
    for (const c of counts) expect(c.trim()).toMatch(/^\d+$/);
    await page.context().close();
  });

  it("is refused to a volunteer", async () => {
    const page = await staffPage("volunteer");
    const response = await page.goto("/team/privacy/retention");
    expect(response?.status()).toBe(403);
    await page.context().close();
  });

  it.each(LANGUAGES)("has no axe violations in %s", async (lng) => {
    const page = await staffPage("admin", lng);
    await openStaffPage(page, "/team/privacy/retention");
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe("a retention setting that is not a number of days", () => {
  it("stops the start and names the setting", async () => {
    const { code, stderr } = await startAppExpectingExit({ RETENTION_LOAN_DAYS: "ein Jahr" });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(stderr).toContain("RETENTION_LOAN_DAYS: must be a whole number of days from 1 to 3650");
  });
});
