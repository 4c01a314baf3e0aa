// axe (WCAG 2.2 AA) finds nothing on the simulated call screen — before the call, with the keypad and speech box,
// with digits typed, while recording a voice message, and after hanging up — in German, English and Arabic.
import type { Page } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, openStaffPage, useBrowser, useStaffPages, waitForHydration } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
let personId = "";

beforeAll(async () => {
  const page = await staffPage("admin");
  await page.goto("/team/tickets/new");
  await waitForHydration(page);
  await page.locator('input[name="phone"]').fill(`0151 8${String(Math.floor(Math.random() * 9_000_000) + 1_000_000)}`);
  await page.locator('form#intake-lookup button[type="submit"]').click();
  await page.locator("#intake-caller-heading").waitFor();
  await page.locator('input[name="person.firstName"]').fill("Ilse");
  await page.locator('textarea[name="description"]').fill("Kein Internet.");
  await Promise.all([page.waitForURL(/\/team\/tickets\/[^/?]+\?created=1$/), page.locator('form#intake button[type="submit"]').click()]);
  personId = (await page.locator('a[href^="/team/people/"]').first().getAttribute("href"))!.split("/").pop()!;
  await page.context().close();
});

async function submit(page: Page, selector: string) {
  await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator(selector).first().click()]);
}

const MENU_DIGIT: Record<string, string> = { de: "1", en: "2", ar: "4" };

describe.each(LANGUAGES)("the call screen in %s", (lng) => {
  it("is accessible through a call: keypad, typed digits, recording, hung up", async () => {
    const page = await staffPage("admin", lng);
    await openStaffPage(page, "/team/phone/call");
    await expectNoAxeViolations(page);
    await openStaffPage(page, `/team/phone/call?person=${personId}`);
    await expectNoAxeViolations(page);
    await submit(page, 'main form button[type="submit"]');
    await page.locator("#call-keypad").waitFor();
    await expectNoAxeViolations(page);
    // The menu in the page's language, then "status": a typed digit shows what was typed so far.
    await submit(page, `button[name="key"][value="${MENU_DIGIT[lng]}"]`);
    await page.locator(`.call-screen__said p[lang="${lng}"]`).last().waitFor();
    await submit(page, 'button[name="key"][value="2"]');
    await submit(page, 'button[name="key"][value="3"]');
    await page.getByRole("status").waitFor();
    await expectNoAxeViolations(page);
    await submit(page, 'button.button--danger[type="submit"]');
    await page.locator(".call-screen__ended").waitFor();
    await expectNoAxeViolations(page);
    // Call again: the voice message box.
    await submit(page, 'main form button[type="submit"]:not([name="key"])');
    await page.locator("#call-keypad").waitFor();
    await submit(page, `button[name="key"][value="${MENU_DIGIT[lng]}"]`);
    await page.locator(`.call-screen__said p[lang="${lng}"]`).last().waitFor();
    await submit(page, 'button[name="key"][value="0"]');
    await page.locator("#call-record").waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
