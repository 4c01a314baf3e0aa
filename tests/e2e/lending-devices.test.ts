// The device pool in the browser: a volunteer adds a device by keyboard and finds it again by typing its tag,
// imports a CSV file and reads the report, prints QR labels, and a scanned label's address opens the device.

import { describe, expect, it } from "vitest";
import { expectNoAxeViolations, newPage, tabTo, useBrowser, waitForHydration, useStaffPages, openStaffPage } from "../helpers/browser";

const browser = useBrowser();
const staffPage = useStaffPages(browser);

const open = openStaffPage;

describe("adding and finding a device", () => {
  it("a volunteer adds a device with the keyboard only and finds it by typing its tag", async () => {
    const page = await staffPage("volunteer");
    await open(page, "/team/devices/new");
    await tabTo(page, "#device-new-locationId");
    await page.keyboard.type("Begegnungszentrum");
    await page.keyboard.press("Tab");
    await page.keyboard.type(" e2e-dev-0001 ");
    await page.keyboard.press("Tab");
    await page.keyboard.type("Samsung Galaxy Tab A9");
    await tabTo(page, "#device-new-accessories");
    await page.keyboard.press("Space");
    await tabTo(page, 'form#device-new button[type="submit"]');
    await Promise.all([page.waitForURL(/\/team\/devices\/[^/?]+\?created=1$/), page.keyboard.press("Enter")]);
    await waitForHydration(page);
    await page.locator("h1", { hasText: "E2E-DEV-0001" }).waitFor();
    const facts = await page.locator(".summary-list").innerText();
    expect(facts).toContain("Verfügbar");
    expect(facts).toContain("Begegnungszentrum Vahr");
    expect(facts).toContain("Ladegerät");
    expect(await page.locator(".timeline").innerText()).toContain("Hinzugefügt");
    const devicePath = new URL(page.url()).pathname;

    // The same tag again is refused at the field, the answers kept.
    await open(page, "/team/devices/new");
    await page.locator("#device-new-locationId").selectOption({ label: "Seniorenwohnen Haus am Park" });
    await page.locator("#device-new-assetTag").fill("E2E-DEV-0001");
    await page.locator("#device-new-model").fill("iPad 9");
    await page.locator('form#device-new button[type="submit"]').click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").innerText()).toContain("schon ein anderes Gerät");
    expect(await page.locator("#device-new-model").inputValue()).toBe("iPad 9");

    // Typed in lower case without the dash: the find form opens the device.
    await open(page, "/team/devices");
    await tabTo(page, "#device-find-tag");
    await page.keyboard.type("e2e-dev0001");
    await Promise.all([page.waitForURL((url) => url.pathname === devicePath), page.keyboard.press("Enter")]);
    await page.locator("h1", { hasText: "E2E-DEV-0001" }).waitFor();

    // An unknown tag says so at the field.
    await open(page, "/team/devices?tag=E2E-NOPE-1");
    expect(await page.locator("#device-find-tag-error").innerText()).toContain("kein Gerät");
  });

  it("sends a device to repair with a note and moves it to another place; the history shows both", async () => {
    const page = await staffPage("volunteer");
    await open(page, "/team/devices/new");
    await page.locator("#device-new-locationId").selectOption({ label: "Begegnungszentrum Vahr" });
    await page.locator("#device-new-assetTag").fill("E2E-DEV-0002");
    await page.locator("#device-new-model").fill("Lenovo Tab M10");
    await Promise.all([page.waitForURL(/created=1$/), page.locator('form#device-new button[type="submit"]').click()]);
    await waitForHydration(page);

    await page.locator("#device-status-status").selectOption("in_repair");
    await page.locator("#device-status-note").fill("Display gesprungen");
    await page.locator('form#device-status button[type="submit"]').click();
    await page.locator("form#device-status [role=status]", { hasText: "geändert" }).waitFor();
    await page.locator(".summary-list", { hasText: "In Reparatur" }).waitFor();

    await page.locator("#device-transfer-toLocationId").selectOption({ label: "Seniorenwohnen Haus am Park" });
    await page.locator('form#device-transfer button[type="submit"]').click();
    await page.locator("form#device-transfer [role=status]", { hasText: "verlegt" }).waitFor();
    await page.locator(".summary-list", { hasText: "Seniorenwohnen Haus am Park" }).waitFor();
    const history = await page.locator(".timeline").innerText();
    expect(history).toContain("Display gesprungen");
    expect(history).toContain("Von Begegnungszentrum Vahr nach Seniorenwohnen Haus am Park");
  });

  it("a device on loan cannot be set by hand and links to its loan; other places' devices are refused", async () => {
    const page = await staffPage("volunteer");
    await open(page, "/team/devices/tag/TAB-0002");
    await page.locator("h1", { hasText: "TAB-0002" }).waitFor();
    expect(await page.locator("#device-status-status").count()).toBe(0);
    expect(await page.locator('a[href^="/team/loans/"]').count()).toBeGreaterThan(0);
    // The device page names no borrower (least data).
    expect(await page.locator("main").innerText()).not.toContain("Heinz");
    const loanLink = page.getByRole("link", { name: "Aktuelle Ausleihe öffnen" });
    const loanPath = await loanLink.getAttribute("href");
    expect(await page.locator(`tbody a[href="${loanPath}"]`).count()).toBe(1);

    const librarian = await staffPage("librarian");
    const response = await librarian.goto(new URL(page.url()).pathname);
    expect(response?.status()).toBe(403);
  });
});

