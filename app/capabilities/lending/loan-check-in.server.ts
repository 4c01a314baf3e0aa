// Check-in and after: the device back with its accessories and condition, the reset that makes it lendable again,
// and the follow-up on anything missing. Each in one transaction with the device's history and the audit log.
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { AppError } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { isUniqueViolation } from "~/lib/db-errors";
import { moveDevice, recordDeviceEvent } from "./device-history.server";
import { jsonList, type LoanStatus } from "./values";
import {
  type CheckInValues,
  PHOTO_MAX_BYTES,
  PHOTO_TYPES,
  ResetInput,
  ResolveFollowUpInput,
} from "./loan-inputs.server";
import { cancelQueuedReminders, loanForStaff } from "./loans.server";

export async function checkInDevice(ctx: StaffCtx, loanId: string, input: CheckInValues) {
  if (input.photo) {
    if (!PHOTO_TYPES.includes(input.photo.contentType as (typeof PHOTO_TYPES)[number])) throw new AppError(400, "loans:errors.photoType");
    if (input.photo.data.byteLength > PHOTO_MAX_BYTES) throw new AppError(400, "loans:errors.photoTooLarge");
  }
  if (input.condition === "damaged" && !input.damageNote) throw new AppError(400, "loans:errors.damageNoteRequired");
  try {
    return await ctx.db.$transaction(async (tx) => {
      const loan = await loanForStaff(ctx, tx, loanId);
      if (loan.checkInKey && loan.checkInKey === input.idempotencyKey) return { replay: true };
      if (loan.status !== "active") throw new AppError(409, "loans:errors.alreadyReturned");
      const now = ctx.clock.now();
      const missing = input.accessoriesComplete === "no" ? [...new Set(input.missingAccessories)] : [];
      const achieved = new Set(input.achievedGoals);
      const goals = jsonList<{ topicId: string; achieved: boolean | null }>(loan.learningGoals).map((g) => ({
        topicId: g.topicId,
        achieved: achieved.has(g.topicId),
      }));
      const changed = await tx.loan.updateMany({
        where: { id: loan.id, status: "active" satisfies LoanStatus },
        data: {
          status: "returned" satisfies LoanStatus,
          returnedAt: now,
          receivedById: ctx.actor.staffId,
          activeDeviceId: null,
          checklistIn: JSON.stringify({
            accessoriesComplete: input.accessoriesComplete === "yes",
            missingAccessories: missing,
            condition: input.condition,
            factoryReset: input.factoryReset === "yes",
            accountRemoved: input.accountRemoved === "yes",
            sim: input.sim,
          }),
          learningGoals: JSON.stringify(goals),
          outcome: input.outcome,
          damageNote: input.condition === "damaged" ? (input.damageNote ?? null) : null,
          followUp: missing.length ? missing.join(",") : null,
          checkInKey: input.idempotencyKey,
          updatedAt: now,
        },
      });
      if (changed.count !== 1) throw new AppError(409, "loans:errors.alreadyReturned");
      if (input.photo) {
        await tx.loanPhoto.create({
          data: { loanId: loan.id, contentType: input.photo.contentType, data: Buffer.from(input.photo.data), createdAt: now },
        });
      }
      await moveDevice(ctx, tx, loan.deviceId, {
        from: ["on_loan"],
        to: "needs_reset",
        kind: "checked_in",
        loanId: loan.id,
        data: { condition: input.condition, complete: missing.length === 0 },
      });
      await cancelQueuedReminders(ctx, tx, loan.id);
      await audit(ctx, tx, {
        action: "loan.checkedIn",
        subjectType: "Loan",
        subjectId: loan.id,
        locationId: loan.locationId,
        details: { condition: input.condition, followUp: missing.length > 0, photo: Boolean(input.photo) },
      });
      return { replay: false };
    });
  } catch (error) {
    if (isUniqueViolation(error, "checkInKey")) {
      const existing = await ctx.db.loan.findUnique({ where: { checkInKey: input.idempotencyKey }, select: { id: true } });
      if (existing?.id === loanId) return { replay: true };
    }
    throw error;
  }
}

/** After a return: the device was wiped, accounts removed and charged, so it can go out again. */
export async function confirmReset(ctx: StaffCtx, loanId: string, _input: z.output<typeof ResetInput>) {
  return ctx.db.$transaction(async (tx) => {
    const loan = await loanForStaff(ctx, tx, loanId);
    if (loan.status === "active") throw new AppError(409, "loans:errors.resetWhileOnLoan");
    const device = await tx.device.findUniqueOrThrow({ where: { id: loan.deviceId }, select: { status: true } });
    if (device.status !== "needs_reset") throw new AppError(409, "loans:errors.resetNotNeeded", { status: device.status });
    await moveDevice(ctx, tx, loan.deviceId, { from: ["needs_reset"], to: "available", kind: "reset_confirmed", loanId: loan.id });
    await audit(ctx, tx, { action: "loan.resetConfirmed", subjectType: "Loan", subjectId: loan.id, locationId: loan.locationId });
  });
}

export async function resolveFollowUp(ctx: StaffCtx, loanId: string, input: z.output<typeof ResolveFollowUpInput>) {
  return ctx.db.$transaction(async (tx) => {
    const loan = await loanForStaff(ctx, tx, loanId);
    if (!loan.followUp || loan.followUpResolvedAt) throw new AppError(409, "loans:errors.noFollowUp");
    await tx.loan.update({ where: { id: loan.id }, data: { followUpResolvedAt: ctx.clock.now(), updatedAt: ctx.clock.now() } });
    await recordDeviceEvent(ctx, tx, loan.deviceId, {
      kind: "follow_up_resolved",
      loanId: loan.id,
      data: { missing: loan.followUp, ...(input.note ? { note: input.note } : {}) },
    });
    await audit(ctx, tx, { action: "loan.followUpResolved", subjectType: "Loan", subjectId: loan.id, locationId: loan.locationId });
  });
}
