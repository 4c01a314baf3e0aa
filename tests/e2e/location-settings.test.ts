// Coordinators set a place's lending settings on the locations page; mistakes come back with the answers kept.
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, newPage, signIn, useBrowser, waitForHydration } from "../helpers/browser";

const browser = useBrowser();

async function openLibrarySettings(lng: string) {
  const page = await newPage(browser(), { lng });
  await signIn(page, "coordinator");
  await page.goto("/team/locations");
  await waitForHydration(page);
  const row = page.locator("tr", { hasText: "Stadtbibliothek" });
  await Promise.all([page.waitForURL(/\/lending$/), row.locator('a[href$="/lending"]').click()]);
  await waitForHydration(page);
  return page;
}

describe("lending settings of a place", () => {
  it("a coordinator changes the loan length; a wrong number is explained and kept", async () => {
    const page = await openLibrarySettings("en");
    await page.getByLabel("How many weeks does a loan last?").fill("0");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Enter a whole number from 1 to 26.");
    await expect(page.getByLabel("How many weeks does a loan last?").inputValue()).resolves.toBe("0");
    await page.getByLabel("How many weeks does a loan last?").fill("10");
    await Promise.all([page.waitForURL(/\/team\/locations$/), page.getByRole("button", { name: "Save" }).click()]);
    await expect(page.getByRole("status").first().textContent()).resolves.toContain("are saved");
    await expect(page.locator("tr", { hasText: "Stadtbibliothek" }).textContent()).resolves.toContain("10 weeks");
  });

  it("volunteers see the settings but cannot change them", async () => {
    const page = await newPage(browser(), { lng: "en" });
    await signIn(page, "volunteer");
    await page.goto("/team/locations");
    await waitForHydration(page);
    expect(await page.locator('a[href$="/lending"]').count()).toBe(0);
  });

  it.each(LANGUAGES)("has no axe violations in %s, also with an error", async (lng) => {
    const page = await openLibrarySettings(lng);
    await expectNoAxeViolations(page);
    await page.locator('input[name="offerDays"]').fill("99");
    await page.locator('form button[type="submit"]').last().click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.goto("/team/locations");
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  });
});
