// A place's lending settings: how long a loan runs by default and how long an offered device is held.
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";
import { MAX_LOAN_WEEKS } from "./values";

export const MAX_OFFER_DAYS = 14;

const wholeNumber = (min: number, max: number, error: string) =>
  z.preprocess(
    (v) => (typeof v === "string" && /^\s*\d+\s*$/.test(v) ? Number(v) : v),
    z.number({ error }).int({ error }).min(min, { error }).max(max, { error }),
  );

export const LendingSettingsInput = z.object({
  loanWeeks: wholeNumber(1, MAX_LOAN_WEEKS, "team:lendingSettings.errors.loanWeeks"),
  offerDays: wholeNumber(1, MAX_OFFER_DAYS, "team:lendingSettings.errors.offerDays"),
});

export async function lendingSettings(ctx: StaffCtx, locationId: string) {
  if (!can(ctx.actor, "location:manage", locationId)) throw forbidden("location:manage");
  const location = await ctx.db.location.findUnique({ where: { id: locationId }, select: { id: true, name: true, loanWeeks: true, offerDays: true } });
  if (!location) throw notFound("location");
  return location;
}

export async function updateLendingSettings(
  ctx: StaffCtx,
  locationId: string,
  input: z.output<typeof LendingSettingsInput>,
) {
  const before = await lendingSettings(ctx, locationId);
  return ctx.db.$transaction(async (tx) => {
    const location = await tx.location.update({ where: { id: locationId }, data: { loanWeeks: input.loanWeeks, offerDays: input.offerDays } });
    await audit(ctx, tx, {
      action: "location.lendingSettingsChanged",
      subjectType: "Location",
      subjectId: locationId,
      locationId,
      details: { loanWeeksFrom: before.loanWeeks, loanWeeksTo: input.loanWeeks, offerDaysFrom: before.offerDays, offerDaysTo: input.offerDays },
    });
    return location;
  });
}
