// axe (WCAG 2.2 AA) finds nothing on the helpdesk's staff pages, in every view and state, in every language.
import type { Page } from "playwright-core";
import { beforeAll, describe, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, useBrowser, useStaffPages, openStaffPage } from "../helpers/browser";

const browser = useBrowser();
const VIEWS = ["mine", "queue", "unassigned", "overdue", "all"];

// Sign-ins are rate-limited per address and the whole browser suite comes from one: each role signs in once,
// every language gets its own context with that session.
const staffPage = useStaffPages(browser);

let ticketPath = "";
let personPath = "";

async function submit(page: Page, formId: string) {
  await page.locator(`form#${formId} button[type="submit"]`).click();
}

const open = openStaffPage;

// One ticket with something of every kind in its timeline (made in German; read in every language).
beforeAll(async () => {
  const page = await staffPage("admin");
  await open(page, "/team/tickets/new");
  await page.locator('input[name="phone"]').fill("0157 7100 0100");
  await submit(page, "intake-lookup");
  await page.locator('input[name="person.firstName"]').fill("Anna");
  await page.locator('textarea[name="description"]').fill("Ich möchte Videoanrufe mit meinen Enkeln machen.");
  await page.locator("form#intake label", { has: page.locator('input[name="assignToMe"]') }).click();
  await Promise.all([page.waitForURL(/created=1$/), submit(page, "intake")]);
  ticketPath = new URL(page.url()).pathname;
  personPath = (await page.locator('.ticket-facts a[href^="/team/people/"]').getAttribute("href"))!;

  const steps: [string, () => Promise<void>, string][] = [
    ["ticket-note", () => page.locator("#ticket-note-body").fill("Enkel wohnen in Kanada"), "Enkel wohnen in Kanada"],
    ["ticket-reply", () => page.locator("#ticket-reply-body").fill("Wir zeigen es Ihnen am Donnerstag."), "Wir zeigen es Ihnen am Donnerstag."],
    ["ticket-call", async () => {
      await page.locator("form#ticket-call label", { hasText: "Nicht erreicht" }).click();
      await page.locator("#ticket-call-note").fill("Mailbox");
    }, "Mailbox"],
    ["ticket-pending", async () => {
      await page.locator('#ticket-pending-until [role="spinbutton"]').first().click();
      await page.keyboard.type("01122099");
    }, "Wiedervorlage gesetzt"],
    ["ticket-classify", () => page.locator("#ticket-classify-priority").selectOption("high").then(() => undefined), "Neu eingeordnet"],
  ];
  for (const [form, fill, shows] of steps) {
    await fill();
    await submit(page, form);
    await page.locator(".timeline__item", { hasText: shows }).waitFor();
  }
});

describe.each(LANGUAGES)("helpdesk staff pages in %s", (lng) => {
  it("the ticket list in every view, with search results and with a search error", async () => {
    const page = await staffPage("admin", lng);
    for (const view of VIEWS) {
      await open(page, `/team/tickets?view=${view}`);
      await expectNoAxeViolations(page);
    }
    await page.locator('input[name="q"]').fill("Anna");
    await Promise.all([page.waitForURL(/search=/), submit(page, "ticket-search")]);
    await page.locator(".ticket-reference-link").first().waitFor();
    await expectNoAxeViolations(page);

    await open(page, "/team/tickets?view=all");
    await submit(page, "ticket-search");
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);
  });

  it("phone intake: both steps, for a known and a new caller, and with errors", async () => {
    const page = await staffPage("librarian", lng);
    await open(page, "/team/tickets/new");
    await expectNoAxeViolations(page);

    await submit(page, "intake-lookup");
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);

    // Heinz, a seed person the library knows (he came to its desk): a known caller. Gisela, who borrows at the
    // meeting centre, would be "a caller we don't know here" for a librarian (the one visibility rule).
    await page.locator('input[name="phone"]').fill("0421 9876543");
    await submit(page, "intake-lookup");
    await page.locator('input[name="personId"]').waitFor({ state: "attached" });
    await expectNoAxeViolations(page);

    await open(page, "/team/tickets/new");
    await page.locator('input[name="phone"]').fill("0157 7100 0101");
    await submit(page, "intake-lookup");
    await page.locator('input[name="person.firstName"]').waitFor();
    await expectNoAxeViolations(page);

    await submit(page, "intake");
    await page.locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);
  });

  it("a ticket page, just created and with an error in one form, and its person's page", async () => {
    const page = await staffPage("admin", lng);
    await open(page, `${ticketPath}?created=1`);
    await expectNoAxeViolations(page);

    await open(page, ticketPath);
    await submit(page, "ticket-reply");
    await page.locator("form#ticket-reply").locator("..").locator(".error-summary").waitFor();
    await expectNoAxeViolations(page);

    await open(page, personPath);
    await expectNoAxeViolations(page);
  });
});
