// axe (WCAG 2.2 AA) finds nothing on any page, in every shipped language. New pages: add one line below.
import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, newPage, signIn, useBrowser, useStaffPages, waitForHydration } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);

// Citizen pages ship no scripts, so their DOM is the same with JavaScript on; axe itself needs it to run.
const CITIZEN_PAGES = ["/", "/team/sign-in", "/gibt-es-nicht"];
const STAFF_PAGES = ["/team", "/team/locations", "/team/outbox", "/team/audit", "/team/ui-kit"];

describe.each(LANGUAGES)("accessibility in %s", (lng) => {
  it.each(CITIZEN_PAGES)("%s has no axe violations", async (path) => {
    const page = await newPage(browser(), { lng });
    await page.goto(path);
    await expectNoAxeViolations(page);
  });

  it("the sign-in page with errors has no axe violations", async () => {
    const page = await newPage(browser(), { lng });
    await page.goto("/team/sign-in");
    await page.locator('form button[type="submit"]').first().click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
  });

  // One test per page (one sign-in for all): the component showcase alone takes axe a while on a busy machine.
  it.each(STAFF_PAGES)("staff page %s has no axe violations", async (path) => {
    const page = await staffPage("admin", lng);
    await page.goto(path);
    await waitForHydration(page);
    await expectNoAxeViolations(page);
  });
});

describe("sizes (issue 2: base font at least 18 px, targets at least 44 px)", () => {
  async function undersized(page: import("playwright-core").Page) {
    return page.evaluate(() => {
      const controls = document.querySelectorAll<HTMLElement>(
        "main button, main input:not([type=hidden]):not([type=checkbox]):not([type=radio]), main select, main textarea, .language-switcher a, .skip-link",
      );
      return [...controls]
        // Visible and reachable: react-aria's date fields keep a native input out of the tab order for the form.
        .filter((el) => el.offsetParent !== null && el.tabIndex !== -1 && !el.closest("[aria-hidden=true]"))
        .map((el) => ({ el, box: el.getBoundingClientRect() }))
        .filter(({ box }) => box.height < 44 || box.width < 44)
        .map(({ el, box }) => `${el.outerHTML.slice(0, 80)} ${Math.round(box.width)}×${Math.round(box.height)}`);
    });
  }

  it.each(["/", "/report", "/team/sign-in"])("%s: body text 18 px, every control at least 44 × 44 px", async (path) => {
    const page = await newPage(browser());
    await page.goto(path);
    const fontSize = await page.evaluate(() => parseFloat(getComputedStyle(document.body).fontSize));
    expect(fontSize).toBeGreaterThanOrEqual(18);
    expect(await undersized(page)).toEqual([]);
  });

  it("the UI kit's controls are at least 44 × 44 px", async () => {
    const page = await newPage(browser());
    await signIn(page, "admin");
    await page.goto("/team/ui-kit");
    await waitForHydration(page);
    expect(await undersized(page)).toEqual([]);
  });
});
