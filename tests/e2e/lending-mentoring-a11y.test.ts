// axe (WCAG 2.2 AA) finds nothing on the mentoring pages and "today", with and without errors, in every language.
import type { Page } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, useBrowser, useStaffPages, openStaffPage } from "../helpers/browser";

const browser = useBrowser();

const staffPage = useStaffPages(browser);

const open = openStaffPage;

async function submitWithErrors(page: Page, formId: string) {
  await page.locator(`form#${formId} button[type="submit"]`).click();
  await page.getByRole("alert").first().waitFor();
}

let sessionPath = "";
let loanPath = "";
let topicPath = "";

beforeAll(async () => {
  // TAB-0001's seeded session today (read only), and an own topic to edit (made here, not shared).
  const volunteer = await staffPage("volunteer");
  await open(volunteer, "/team/today");
  sessionPath = (await volunteer.locator('section[aria-labelledby="today-sessions"] a', { hasText: "TAB-0001" }).first().getAttribute("href"))!;
  loanPath = sessionPath.split("/sessions/")[0];
  await volunteer.context().close();

  const coordinator = await staffPage("coordinator");
  await open(coordinator, "/team/topics");
  await coordinator.locator('input[name="labels.de"]').fill("Barrierefreiheit einstellen");
  await coordinator.locator('input[name="labels.en"]').fill("Accessibility settings");
  await coordinator.locator('input[name="labels.ar"]').fill("إعدادات إمكانية الوصول");
  await Promise.all([coordinator.waitForURL(/\/team\/topics$/), coordinator.locator('form#topic-new button[type="submit"]').click()]);
  const row = coordinator.locator("tr", { hasText: "Barrierefreiheit einstellen" });
  topicPath = (await row.locator('a[href^="/team/topics/"]').getAttribute("href"))!;
  await coordinator.context().close();
});

describe.each(LANGUAGES)("mentoring pages are accessible (%s)", (lng) => {
  it("today at my location", async () => {
    const page = await staffPage("volunteer", lng);
    await open(page, "/team/today");
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("a new session, empty and with errors", async () => {
    const page = await staffPage("volunteer", lng);
    await open(page, `${loanPath}/sessions/new`);
    await expectNoAxeViolations(page);
    await submitWithErrors(page, "session-new");
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("a session, as it is and with errors", async () => {
    const page = await staffPage("volunteer", lng);
    await open(page, sessionPath);
    await expectNoAxeViolations(page);
    await page.locator('input[name="durationMinutes"]').fill("5");
    await submitWithErrors(page, "session-edit");
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("topics: the list with errors, a built-in topic and an own topic with errors", async () => {
    const page = await staffPage("coordinator", lng);
    await open(page, "/team/topics");
    await expectNoAxeViolations(page);
    await submitWithErrors(page, "topic-new");
    await expectNoAxeViolations(page);
    await open(page, "/team/topics/topic_wifi");
    await expectNoAxeViolations(page);
    await open(page, topicPath);
    await page.locator('input[name="labels.en"]').fill("");
    await submitWithErrors(page, "topic");
    await expectNoAxeViolations(page);
    await page.context().close();
  });

  it("the programme in numbers", async () => {
    const page = await staffPage("coordinator", lng);
    await open(page, "/team/mentoring");
    await expectNoAxeViolations(page);
    await page.context().close();
  });
});
