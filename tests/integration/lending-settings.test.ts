// A place's lending settings: coordinators set the loan length and the offer window; nobody else can.
import { describe, expect, it } from "vitest";
import { defaultDueOn } from "~/capabilities/lending/loan-dates";
import { LendingSettingsInput, updateLendingSettings } from "~/capabilities/lending/settings.server";

import { AppError } from "~/lib/errors";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeStaff, staffContext } from "../helpers/factories";

const services = await createTestServices("2026-11-24T10:00:00Z");
const { db } = services;
const centre = await makeLocation(db);
const staffCtx = (row: Parameters<typeof staffContext>[1]) => staffContext(services, row);
const coordinator = staffCtx(await makeStaff(db, { role: "coordinator" }));
const volunteer = staffCtx(await makeStaff(db, { role: "volunteer", locationIds: [centre.id] }));

describe("lending settings of a place", () => {
  it("lets a coordinator shorten loans, which moves the suggested due date, and logs the change", async () => {
    await updateLendingSettings(coordinator, centre.id, LendingSettingsInput.parse({ loanWeeks: "6", offerDays: "5" }));
    const location = await db.location.findUniqueOrThrow({ where: { id: centre.id } });
    expect([location.loanWeeks, location.offerDays]).toEqual([6, 5]);
    expect(defaultDueOn(coordinator, location)).toBe("2027-01-05");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "location.lendingSettingsChanged" } });
    expect(JSON.parse(entry.details)).toMatchObject({ loanWeeksFrom: 8, loanWeeksTo: 6 });
  });

  it("refuses volunteers, even at their own place", async () => {
    const error = await updateLendingSettings(volunteer, centre.id, { loanWeeks: 4, offerDays: 2 }).catch((e: unknown) => e);
    expect((error as AppError).status).toBe(403);
    expect((await db.location.findUniqueOrThrow({ where: { id: centre.id } })).loanWeeks).toBe(6);
  });

  it("accepts only whole numbers in range", () => {
    for (const bad of [{ loanWeeks: "0", offerDays: "3" }, { loanWeeks: "27", offerDays: "3" }, { loanWeeks: "2.5", offerDays: "3" }, { loanWeeks: "8", offerDays: "" }]) {
      expect(LendingSettingsInput.safeParse(bad).success).toBe(false);
    }
  });
});
