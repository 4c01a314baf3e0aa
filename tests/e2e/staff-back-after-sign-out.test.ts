// After sign-out, the browser's Back button shows no staff page: staff pages are never stored (Cache-Control:
// no-store), so Chromium neither restores them from the back/forward cache nor from its HTTP cache. Also: citizen
// and staff pages run under the CSP without inline style elements (style attributes only; decision 024).
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { newPage, openStaffPage, sharedApp, signIn, useBrowser } from "../helpers/browser";

const browser = useBrowser();
let personPath = "";

beforeAll(async () => {
  const db = await openDatabase(sharedApp().databaseUrl);
  try {
    const person = await db.person.create({ data: { firstName: "Zurück", phone: "+4915199990417", phoneType: "mobile" } });
    personPath = `/team/people/${person.id}`;
  } finally {
    await db.$disconnect();
  }
});

describe("Back after sign-out", () => {
  it("asks the server again and lands on the sign-in, without the person's phone number", async () => {
    const page = await newPage(browser());
    await signIn(page, "coordinator");
    await openStaffPage(page, personPath);
    await expect(page.locator("main").innerText()).resolves.toMatch(/01519 9990417/);

    await Promise.all([page.waitForURL(/\/team\/sign-in\?signedOut=1$/), page.locator(".staff-signout button[type=submit]").click()]);
    // One navigation, its redirect included: a page restored from the back/forward cache would stay on the person.
    await page.goBack({ waitUntil: "load" });
    await expect(page.locator("body").innerText()).resolves.not.toMatch(/9990417|Zurück/);
    expect(new URL(page.url()).pathname).toBe("/team/sign-in");
    await page.context().close();
  });
});

describe("styles under the CSP", () => {
  it("shows citizen and staff pages with radio buttons and checkboxes without a CSP violation", async () => {
    const page = await newPage(browser());
    const violations: string[] = [];
    page.on("console", (m) => m.text().includes("Content Security Policy") && violations.push(m.text()));
    await page.goto("/callback");
    await signIn(page, "admin");
    await openStaffPage(page, "/team/ui-kit");
    expect(violations.join("\n")).toBe("");
    await page.context().close();
  });
});
