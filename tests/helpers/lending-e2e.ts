// Browser steps shared by the lending journeys.
import type { Page } from "playwright-core";
import { openStaffPage } from "./browser";

/**
 * Check-out for someone new (`phone`, `firstName`) and the tablet `assetTag`, up to the last step: every checklist
 * box ticked and the agreement accepted (on paper, when asked), not yet sent.
 */
export async function fillCheckOut(page: Page, { phone, firstName, assetTag, onPaper = false }: { phone: string; firstName: string; assetTag: string; onPaper?: boolean }) {
  await openStaffPage(page, "/team/loans/new");
  await page.locator('input[name="query"]').fill(phone);
  await page.locator("form#loan-find button[type=submit]").click();
  await page.locator('input[name="person.firstName"]').fill(firstName);
  await page.locator("form#loan-person button[type=submit]").click();
  await page.locator('input[name="assetTag"]').fill(assetTag);
  await page.locator("form#loan-device button[type=submit]").click();
  await page.locator('input[name="dueOn"]').waitFor();
  for (const item of ["charged", "accessoriesPresent", "accountExplained", "simActive"]) {
    await page.locator(`input[name="checklist"][value="${item}"]`).check({ force: true });
  }
  if (onPaper) await page.locator('input[name="agreementMode"][value="paper"]').check({ force: true });
  await page.locator('input[name="agreementAccepted"]').check({ force: true });
}