// Imports go to the meeting centre: new available devices at the care home would be offered to the people on
// its waiting list (another journey's demo data).
describe("import", () => {
  const csv = Buffer.from(
    "\ufeffInventarnummer;Modell;Seriennummer;Datentarif bis;Zubehör\n" +
      'E2E-DEV-0101;Samsung Galaxy Tab A9;R1;31.03.2027;"Ladegerät, Hülle"\n' +
      "E2E-DEV-0102;Lenovo Tab M10;;;\n" +
      "E2E-DEV-0101;iPad 9;;;\n" +
      "TAB-0005;iPad 9;;;\n",
    "utf8",
  );

  it("checks a file with a progress indicator, reports bad rows by line, then imports the good ones", async () => {
    const page = await staffPage("volunteer");
    await open(page, "/team/devices/import");
    await page.locator('form#device-import button[type="submit"]').click();
    await page.locator(".error-summary", { hasText: "Wählen Sie eine CSV-Datei" }).waitFor();
    expect(await page.locator(".error-summary").innerText()).toContain("Wählen Sie einen Ort");
    await page.locator("#device-import-locationId").selectOption({ label: "Begegnungszentrum Vahr" });
    await page.locator('input[type="file"]').setInputFiles({ name: "geraete.csv", mimeType: "text/csv", buffer: csv });
    // A slow connection: the upload is held back a moment, and the page shows how far it is meanwhile.
    let release = () => {};
    const held = new Promise<void>((resolve) => (release = resolve));
    await page.route("**/team/devices/import", async (route) => {
      if (route.request().method() === "POST") await held;
      await route.continue();
    });
    await page.locator('form#device-import button[type="submit"]').click();
    const progress = page.locator(".import-progress progress");
    await progress.waitFor();
    expect(await page.locator(".import-progress").getAttribute("aria-live")).toBe("polite");
    expect(await page.locator(".import-progress label").innerText()).toMatch(/hochgeladen|geprüft/);
    release();
    await page.waitForURL(/\?file=/);
    await page.unroute("**/team/devices/import");
    const summary = await page.locator(".import-summary").innerText();
    expect(summary).toContain("2 Geräte können importiert werden");
    expect(summary).toContain("2 Zeilen haben ein Problem");
    const problems = await page.locator("table").innerText();
    expect(problems).toMatch(/4\s+E2E-DEV-0101\s+Die Inventarnummer steht schon in Zeile 2/);
    expect(problems).toMatch(/5\s+TAB-0005\s+Ein Gerät mit der Inventarnummer „TAB-0005“ gibt es schon/);

    await page.getByRole("button", { name: "2 Geräte importieren" }).click();
    await page.locator("h2", { hasText: "Import abgeschlossen" }).waitFor();
    expect(await page.locator(".import-summary").innerText()).toContain("2 Geräte wurden nach Begegnungszentrum Vahr importiert");
    await page.getByRole("link", { name: "Zu den Geräten", exact: true }).click();
    await page.waitForURL(/\/team\/devices$/);
    await open(page, "/team/devices?q=E2E-DEV-01");
    expect(await page.locator("tbody").innerText()).toContain("E2E-DEV-0102");
  });

  it("works without JavaScript too, and wrong columns are one clear error with nothing imported", async () => {
    const page = await staffPage("volunteer", { javaScript: false });
    await page.goto("/team/devices/import");
    await page.locator("#device-import-locationId").selectOption({ label: "Begegnungszentrum Vahr" });
    await page
      .locator('input[type="file"]')
      .setInputFiles({ name: "falsch.csv", mimeType: "text/csv", buffer: Buffer.from("Nummer;Farbe\nE2E-DEV-0201;rot\n") });
    await page.locator('form#device-import button[type="submit"]').click();
    await page.locator(".error-summary").waitFor();
    expect(await page.locator(".error-summary").innerText()).toContain("Die Spalten stimmen nicht");

    await page.locator("#device-import-locationId").selectOption({ label: "Begegnungszentrum Vahr" });
    await page.locator('input[type="file"]').setInputFiles({
      name: "gut.csv",
      mimeType: "text/csv",
      buffer: Buffer.from("asset_tag,model\nE2E-DEV-0202,iPad 9\n"),
    });
    await page.locator('form#device-import button[type="submit"]').click();
    await page.waitForURL(/\?file=/);
    await page.locator('form button[type="submit"]', { hasText: "1 Gerät importieren" }).click();
    await page.locator("h2", { hasText: "Import abgeschlossen" }).waitFor();
    await page.goto("/team/devices/tag/E2E-DEV-0202");
    await page.locator("h1", { hasText: "E2E-DEV-0202" }).waitFor();
    expect(await page.locator(".timeline").innerText()).toContain("Aus Datei importiert");
  });
});

