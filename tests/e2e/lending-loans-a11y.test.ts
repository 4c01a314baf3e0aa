// axe (WCAG 2.2 AA) finds nothing on the loan pages, in every step and error state, in German, English and Arabic.
// One loan of TAB-0007 (to a new person who reads Arabic) serves the loan, agreement, check-in and reset pages.
import type { Page } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, useBrowser, useStaffPages, openStaffPage } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);

const open = openStaffPage;

const submit = (page: Page, formId: string) => page.locator(`form#${formId} button[type="submit"]`).click();

/** Check-out up to the details step, for `phone` (new: with a first name) and a device tag. */
async function toDetails(page: Page, phone: string, tag: string) {
  await open(page, "/team/loans/new");
  await page.locator('input[name="query"]').fill(phone);
  await submit(page, "loan-find");
  await page.locator('input[name="person.firstName"]').fill("Samira");
  await page.locator('select[name="person.language"]').selectOption("ar");
  await submit(page, "loan-person");
  await page.locator('input[name="assetTag"]').fill(tag);
  await submit(page, "loan-device");
  await page.locator('input[name="dueOn"]').waitFor();
}

let loanPath = "";

beforeAll(async () => {
  const page = await staffPage("volunteer");
  await toDetails(page, "0151 5550 7007", "TAB-0007");
  for (const item of ["charged", "accessoriesPresent", "accountExplained", "simActive"]) {
    await page.locator(`input[name="checklist"][value="${item}"]`).check({ force: true });
  }
  await page.locator('input[name="learningGoals"]').first().check({ force: true });
  await page.locator('input[name="agreementAccepted"]').check({ force: true });
  await Promise.all([page.waitForURL(/\/team\/loans\/[^/?]+\?created=1$/), submit(page, "loan-details")]);
  loanPath = new URL(page.url()).pathname;
  await page.context().close();
});

describe.each(LANGUAGES)("loan pages in %s", (lng) => {
  it("the list in every view", async () => {
    const page = await staffPage("volunteer", lng);
    for (const view of ["active", "dueSoon", "overdue", "followUps", "returned"]) {
      await open(page, `/team/loans?view=${view}`);
      await expectNoAxeViolations(page);
    }
    await page.context().close();
  });

  it("check-out: finding someone by name, with errors", async () => {
    const page = await staffPage("volunteer", lng);
    await open(page, "/team/loans/new");
    await expectNoAxeViolations(page);
    await submit(page, "loan-find"); // nothing typed
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('input[name="query"]').fill("Gisela");
    await submit(page, "loan-find");
    await page.locator("form#loan-choose").waitFor();
    await expectNoAxeViolations(page);
    await submit(page, "loan-choose"); // nobody chosen
    await page.getByRole("alert").waitFor();
    await page.context().close();
  });

  it("check-out for someone new, with errors at every step", async () => {
    const page = await staffPage("volunteer", lng);
    await open(page, "/team/loans/new");
    await page.locator('input[name="query"]').fill("0151 5550 8008");
    await submit(page, "loan-find");
    await page.locator("form#loan-person").waitFor();
    await expectNoAxeViolations(page);
    await submit(page, "loan-person"); // no first name
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('input[name="person.firstName"]').fill("Olga");
    await submit(page, "loan-person");
    await page.locator("form#loan-device").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('input[name="assetTag"]').fill("TAB-0003"); // needs a reset
    await submit(page, "loan-device");
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('input[name="assetTag"]').fill("TAB-0006");
    await submit(page, "loan-device");
    await page.locator("form#loan-details").waitFor();
    await expectNoAxeViolations(page);
    await page.locator('input[name="dueOn"]').fill("2020-01-01");
    await submit(page, "loan-details"); // nothing ticked, date in the past
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("the loan page (just lent, and a refused extension), both agreements, and check-in with errors", async () => {
    const page = await staffPage("volunteer", lng);
    await open(page, `${loanPath}?created=1`);
    await expectNoAxeViolations(page);
    await open(page, loanPath);
    await page.locator('form#loan-extend input[name="dueOn"]').fill("2020-01-01");
    await submit(page, "loan-extend");
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    for (const variant of ["person", "large"]) {
      await open(page, `${loanPath}/agreement?variant=${variant}`);
      await expectNoAxeViolations(page);
    }
    await open(page, `${loanPath}/check-in`);
    await expectNoAxeViolations(page);
    await submit(page, "loan-check-in");
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});

describe("after the return", () => {
  beforeAll(async () => {
    const page = await staffPage("volunteer");
    await open(page, `${loanPath}/check-in`);
    await page.locator('input[name="accessoriesComplete"][value="no"]').check({ force: true });
    await page.locator('input[name="missingAccessories"][value="charger"]').check({ force: true });
    for (const [name, value] of [["condition", "worn"], ["factoryReset", "yes"], ["accountRemoved", "yes"], ["sim", "none"], ["outcome", "returned"]]) {
      await page.locator(`input[name="${name}"][value="${value}"]`).check({ force: true });
    }
    await Promise.all([page.waitForURL((url) => url.pathname === loanPath), submit(page, "loan-check-in")]);
    await page.context().close();
  });

  it.each(LANGUAGES)("the returned loan with its follow-up, and the reset page with an error, in %s", async (lng) => {
    const page = await staffPage("volunteer", lng);
    await open(page, loanPath);
    await page.locator(".loan-follow-up").waitFor();
    await expectNoAxeViolations(page);
    await open(page, `${loanPath}/reset`);
    await expectNoAxeViolations(page);
    await submit(page, "loan-reset");
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
