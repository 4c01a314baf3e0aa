// axe (WCAG 2.2 AA) finds nothing on any page, in every shipped language. New pages: add one line below.
import { describe, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, newPage, signIn, useBrowser, waitForHydration } from "../helpers/browser";

const browser = useBrowser();

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

  it("every staff page has no axe violations", async () => {
    const page = await newPage(browser(), { lng });
    await signIn(page, "admin");
    for (const path of STAFF_PAGES) {
      await page.goto(path);
      await waitForHydration(page);
      await expectNoAxeViolations(page);
    }
  });
});