describe("labels and scanning", () => {
  it("makes printable label sheets with a QR code per device", async () => {
    const page = await staffPage("volunteer");
    await open(page, "/team/devices/labels");
    await page.locator("#labels-location").selectOption({ label: "Begegnungszentrum Vahr" });
    await page.getByRole("button", { name: "Geräte anzeigen" }).click();
    await page.getByRole("link", { name: "Alle verfügbaren Geräte wählen" }).click();
    await page.locator(".device-label").first().waitFor();
    const label = page.locator(".device-label", { hasText: "TAB-0008" });
    expect(await label.locator("svg path").count()).toBeGreaterThan(0);
    expect(await label.innerText()).toContain("0421");
    // Devices on loan are not among "all available".
    expect(await page.locator(".device-label", { hasText: "TAB-0001" }).count()).toBe(0);
    // On paper: only the labels.
    await page.emulateMedia({ media: "print" });
    expect(await page.locator(".site-header").isVisible()).toBe(false);
    expect(await page.locator("h1").isVisible()).toBe(false);
    expect(await label.isVisible()).toBe(true);
  });

  it("a label's address opens the device; an unknown tag says so and offers the find form", async () => {
    const page = await staffPage("volunteer");
    await open(page, "/team/devices/tag/TAB-0005");
    expect(new URL(page.url()).pathname).toMatch(/^\/team\/devices\/(?!tag)[^/]+$/);
    await page.locator("h1", { hasText: "TAB-0005" }).waitFor();

    const response = await page.goto("/team/devices/tag/NOPE-9999");
    expect(response?.status()).toBe(404);
    await page.locator("h1", { hasText: "Kein Gerät" }).waitFor();
    expect(await page.locator("#device-find-tag").inputValue()).toBe("NOPE-9999");
  });

  it("without a usable camera, Scan says so in words and the tag can still be typed", async () => {
    // This browser has no camera (and no one to allow one): getUserMedia is there but fails.
    const page = await staffPage("volunteer");
    await open(page, "/team/devices");
    await page.getByRole("button", { name: "Etikett scannen" }).click();
    const problem = page.locator(".device-find [role=alert]");
    await expect.poll(() => problem.innerText(), { timeout: 10_000 }).toMatch(/Keine Kamera gefunden|Die Kamera darf nicht benutzt werden/);
    expect(await page.locator("video").count()).toBe(0);
    await expectNoAxeViolations(page);
    await page.getByRole("button", { name: "Etikett scannen" }).waitFor();
    await page.locator("#device-find-tag").fill("tab-0005");
    await Promise.all([page.waitForURL(/\/team\/devices\/(?!tag)[^/?]+$/), page.locator("#device-find-tag").press("Enter")]);
    await page.locator("h1", { hasText: "TAB-0005" }).waitFor();
  });

  it("signed out, a scanned label leads to the sign-in and then to the device", async () => {
    const page = await newPage(browser());
    await page.goto("/team/devices/tag/TAB-0006");
    expect(new URL(page.url()).pathname).toBe("/team/sign-in");
  });
});
