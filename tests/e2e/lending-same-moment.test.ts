// Issue 3's database rule, through the real pages: two staff hand out the same tablet at the same moment (each to
// their own borrower) — exactly one loan is made, the other person is told in words and their answers are kept.
import type { Page } from "playwright-core";
import { beforeAll, describe, expect, it } from "vitest";
import { openDatabase } from "~/db.server";
import { sharedApp, useBrowser, useStaffPages } from "../helpers/browser";
import { fillCheckOut } from "../helpers/lending-e2e";

const browser = useBrowser();
const staffPage = useStaffPages(browser);
const TAG = "TAB-0950";
let deviceId = "";

beforeAll(async () => {
  // A tablet of its own, so no other browser test finds it lent.
  const db = await openDatabase(sharedApp().databaseUrl);
  try {
    const centre = await db.location.findUniqueOrThrow({ where: { slug: "bz-vahr" } });
    const device = await db.device.create({
      data: { assetTag: TAG, model: "Lenovo Tab M10 (3rd Gen)", locationId: centre.id, status: "available", accessories: JSON.stringify(["charger", "case"]) },
    });
    deviceId = device.id;
  } finally {
    await db.$disconnect();
  }
});

describe("two staff hand out one tablet at the same moment", () => {
  it("makes exactly one loan; the other page says the tablet is already lent and keeps what was entered", async () => {
    const volunteer = await staffPage("volunteer");
    const coordinator = await staffPage("coordinator");
    await fillCheckOut(volunteer, { phone: "0151 5550 9501", firstName: "Gisela", assetTag: TAG, onPaper: true });
    await fillCheckOut(coordinator, { phone: "0151 5550 9502", firstName: "Horst", assetTag: TAG, onPaper: true });

    await Promise.all([volunteer, coordinator].map((page) => page.locator("form#loan-details button[type=submit]").click()));

    // Each page ends either on the new loan or with the refusal in its error summary.
    const outcome = (page: Page) =>
      Promise.race([
        page.waitForURL(/\/team\/loans\/[^/?]+\?created=1$/).then(() => "lent" as const),
        page.getByRole("alert").filter({ hasText: /gerade eben ausgeliehen|schon ausgeliehen/ }).waitFor().then(() => "refused" as const),
      ]);
    const [ofVolunteer, ofCoordinator] = await Promise.all([outcome(volunteer), outcome(coordinator)]);
    expect([ofVolunteer, ofCoordinator].sort()).toEqual(["lent", "refused"]);

    const refused = ofVolunteer === "refused" ? volunteer : coordinator;
    expect(new URL(refused.url()).pathname).toBe("/team/loans/new");
    await expect(refused.locator('input[name="checklist"][value="charged"]').isChecked()).resolves.toBe(true);
    expect((await refused.locator(".loan-checkout__chosen").textContent()) ?? "").toContain(refused === volunteer ? "Gisela" : "Horst");

    const db = await openDatabase(sharedApp().databaseUrl);
    try {
      expect(await db.loan.count({ where: { deviceId, status: "active" } })).toBe(1);
    } finally {
      await db.$disconnect();
    }
    await volunteer.context().close();
    await coordinator.context().close();
  });
});
