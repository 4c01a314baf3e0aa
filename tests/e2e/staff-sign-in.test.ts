// Staff sign in and out by keyboard only; wrong input is explained; the session cookie is safe.
import { describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../prisma/seed-data";
import { demoStaff, newPage, signIn, tabTo, useBrowser } from "../helpers/browser";

const browser = useBrowser();

describe("staff sign-in", () => {
  it("works with the keyboard alone, from the entry page to the staff home and out again", async () => {
    const page = await newPage(browser());
    await page.goto("/");
    await tabTo(page, 'a[href="/team"]');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/sign-in/);

    await tabTo(page, 'input[name="email"]');
    await page.keyboard.type(demoStaff("librarian").email);
    await page.keyboard.press("Tab");
    await page.keyboard.type(DEMO_PASSWORD);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team$/);
    await expect(page.locator("h1").textContent()).resolves.toBe(`Guten Tag, ${demoStaff("librarian").name}`);

    const cookie = (await page.context().cookies()).find((c) => c.name === "da_session");
    expect(cookie).toMatchObject({ httpOnly: true, sameSite: "Lax" });

    await tabTo(page, 'form[action="/team/sign-out"] button');
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/team\/sign-in\?signedOut=1/);
    await expect(page.getByRole("status").textContent()).resolves.toContain("Sie sind abgemeldet");
    await page.goto("/team");
    expect(page.url()).toContain("/team/sign-in");
  });

  it("gives a new session id at every sign-in", async () => {
    const page = await newPage(browser());
    await signIn(page, "volunteer");
    const first = (await page.context().cookies()).find((c) => c.name === "da_session")?.value;
    await page.context().clearCookies({ name: "da_session" });
    await signIn(page, "volunteer");
    const second = (await page.context().cookies()).find((c) => c.name === "da_session")?.value;
    expect(first).toBeTruthy();
    expect(second).not.toBe(first);
  });

  it("explains a wrong password without JavaScript, keeps the e-mail and forgets the password", async () => {
    const page = await newPage(browser(), { javaScript: false });
    await page.goto("/team/sign-in");
    await page.locator('input[name="email"]').fill(demoStaff("coordinator").email);
    await page.locator('input[name="password"]').fill("falsch");
    const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('form button[type="submit"]').first().click()]);
    expect(response.status()).toBe(400);
    expect(await page.title()).toMatch(/^Fehler: /);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("E-Mail-Adresse oder Passwort stimmen nicht");
    expect(await page.locator('input[name="email"]').inputValue()).toBe(demoStaff("coordinator").email);
    expect(await page.locator('input[name="password"]').inputValue()).toBe("");
    const email = page.locator('input[name="email"]');
    expect(await email.getAttribute("aria-invalid")).toBe("true");
    const describedBy = (await email.getAttribute("aria-describedby")) ?? "";
    const descriptions = await Promise.all(describedBy.split(" ").map((id) => page.locator(`[id="${id}"]`).textContent()));
    expect(descriptions.join(" ")).toContain("E-Mail-Adresse oder Passwort stimmen nicht");
  });

  it("asks for what is missing when the form is empty", async () => {
    const page = await newPage(browser(), { lng: "en", javaScript: false });
    await page.goto("/team/sign-in");
    await page.locator('form button[type="submit"]').first().click();
    const summary = await page.getByRole("alert").textContent();
    expect(summary).toContain("Enter your email address");
    expect(summary).toContain("Enter your password");
    expect(await page.locator('.error-summary a[href="#' + (await page.locator('input[name="email"]').getAttribute("id")) + '"]').count()).toBe(1);
    // The summary takes focus also without JavaScript (GOV.UK pattern): keyboard users start from it.
    expect(await page.locator(".error-summary:focus").count()).toBe(1);
    await page.keyboard.press("Tab");
    expect(await page.locator(".error-summary a:focus").textContent()).toContain("Enter your email address");
  });

  it("slows down guessing: too many attempts get a kind 429", async () => {
    const page = await newPage(browser(), { javaScript: false });
    let status = 0;
    for (let i = 0; i < 6; i++) {
      await page.goto("/team/sign-in");
      await page.locator('input[name="email"]').fill("rate-limit@ambulanz.example");
      await page.locator('input[name="password"]').fill(`guess-${i}`);
      const [response] = await Promise.all([page.waitForResponse((r) => r.request().method() === "POST"), page.locator('form button[type="submit"]').first().click()]);
      status = response.status();
    }
    expect(status).toBe(429);
    await expect(page.getByRole("alert").textContent()).resolves.toContain("Zu viele Anmeldeversuche");
  });

  it("audit-logs a refused page, a failed sign-in and a sign-out; the audit page names them", async () => {
    const volunteer = await newPage(browser());
    await signIn(volunteer, "volunteer");
    const refused = await volunteer.goto("/team/audit");
    expect(refused!.status()).toBe(403);
    await volunteer.goto("/team");
    await Promise.all([volunteer.waitForURL(/signedOut=1/), volunteer.locator('form[action="/team/sign-out"] button').click()]);
    await volunteer.locator('input[name="email"]').fill(demoStaff("volunteer").email);
    await volunteer.locator('input[name="password"]').fill("vertippt");
    await Promise.all([volunteer.waitForResponse((r) => r.request().method() === "POST"), volunteer.locator('form button[type="submit"]').first().click()]);

    const admin = await newPage(browser());
    await signIn(admin, "admin");
    await admin.goto("/team/audit");
    const log = (await admin.locator("table").textContent()) ?? "";
    for (const label of ["Zugriff verweigert", "/team/audit", "Anmeldung fehlgeschlagen", "Abgemeldet"]) expect(log).toContain(label);
    expect(log).not.toContain("vertippt");
  });

  it("sends people who are not signed in to the sign-in page, and back afterwards", async () => {
    const page = await newPage(browser());
    await page.goto("/team/locations");
    expect(new URL(page.url()).pathname).toBe("/team/sign-in");
    await page.locator('input[name="email"]').fill(demoStaff("admin").email);
    await page.locator('input[name="password"]').fill(DEMO_PASSWORD);
    await Promise.all([page.waitForURL(/\/team\/locations$/), page.locator('form button[type="submit"]').first().click()]);
  });
});
