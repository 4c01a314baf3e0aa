// The outbox page: filter by status by keyboard (only the status goes into the URL), the opted-out count, and axe
// finds nothing in German, English and Arabic.
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, openStaffPage, tabTo, useBrowser, useStaffPages, waitForHydration } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);

const deliveredLabel = { de: "zugestellt", en: "delivered", ar: "وصلت" } as const;

describe.each(LANGUAGES)("the outbox in %s", (lng) => {
  it("filters by status with the keyboard, shows the opted-out count, and is axe clean", async () => {
    const page = await staffPage("coordinator", lng);
    await openStaffPage(page, "/team/outbox");
    await expect(page.getByTestId("opt-out-count").textContent()).resolves.toMatch(/\S/);
    await expectNoAxeViolations(page);

    await tabTo(page, "#outbox-status");
    await page.locator("#outbox-status").selectOption("delivered");
    await tabTo(page, "form.status-filter button[type=submit]", 5);
    await Promise.all([page.waitForURL(/\/team\/outbox\?status=delivered$/), page.keyboard.press("Enter")]);
    await waitForHydration(page);
    expect(new URL(page.url()).search).toBe("?status=delivered"); // never a number or a name
    await expect(page.locator("#outbox-status").inputValue()).resolves.toBe("delivered");
    const statuses = await page.locator("tbody tr td:nth-child(4)").allTextContents();
    expect(statuses.every((s) => s === deliveredLabel[lng])).toBe(true);
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
