// axe (WCAG 2.2 AA) finds nothing on the device pages, with and without errors, in every language.
import type { Page } from "playwright-core";
import { describe, it } from "vitest";
import { expectNoAxeViolations, LANGUAGES, useBrowser, waitForHydration, useStaffPages, openStaffPage } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);

const open = openStaffPage;

async function check(page: Page, path?: string) {
  if (path) await open(page, path);
  await expectNoAxeViolations(page);
}

async function uploadFile(page: Page, name: string, content: string) {
  await open(page, "/team/devices/import");
  await page.locator("#device-import-locationId").selectOption({ index: 1 });
  await page.locator('input[type="file"]').setInputFiles({ name, mimeType: "text/csv", buffer: Buffer.from(content) });
  await Promise.all([page.waitForURL(/\?file=/), page.locator('form#device-import button[type="submit"]').click()]);
  await waitForHydration(page);
}

describe.each(LANGUAGES)("device pages in %s", (lng) => {
  it("list, find error, tag not found", async () => {
    const page = await staffPage("volunteer", lng);
    await check(page, "/team/devices");
    await check(page, "/team/devices?tag=NOPE-0001");
    await check(page, "/team/devices/tag/NOPE-0001");
    await page.context().close();
  });

  it("add (empty and with errors), device page (with a refused form), edit", async () => {
    const page = await staffPage("volunteer", lng);
    await check(page, "/team/devices/new");
    await page.locator('form#device-new button[type="submit"]').click();
    await page.locator(".error-summary").waitFor();
    await check(page);

    await open(page, "/team/devices/tag/TAB-0004");
    await check(page);
    const devicePath = new URL(page.url()).pathname;
    await page.locator('form#device-status button[type="submit"]').click();
    await page.locator(".device-action .error-summary").waitFor();
    await check(page);

    await check(page, `${devicePath}/edit`);
    await page.locator("#device-edit-assetTag").fill("TAB/0004");
    await page.locator('form#device-edit button[type="submit"]').click();
    await page.locator(".error-summary").waitFor();
    await check(page);
    await page.context().close();
  });

  it("import: choose, wrong columns, the per-row report", async () => {
    const page = await staffPage("volunteer", lng);
    await check(page, "/team/devices/import");
    await uploadFile(page, "falsch.csv", "Nummer;Farbe\nX;rot\n");
    await page.locator(".error-summary").waitFor();
    await check(page);
    await uploadFile(page, "bericht.csv", `Inventarnummer;Modell\nE2E-A11Y-${lng}-1;iPad 9\n;iPad 9\nTAB-0005;iPad\n`);
    await page.locator(".import-summary").waitFor();
    await check(page);
    await page.context().close();
  });

  it("labels with a sheet", async () => {
    const page = await staffPage("volunteer", lng);
    await check(page, "/team/devices/labels");
    await page.locator("#labels-location").selectOption({ index: 1 });
    await page.locator("main form button[type=submit]").first().click();
    await page.locator("#labels-devices").waitFor();
    await page.locator('main a[href*="choice=available"]').click();
    await page.locator(".device-label").first().waitFor();
    await check(page);
    await page.context().close();
  });
});
