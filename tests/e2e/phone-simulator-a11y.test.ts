// axe (WCAG 2.2 AA) finds nothing on the phone simulator — empty, with a thread of SMS bubbles and a spoken call,
// and with a refused reply — in German, English and Arabic.
import { beforeAll, describe, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, openStaffPage, useBrowser, useStaffPages } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
const digits = () => String(Math.floor(Math.random() * 9_000_000) + 1_000_000);

let mobileThread = "";
let landlineThread = "";

/** A thread of our own: a text from a new number and the system's answer. */
async function threadFrom(phone: string, body: string) {
  const page = await staffPage("coordinator");
  await openStaffPage(page, "/team/phone");
  await page.locator("form#new-number input[name=phone]").fill(phone);
  await page.locator("form#new-number textarea[name=body]").fill(body);
  await Promise.all([page.waitForURL(/\/team\/phone\?person=\w+$/), page.locator("form#new-number button[type=submit]").click()]);
  const path = new URL(page.url()).pathname + new URL(page.url()).search;
  await page.context().close();
  return path;
}

beforeAll(async () => {
  mobileThread = await threadFrom(`0151 8${digits()}`, "Mein Drucker druckt nicht");
  landlineThread = await threadFrom(`0421 6${digits()}`, "Bitte rufen Sie mich an");
});

describe.each(LANGUAGES)("phone simulator in %s", (lng) => {
  it("the page without a phone chosen", async () => {
    const page = await staffPage("coordinator", lng);
    await openStaffPage(page, "/team/phone");
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("a thread with bubbles, a spoken call and a refused reply", async () => {
    const page = await staffPage("coordinator", lng);
    await openStaffPage(page, mobileThread);
    await page.locator("li.phone-bubble--outbound").first().waitFor();
    await expectNoAxeViolations(page);
    await page.locator("form#reply button[type=submit]").click();
    await page.getByRole("alert").waitFor();
    await expectNoAxeViolations(page);
    await openStaffPage(page, landlineThread);
    await page.locator("li.phone-bubble--voice").first().waitFor();
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
