// WCAG 2.2.1: staff are warned before the idle sign-out and can stay signed in with one action.
import { describe, expect, it } from "vitest";
import { newPage, signIn, useBrowser } from "../helpers/browser";

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

    await dialog.getByRole("button", { name: "Angemeldet bleiben" }).click();
    await dialog.waitFor({ state: "hidden" });

    await page.clock.fastForward("31:00");
    await page.waitForURL(/\/team\/sign-in\?expired=1/, { timeout: 90_000 });
    await expect(page.getByRole("status").textContent()).resolves.toContain("abgemeldet");
    await page.goto("/team");
    expect(new URL(page.url()).pathname).toBe("/team/sign-in");
  }, 180_000);
});
