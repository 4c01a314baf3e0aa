// Erasure on request in the browser: a coordinator opens a person, reads what will go and what stays, and erases
// with the keyboard only; staff note a request made on the phone; a citizen asks on the web. axe on every page of
// it in de, en and ar. An app of its own: erasing a seeded person would change what other files find.
import type { Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { startApp, type RunningApp } from "../helpers/app-server";
import { expectNoAxeViolations, LANGUAGES, newPage, signIn, tabTo, useBrowser, waitForHydration } from "../helpers/browser";

const browser = useBrowser();
let app: RunningApp;
const people: Record<string, string> = {};

beforeAll(async () => {
  app = await startApp();
  const db = await openDatabase(app.databaseUrl);
  try {
    // One person per language to look at (and one to erase), each with a request and a message: written straight in.
    for (const [key, phone] of [["de", "+4915230000001"], ["en", "+4915230000002"], ["ar", "+4915230000003"], ["erase", "+4915230000004"], ["phone", "+4915230000005"]]) {
      const person = await db.person.create({ data: { firstName: `Erika${key}`, phone, phoneType: "mobile" } });
      await db.ticket.create({ data: { reference: `EA${["C", "D", "E", "F", "G"][Object.keys(people).length]}3K9`, personId: person.id, channel: "web", description: "Kann keine Fotos verschicken" } });
      people[key] = person.id;
    }
    // The English one has a tablet out: its confirmation says the loan stays until it is back.
    const place = await db.location.findFirstOrThrow({ orderBy: { slug: "asc" } });
    const device = await db.device.create({ data: { assetTag: "TAB-ERASE-1", locationId: place.id, model: "Tab A9", status: "on_loan" } });
    const at = new Date();
    await db.loan.create({
      data: { reference: "EL3K9A", deviceId: device.id, activeDeviceId: device.id, personId: people.en, locationId: place.id, status: "active", checkedOutAt: at, dueAt: new Date(at.getTime() + 30 * 86_400_000), agreementMode: "paper", agreementAcceptedAt: at },
    });
  } finally {
    await db.$disconnect();
  }
});
afterAll(async () => {
  await app?.stop();
});

async function coordinatorPage(lng: string, javaScript = true): Promise<Page> {
  const page = await newPage(browser(), { lng, javaScript, appUrl: app.baseUrl });
  if (javaScript) await signIn(page, "coordinator");
  return page;
}

describe("erasing a person's data", () => {
  it.each(LANGUAGES)("the confirmation names what goes and what stays; axe finds nothing (%s)", async (lng) => {
    const page = await coordinatorPage(lng);
    try {
      await page.goto(`/team/people/${people[lng]}/erase`);
      await waitForHydration(page);
      await expect.poll(() => page.locator("main table tbody tr").count()).toBeGreaterThan(0);
      expect(await page.locator("main #erase-keep-heading + ul li").count()).toBe(lng === "en" ? 1 : 0);
      if (lng === "en") expect(await page.locator("main #erase-keep-heading + ul").innerText()).toContain("EL3K9A");
      await expectNoAxeViolations(page);
      await page.goto("/team/people/erased");
      await waitForHydration(page);
      await expectNoAxeViolations(page);
    } finally {
      await page.context().close();
    }
  });

  it("a coordinator erases with the keyboard only: person page → confirmation → done, no name in the address", async () => {
    const page = await coordinatorPage("de");
    try {
      await page.goto(`/team/people/${people.erase}`);
      await waitForHydration(page);
      await tabTo(page, `main a[href="/team/people/${people.erase}/erase"]`, 80);
      await Promise.all([page.waitForURL(/\/erase$/), page.keyboard.press("Enter")]);
      await waitForHydration(page);
      expect(await page.locator("main h1").textContent()).toContain("Erikaerase");
      await tabTo(page, 'main form button[type="submit"]', 80);
      await Promise.all([page.waitForURL(/\/team\/people\/erased$/), page.keyboard.press("Enter")]);
      await page.locator("main h1", { hasText: "Die Daten sind gelöscht" }).waitFor();
      expect(page.url()).not.toContain(people.erase);
      // What the page shows (the first document's script data is no part of it).
      expect(await page.locator("body").innerText()).not.toContain("Erikaerase");
      // Again: the person is gone, and the page says so in words.
      const again = await page.goto(`/team/people/${people.erase}/erase`);
      expect(again?.status()).toBe(410);
      expect(await page.locator("main").textContent()).toContain("schon gelöscht");
    } finally {
      await page.context().close();
    }
  });

  it("staff note a request made on the phone: a task, nothing deleted", async () => {
    const page = await coordinatorPage("de");
    try {
      await page.goto(`/team/people/${people.phone}`);
      await waitForHydration(page);
      await tabTo(page, 'main form[action$="/erasure-request"] button', 80);
      await Promise.all([page.waitForURL(new RegExp(`/team/people/${people.phone}$`)), page.keyboard.press("Enter")]);
      await page.locator("main h1").waitFor();
      await expect.poll(async () => (await page.locator("main").textContent()) ?? "").toMatch(/Löschantrag ist als Anliegen [A-Z0-9]{6}/);
      expect(await page.locator("main h1").textContent()).toContain("Erikaphone");
    } finally {
      await page.context().close();
    }
  });

  // Citizen pages ship no JavaScript either way; axe itself runs as a script in the page, so this page allows it
  // (the form without JavaScript: tests/e2e/citizen-reflow.test.ts).
  it.each(LANGUAGES)("a citizen asks on the web; axe finds nothing on the form and the answer (%s)", async (lng) => {
    const page = await newPage(browser(), { lng, appUrl: app.baseUrl });
    try {
      await page.goto("/privacy/erasure");
      await expectNoAxeViolations(page);
      await page.locator('input[name="phone"]').fill("0152 3000 0009");
      await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('main form button[type="submit"]').last().click()]);
      await page.waitForLoadState();
      expect(new URL(page.url()).pathname, (await page.locator("main").textContent()) ?? "").toBe("/privacy/erasure/done");
      await expectNoAxeViolations(page);
    } finally {
      await page.context().close();
    }
  });
});
