// Check-out: a device handed to a person with a mentor, the agreement and the checklist, in one transaction with the
// device's history (moveDevice), the outbox and the audit log. A replayed form (same idempotency key) lends nothing
// twice; two volunteers lending one device at once get one loan (the database's own rule decides).
import type { Ctx, StaffCtx, Tx } from "~/context";
import { Prisma } from "~/generated/prisma/client";
import { AppError, forbidden } from "~/lib/errors";
import { spelledOut, uniqueReference } from "~/lib/reference-code";
import { audit } from "~/capabilities/privacy/audit.server";
import { noteConsent } from "~/capabilities/privacy/consent.server";
import { can } from "~/capabilities/people/permissions";
import { intakePerson } from "~/capabilities/people/persons.server";
import { isUniqueViolation } from "~/lib/db-errors";
import { moveDevice } from "./device-history.server";
import { lendableTo, lendingRefusal } from "./lendability.server";
import { CHECKLIST_OUT, type LoanStatus, type ReservationEventKind, type ReservationStatus } from "./values";
import type { Role } from "~/capabilities/people/values";
import { checkDueOn, defaultDueOn, dueAtFor, formatDueDate } from "./loan-dates";
import type { CheckOutValues } from "./loan-inputs.server";


/** Staff who may mentor at a location: members there, or programme-wide roles. */
export async function mentorsFor(ctx: Ctx, tx: Tx, locationId: string) {
  return tx.staff.findMany({
    where: { active: true, OR: [{ role: { in: ["admin", "coordinator"] satisfies Role[] } }, { memberships: { some: { locationId } } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

export async function checkOutDevice(ctx: StaffCtx, input: CheckOutValues): Promise<{ id: string; reference: string; replay: boolean }> {
  const replay = await ctx.db.loan.findUnique({ where: { checkOutKey: input.idempotencyKey }, select: { id: true, reference: true, locationId: true } });
  if (replay) {
    if (!can(ctx.actor, "loan:manage", replay.locationId)) throw forbidden("loan:manage");
    return { id: replay.id, reference: replay.reference, replay: true };
  }
  const device = await ctx.db.device.findUnique({ where: { id: input.deviceId }, include: { location: true } });
  if (!device) throw new AppError(400, "loans:errors.deviceUnknown");
  if (!can(ctx.actor, "loan:manage", device.locationId)) throw forbidden("loan:manage");
  const missing = CHECKLIST_OUT.filter((item) => !input.checklist.includes(item));
  if (missing.length) throw new AppError(400, "loans:errors.checklistIncomplete", { missing: missing.join(",") });
  if (!input.agreementAccepted) throw new AppError(400, "loans:errors.agreementNotAccepted");
  const location = device.location;
  const dueOn = input.dueOn ?? defaultDueOn(ctx, location);
  checkDueOn(ctx, dueOn, location.timeZone);

  try {
    return await ctx.db.$transaction(async (tx) => {
      const person = await intakePerson(ctx, tx, input, "loans:errors.personMissing");
      // The signed agreement (on paper) says we write and call about the loan and remind of mentoring sessions.
      await noteConsent(ctx, tx, person.id, "contact", "paper");
      await noteConsent(ctx, tx, person.id, "mentoring", "paper");

      const current = await tx.device.findUniqueOrThrow({ where: { id: device.id }, select: { id: true, status: true } });
      const lendable = await lendableTo(ctx, tx, current, person.id);
      if (!lendable.lendable) throw new AppError(409, lendable.refusal, { status: current.status });
      const { reservation } = lendable;

      const mentors = await mentorsFor(ctx, tx, location.id);
      if (!mentors.some((m) => m.id === input.mentorId)) throw new AppError(400, "loans:errors.mentorNotAtLocation");
      const goals = [...new Set(input.learningGoals)];
      if (goals.length) {
        const known = await tx.mentoringTopic.count({ where: { id: { in: goals }, active: true } });
        if (known !== goals.length) throw new AppError(400, "loans:errors.topicUnknown");
      }

      const now = ctx.clock.now();
      const loan = await tx.loan.create({
        data: {
          reference: await uniqueReference(tx),
          deviceId: device.id,
          activeDeviceId: device.id,
          personId: person.id,
          locationId: location.id,
          mentorId: input.mentorId,
          handedOutById: ctx.actor.staffId,
          status: "active" satisfies LoanStatus,
          checkedOutAt: now,
          dueAt: dueAtFor(dueOn, location.timeZone),
          checklistOut: JSON.stringify(Object.fromEntries(CHECKLIST_OUT.map((item) => [item, true]))),
          agreementMode: input.agreementMode,
          agreementAcceptedAt: now,
          agreementLanguage: person.language,
          learningGoals: JSON.stringify(goals.map((topicId) => ({ topicId, achieved: null }))),
          checkOutKey: input.idempotencyKey,
          createdAt: now,
        },
      });
      await moveDevice(ctx, tx, device.id, {
        from: reservation ? ["reserved"] : ["available"],
        to: "on_loan",
        kind: "checked_out",
        loanId: loan.id,
        conflictKey: "loans:errors.justLent",
      });
      if (reservation) {
        await tx.reservation.update({ where: { id: reservation.id }, data: { status: "fulfilled" satisfies ReservationStatus, loanId: loan.id, updatedAt: now } });
        await tx.reservationEvent.create({
          data: { reservationId: reservation.id, at: now, kind: "fulfilled" satisfies ReservationEventKind, actorId: ctx.actor.staffId, data: JSON.stringify({ loanId: loan.id }) },
        });
      }
      await ctx.messenger.send(tx, {
        to: person,
        template: "loanCheckedOut",
        params: {
          reference: loan.reference,
          spelled: spelledOut(loan.reference),
          model: device.model,
          dueDate: formatDueDate(loan.dueAt, person.language, location.timeZone),
        },
        timeZone: location.timeZone,
        idempotencyKey: `loan-checked-out:${loan.id}`,
      });
      await audit(ctx, tx, {
        action: "loan.checkedOut",
        subjectType: "Loan",
        subjectId: loan.id,
        locationId: location.id,
        details: { deviceId: device.id, reservation: Boolean(reservation) },
      });
      return { id: loan.id, reference: loan.reference, replay: false };
    });
  } catch (error) {
    if (isUniqueViolation(error, "checkOutKey")) {
      const existing = await ctx.db.loan.findUnique({ where: { checkOutKey: input.idempotencyKey } });
      if (existing) return { id: existing.id, reference: existing.reference, replay: true };
    }
    if (isUniqueViolation(error)) throw new AppError(409, "loans:errors.justLent", { deviceId: device.id });
    if (error instanceof AppError && error.messageKey === "loans:errors.justLent") throw error;
    if (isBusy(error)) throw new AppError(409, "loans:errors.justLent", { deviceId: device.id });
    if (mayBeNotLendable(error)) {
      // The database's own rule (trigger Loan_device_lendable): the device changed between our check and the write.
      const now = await ctx.db.device.findUnique({ where: { id: device.id }, select: { status: true } });
      if (now && now.status !== "available") throw new AppError(409, lendingRefusal(now.status), { deviceId: device.id });
    }
    throw error;
  }
}

/**
 * The trigger Loan_device_lendable refused the loan. Prisma's SQLite adapter reports every trigger abort as a
 * foreign-key violation (P2003) and drops the trigger's message, so the caller re-reads the device to tell.
 */
const mayBeNotLendable = (error: unknown) => error instanceof Prisma.PrismaClientKnownRequestError && error.code === "P2003";
/** SQLite answers a write that lost the race for the lock with "busy": for the person, someone else was quicker. */
const isBusy = (error: unknown) => /SQLITE_BUSY|database is locked/i.test(String((error as Error)?.message ?? ""));
