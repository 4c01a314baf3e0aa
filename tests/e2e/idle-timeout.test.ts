// WCAG 2.2.1: staff are warned before the idle sign-out and can stay signed in with one action.
import { describe, expect, it } from "vitest";
import { baseUrl, newPage, signIn, useBrowser } from "../helpers/browser";

const browser = useBrowser();

describe("idle timeout", () => {
  it("warns two minutes before, lets staff stay, and signs out when the time is up", async () => {
    const page = await newPage(browser());
    await page.clock.install();
    await signIn(page, "volunteer");

    await page.clock.fastForward("28:30");
    const dialog = page.getByRole("alertdialog", { name: "Möchten Sie angemeldet bleiben?" });
    await dialog.waitFor();
    await expect(dialog.textContent()).resolves.toContain("in 2 Minuten");

    const stayed = page.waitForResponse((r) => new URL(r.url()).pathname === "/team/session");
    await dialog.getByRole("button", { name: "Angemeldet bleiben" }).click();
    await expect(stayed.then((r) => r.status())).resolves.toBe(200);
    await dialog.waitFor({ state: "hidden" });

    // Staying gave another half hour: the warning comes again two minutes before its end (without it, the
    // first half hour would long be over and the page signed out).
    await page.clock.fastForward("28:10");
    await dialog.waitFor();
    expect(new URL(page.url()).pathname).toBe("/team");

    await page.clock.fastForward("03:00");
    // Polled, so a failure names the page it stayed on (still /team: the countdown never ran out).
    await expect.poll(() => page.url(), { timeout: 90_000 }).toMatch(/\/team\/sign-in\?expired=1/);
    await page.waitForLoadState();
    await expect(page.getByRole("status").textContent()).resolves.toContain("abgemeldet");
    await page.goto("/team");
    expect(new URL(page.url()).pathname).toBe("/team/sign-in");
  }, 180_000);

  it("signs out at once when the session already ended elsewhere and staff choose to stay", async () => {
    const page = await newPage(browser());
    await page.clock.install();
    await signIn(page, "volunteer");
    // Signed out in another tab of the same browser.
    const other = await page.context().request.post("/team/sign-out", { headers: { Origin: baseUrl() }, maxRedirects: 0 });
    expect(other.status()).toBe(302);

    await page.clock.fastForward("28:30");
    const dialog = page.getByRole("alertdialog", { name: "Möchten Sie angemeldet bleiben?" });
    await dialog.getByRole("button", { name: "Angemeldet bleiben" }).click();
    await expect.poll(() => page.url(), { timeout: 20_000 }).toMatch(/\/team\/sign-in\?expired=1/);
  });
});
