// Lending at the desk in the browser: a volunteer lends TAB-0005 to someone new by keyboard alone, prints the
// agreement, takes the device back with the return checklist and confirms the reset. And a forgotten checklist box.
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { baseUrl, newPage, tabTo, tick, useBrowser, waitForHydration, useStaffPages } from "../helpers/browser";
import { fillCheckOut } from "../helpers/lending-e2e";

const browser = useBrowser();
const REFERENCE = /^[34679ACDEFGHJKMNPQRTUVWXY]{6}$/;

const staffPage = useStaffPages(browser);

const focusedName = (page: Page, name: string) =>
  page.waitForFunction((n) => document.activeElement?.getAttribute("name") === n, name);

describe("lending a device", () => {
  it("a volunteer lends TAB-0005 to someone new, prints the agreement, takes it back and resets it – by keyboard", async () => {
    const page = await staffPage("volunteer");
    await page.goto("/team");
    await waitForHydration(page);
    await tabTo(page, 'nav a[href="/team/loans"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/loans$/);
    await tabTo(page, 'a[href="/team/loans/new"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/loans\/new$/);

    // 1: the number (someone new), then their first name.
    await focusedName(page, "query");
    await page.keyboard.type("0151 5550 1234");
    await page.keyboard.press("Enter");
    await focusedName(page, "person.firstName");
    expect(new URL(page.url()).search).toBe("");
    await page.keyboard.type("Renate");
    await page.keyboard.press("Enter");

    // 2: the device, typed as on its label.
    await focusedName(page, "assetTag");
    await page.keyboard.type("TAB-0005");
    await page.keyboard.press("Enter");

    // 3: due date and mentor are filled in; tick the checklist and accept on screen.
    await page.locator('input[name="dueOn"]').waitFor();
    for (const item of ["charged", "accessoriesPresent", "accountExplained", "simActive"]) {
      await tick(page, `input[name="checklist"][value="${item}"]`);
    }
    await tick(page, 'input[name="agreementAccepted"]');
    await tabTo(page, "form#loan-details button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/loans\/[^/?]+\?created=1$/);
    const loanPath = new URL(page.url()).pathname;

    const reference = ((await page.locator(".reference-panel__code").textContent()) ?? "").trim();
    expect(reference).toMatch(REFERENCE);
    const facts = (await page.locator(".loan-facts").textContent()) ?? "";
    expect(facts).toContain("Renate");
    expect(facts).toContain("TAB-0005");
    expect(facts).toContain("Ausgeliehen");

    // The agreement, in the borrower's language.
    await tabTo(page, `a[href="${loanPath}/agreement?variant=person"]`);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/agreement\?variant=person$/);
    const agreement = page.locator("article.agreement");
    await expect(agreement.getAttribute("lang")).resolves.toBe("de");
    const sheet = (await agreement.textContent()) ?? "";
    expect(sheet).toContain("Leihvertrag");
    expect(sheet).toContain("Renate");
    expect(sheet).toContain("TAB-0005");
    expect(sheet).toContain(reference);
    expect(sheet).toContain("kostenlos");

    // Back on the loan page: the return.
    await page.goto(loanPath);
    await waitForHydration(page);
    await tabTo(page, `a[href="${loanPath}/check-in"]`, 80);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/check-in$/);
    await waitForHydration(page);
    await tick(page, 'input[name="accessoriesComplete"][value="yes"]');
    await tick(page, 'input[name="condition"][value="good"]');
    await tick(page, 'input[name="factoryReset"][value="yes"]');
    await tick(page, 'input[name="accountRemoved"][value="yes"]');
    await tick(page, 'input[name="sim"][value="deactivated"]');
    await tick(page, 'input[name="outcome"][value="returned"]');
    await tabTo(page, "form#loan-check-in button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === loanPath);
    await page.getByRole("status").filter({ hasText: "Rückgabe ist gespeichert" }).waitFor();
    expect((await page.locator(".loan-facts").textContent()) ?? "").toContain("Muss zurückgesetzt werden");

    // The reset: available again.
    await waitForHydration(page);
    await tabTo(page, `a[href="${loanPath}/reset"]`, 80);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/reset$/);
    await waitForHydration(page);
    await tick(page, 'input[name="factoryReset"]');
    await tick(page, 'input[name="accountsRemoved"]');
    await tick(page, 'input[name="charged"]');
    await tabTo(page, "form#loan-reset button[type=submit]");
    await page.keyboard.press("Enter");
    await page.waitForURL((url) => url.pathname === loanPath);
    await page.getByRole("status").filter({ hasText: "wieder verfügbar" }).waitFor();
    expect((await page.locator(".loan-facts").textContent()) ?? "").toContain("Verfügbar");
    await page.context().close();
  });

  it("a forgotten checklist box is named in the error summary, and every answer is kept", async () => {
    const page = await staffPage("volunteer");
    await page.goto("/team/loans/new");
    await waitForHydration(page);
    await page.locator('input[name="query"]').fill("0151 5550 4321");
    await page.locator("form#loan-find button[type=submit]").click();
    await page.locator('input[name="person.firstName"]').fill("Walter");
    await page.locator("form#loan-person button[type=submit]").click();
    await page.locator('input[name="assetTag"]').fill("TAB-0006");
    await page.locator("form#loan-device button[type=submit]").click();
    await page.locator('input[name="dueOn"]').waitFor();
    await page.locator('input[name="dueOn"]').fill("2027-01-15");
    for (const item of ["charged", "accessoriesPresent", "simActive"]) {
      await page.locator(`input[name="checklist"][value="${item}"]`).check({ force: true });
    }
    await page.locator('input[name="agreementAccepted"]').check({ force: true });
    await page.locator("form#loan-details button[type=submit]").click();

    const summary = page.getByRole("alert");
    await summary.locator("a", { hasText: "Nicht abgehakt: Konto ist eingerichtet und erklärt" }).waitFor();
    expect(new URL(page.url()).pathname).toBe("/team/loans/new");
    await expect(page.locator('input[name="dueOn"]').inputValue()).resolves.toBe("2027-01-15");
    await expect(page.locator('input[name="checklist"][value="charged"]').isChecked()).resolves.toBe(true);
    await expect(page.locator('input[name="checklist"][value="accountExplained"]').isChecked()).resolves.toBe(false);
    await expect(page.locator('input[name="agreementAccepted"]').isChecked()).resolves.toBe(true);
    expect((await page.locator(".loan-checkout__chosen").textContent()) ?? "").toContain("Walter");
    await page.context().close();
  });

  it("a damaged return with a photo: a GIF is refused, a PNG is kept and shown only to staff", async () => {
    // TAB-0006 goes out and comes back here, and ends available again (the other files pick it at the details step).
    const page = await staffPage("volunteer");
    await fillCheckOut(page, { phone: "0151 5550 6006", firstName: "Jürgen", assetTag: "tab-0006", onPaper: true });
    await Promise.all([page.waitForURL(/\/team\/loans\/[^/?]+\?created=1$/), page.locator("form#loan-details button[type=submit]").click()]);
    const loanPath = new URL(page.url()).pathname;

    await page.goto(`${loanPath}/check-in`);
    await waitForHydration(page);
    const answer = async () => {
      await page.locator('input[name="accessoriesComplete"][value="yes"]').check({ force: true });
      await page.locator('input[name="condition"][value="damaged"]').check({ force: true });
      await page.locator('textarea[name="damageNote"]').fill("Sprung in der Ecke");
      for (const [name, value] of [["factoryReset", "yes"], ["accountRemoved", "yes"], ["sim", "kept"], ["outcome", "bought_own"]]) {
        await page.locator(`input[name="${name}"][value="${value}"]`).check({ force: true });
      }
    };
    await answer();
    await page.locator('input[name="photo"]').setInputFiles({ name: "schaden.gif", mimeType: "image/gif", buffer: Buffer.from("GIF89a") });
    await page.locator("form#loan-check-in button[type=submit]").click();
    await page.getByRole("alert").locator("a", { hasText: "JPEG-, PNG- oder WebP-Bild" }).waitFor();
    await expect(page.locator('textarea[name="damageNote"]').inputValue()).resolves.toBe("Sprung in der Ecke");

    await answer();
    await page.locator('input[name="photo"]').setInputFiles({ name: "schaden.png", mimeType: "image/png", buffer: PNG });
    await Promise.all([page.waitForURL((url) => url.pathname === loanPath), page.locator("form#loan-check-in button[type=submit]").click()]);
    const src = await page.locator(".loan-photos img").getAttribute("src");
    expect(src).toMatch(new RegExp(`^${loanPath}/photo/`));
    const photo = await page.request.get(src!);
    expect(photo.headers()["content-type"]).toBe("image/png");
    expect(Buffer.from(await photo.body()).equals(PNG)).toBe(true);
    const anonymous = await newPage(browser());
    const refused = await anonymous.request.get(`${baseUrl()}${src}`, { maxRedirects: 0 });
    expect(refused.headers()["content-type"] ?? "").not.toBe("image/png");
    await anonymous.context().close();
    expect((await page.locator("main").textContent()) ?? "").toContain("Sprung in der Ecke");

    await page.goto(`${loanPath}/reset`);
    await waitForHydration(page);
    for (const box of ["factoryReset", "accountsRemoved", "charged"]) await page.locator(`input[name="${box}"]`).check({ force: true });
    await Promise.all([page.waitForURL((url) => url.pathname === loanPath), page.locator("form#loan-reset button[type=submit]").click()]);
    expect((await page.locator(".loan-facts").textContent()) ?? "").toContain("Verfügbar");
    await page.context().close();
  });
});

/** A 1×1 PNG. */
const PNG = Buffer.from(
  "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==",
  "base64",
);
