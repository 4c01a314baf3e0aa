// Loans: a device handed to a person with a mentor, and everything until it is back on the shelf. Each change is
// one transaction with the device's history (moveDevice), the outbox and the audit log. Offline replays of a
// form (same idempotency key) do nothing twice; two volunteers lending one device at once get one loan.
import { fromDate, parseDate, toCalendarDate } from "@internationalized/date";
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import { Prisma } from "~/generated/prisma/client";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { atLocalTime, nextSendableTime } from "~/lib/quiet-hours";
import { spelledOut, uniqueReference } from "~/lib/reference-code";
import { audit } from "~/capabilities/privacy/audit.server";
import { can, locationScope } from "~/capabilities/people/permissions";
import { intakePerson, NewPersonInput } from "~/capabilities/people/persons.server";
import { pageCount, pageWindow } from "~/lib/pages";
import { isUniqueViolation } from "~/lib/db-errors";
import { moveDevice, recordDeviceEvent } from "./device-history.server";
import type { LoanView } from "./loan-views";
import {
  ACCESSORIES,
  AGREEMENT_MODES,
  CHECKLIST_OUT,
  jsonList,
  LOAN_OUTCOMES,
  type LoanStatus,
  MAX_LOAN_WEEKS,
  NOTES_MAX,
  type ReservationEventKind,
  type ReservationStatus,
  RETURN_CONDITIONS,
  SIM_AT_RETURN,
} from "./values";
import type { Role } from "~/capabilities/people/values";
import type { MessageStatus } from "~/capabilities/messaging/values";

/** The hour a loan is due on its last day, in the location's time zone (end of a usual opening day). */
export const DUE_HOUR = 18;
/** "Due soon" on the list: due within this many days. */
export const DUE_SOON_DAYS = 7;
export const PAGE_SIZE = 25;
export const PHOTO_MAX_BYTES = 5 * 1024 * 1024;
export const PHOTO_TYPES = ["image/jpeg", "image/png", "image/webp"] as const;

const blankToUndefined = (v: unknown) => (typeof v === "string" && v.trim() === "" ? undefined : v);
const OptionalId = z.preprocess(blankToUndefined, z.string().trim().optional());
const list = (v: unknown) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]);
const ticked = z.preprocess((v) => v === "on" || v === "true" || v === true, z.boolean());
const YesNo = (error: string) => z.enum(["yes", "no"], { error });
const IdempotencyKey = z.string({ error: "loans:errors.formExpired" }).trim().min(8, { error: "loans:errors.formExpired" }).max(100);
const Note = z.preprocess(blankToUndefined, z.string().trim().max(NOTES_MAX, { error: "loans:errors.noteTooLong" }).optional());

/** A calendar date as the browser's date field sends it: "2026-12-24". */
const DateOnly = (error: string) =>
  z
    .string({ error })
    .trim()
    .regex(/^\d{4}-\d{2}-\d{2}$/, { error })
    .refine((v) => {
      try {
        parseDate(v);
        return true;
      } catch {
        return false;
      }
    }, { error });

export const CheckOutInput = z
  .object({
    personId: OptionalId,
    person: NewPersonInput.optional(),
    deviceId: z.string({ error: "loans:errors.deviceRequired" }).trim().min(1, { error: "loans:errors.deviceRequired" }),
    dueOn: z.preprocess(blankToUndefined, DateOnly("loans:errors.dueOnInvalid").optional()),
    mentorId: z.string({ error: "loans:errors.mentorRequired" }).trim().min(1, { error: "loans:errors.mentorRequired" }),
    checklist: z.preprocess(list, z.array(z.enum(CHECKLIST_OUT))),
    learningGoals: z.preprocess(list, z.array(z.string().trim().min(1))).default([]),
    agreementMode: z.enum(AGREEMENT_MODES, { error: "loans:errors.agreementModeRequired" }),
    agreementAccepted: ticked,
    idempotencyKey: IdempotencyKey,
  })
  .superRefine((input, issue) => {
    for (const item of CHECKLIST_OUT) {
      if (!input.checklist.includes(item)) {
        issue.addIssue({ code: "custom", path: ["checklist"], message: `loans:errors.checklistMissing.${item}` });
      }
    }
    if (!input.agreementAccepted) {
      issue.addIssue({ code: "custom", path: ["agreementAccepted"], message: "loans:errors.agreementNotAccepted" });
    }
  });
export type CheckOutValues = z.output<typeof CheckOutInput>;

export const CheckInInput = z
  .object({
    accessoriesComplete: YesNo("loans:errors.accessoriesCompleteRequired"),
    missingAccessories: z.preprocess(list, z.array(z.enum(ACCESSORIES))).default([]),
    condition: z.enum(RETURN_CONDITIONS, { error: "loans:errors.conditionRequired" }),
    damageNote: Note,
    factoryReset: YesNo("loans:errors.factoryResetRequired"),
    accountRemoved: YesNo("loans:errors.accountRemovedRequired"),
    sim: z.enum(SIM_AT_RETURN, { error: "loans:errors.simRequired" }),
    achievedGoals: z.preprocess(list, z.array(z.string().trim().min(1))).default([]),
    outcome: z.enum(LOAN_OUTCOMES, { error: "loans:errors.outcomeRequired" }),
    idempotencyKey: IdempotencyKey,
  })
  .superRefine((input, issue) => {
    if (input.accessoriesComplete === "no" && input.missingAccessories.length === 0) {
      issue.addIssue({ code: "custom", path: ["missingAccessories"], message: "loans:errors.missingAccessoriesRequired" });
    }
    if (input.condition === "damaged" && !input.damageNote) {
      issue.addIssue({ code: "custom", path: ["damageNote"], message: "loans:errors.damageNoteRequired" });
    }
  });
export type CheckInValues = z.output<typeof CheckInInput> & { photo?: { contentType: string; data: Uint8Array } | null };

export const ResetInput = z.object({
  factoryReset: ticked.refine((v) => v, { error: "loans:errors.resetFactoryMissing" }),
  accountsRemoved: ticked.refine((v) => v, { error: "loans:errors.resetAccountsMissing" }),
  charged: ticked.refine((v) => v, { error: "loans:errors.resetChargedMissing" }),
});

export const ExtendInput = z.object({ dueOn: DateOnly("loans:errors.dueOnInvalid"), note: Note });
export const LostInput = z.object({
  kind: z.enum(["lost", "stolen"], { error: "loans:errors.lostKindRequired" }),
  note: Note,
});
export const ResolveFollowUpInput = z.object({ note: Note });

// ---------------------------------------------------------------------------------------------------------
// Dates

const today = (ctx: Ctx, timeZone: string) => toCalendarDate(fromDate(ctx.clock.now(), timeZone));

/** The moment a loan is due: DUE_HOUR on that day at the location. */
export function dueAtFor(dueOn: string, timeZone: string): Date {
  return atLocalTime(new Date(`${dueOn}T12:00:00Z`), DUE_HOUR, timeZone);
}

/** "2026-12-24" for a due moment, in the location's calendar. */
export function dueOnOf(dueAt: Date, timeZone: string): string {
  return toCalendarDate(fromDate(dueAt, timeZone)).toString();
}

export function defaultDueOn(ctx: Ctx, location: { loanWeeks: number; timeZone: string }): string {
  return today(ctx, location.timeZone).add({ weeks: location.loanWeeks }).toString();
}

/** Not in the past, at most MAX_LOAN_WEEKS from today. */
function checkDueOn(ctx: Ctx, dueOn: string, timeZone: string) {
  const now = today(ctx, timeZone);
  const date = parseDate(dueOn);
  if (date.compare(now) < 0) throw new AppError(400, "loans:errors.dueInPast");
  if (date.compare(now.add({ weeks: MAX_LOAN_WEEKS })) > 0) throw new AppError(400, "loans:errors.dueTooLate", { max: MAX_LOAN_WEEKS });
}

/** The due date in words in someone's language, for messages ("24. Dezember 2026"). */
export function formatDueDate(dueAt: Date, language: string, timeZone: string): string {
  try {
    return new Intl.DateTimeFormat(language, { dateStyle: "long", timeZone }).format(dueAt);
  } catch {
    return new Intl.DateTimeFormat("de", { dateStyle: "long", timeZone }).format(dueAt);
  }
}

// ---------------------------------------------------------------------------------------------------------
// Helpers

const REFUSED_STATUS: Record<string, string> = {
  on_loan: "loans:errors.deviceOnLoan",
  needs_reset: "loans:errors.deviceNeedsReset",
  in_repair: "loans:errors.deviceInRepair",
  retired: "loans:errors.deviceRetired",
  reserved: "loans:errors.deviceReservedForOther",
};

/** Staff who may mentor at a location: members there, or programme-wide roles. */
export async function mentorsFor(ctx: Ctx, tx: Tx, locationId: string) {
  return tx.staff.findMany({
    where: { active: true, OR: [{ role: { in: ["admin", "coordinator"] satisfies Role[] } }, { memberships: { some: { locationId } } }] },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Queued reminders of a loan that no longer apply (returned, lost, or a new due date). */
export async function cancelQueuedReminders(ctx: Ctx, tx: Tx, loanId: string) {
  await tx.message.updateMany({
    where: {
      status: "queued" satisfies MessageStatus,
      OR: [{ idempotencyKey: { startsWith: `loan-due-soon:${loanId}:` } }, { idempotencyKey: { startsWith: `loan-overdue:${loanId}:` } }],
    },
    data: { status: "cancelled" satisfies MessageStatus },
  });
}

async function loanForStaff(ctx: StaffCtx, tx: Tx, loanId: string) {
  const loan = await tx.loan.findUnique({ where: { id: loanId } });
  if (!loan) throw notFound("loan");
  if (!can(ctx.actor, "loan:manage", loan.locationId)) throw forbidden("loan:manage");
  return loan;
}

// ---------------------------------------------------------------------------------------------------------
// Check-out

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

      const current = await tx.device.findUniqueOrThrow({ where: { id: device.id }, select: { status: true } });
      const reservation =
        current.status === "reserved"
          ? await tx.reservation.findFirst({
              where: { offeredDeviceId: device.id, personId: person.id, status: { in: ["offered", "accepted"] satisfies ReservationStatus[] } },
            })
          : null;
      if (current.status !== "available" && !reservation) {
        throw new AppError(409, REFUSED_STATUS[current.status] ?? "loans:errors.deviceUnavailable", { status: current.status });
      }

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
          reference: await uniqueReference(tx, "loan"),
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
        sendAfter: nextSendableTime(now, location.timeZone),
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
      if (now && now.status !== "available") throw new AppError(409, REFUSED_STATUS[now.status] ?? "loans:errors.deviceUnavailable", { deviceId: device.id });
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

// ---------------------------------------------------------------------------------------------------------
// Check-in and after

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

export async function extendLoan(ctx: StaffCtx, loanId: string, input: z.output<typeof ExtendInput>) {
  return ctx.db.$transaction(async (tx) => {
    const loan = await loanForStaff(ctx, tx, loanId);
    if (loan.status !== "active") throw new AppError(409, "loans:errors.notActive");
    const location = await tx.location.findUniqueOrThrow({ where: { id: loan.locationId } });
    checkDueOn(ctx, input.dueOn, location.timeZone);
    if (input.dueOn <= dueOnOf(loan.dueAt, location.timeZone)) throw new AppError(400, "loans:errors.extendNotLater");
    const dueAt = dueAtFor(input.dueOn, location.timeZone);
    await tx.loan.update({ where: { id: loan.id }, data: { dueAt, extendedCount: { increment: 1 }, updatedAt: ctx.clock.now() } });
    await cancelQueuedReminders(ctx, tx, loan.id);
    const [person, device] = await Promise.all([
      tx.person.findUniqueOrThrow({ where: { id: loan.personId } }),
      tx.device.findUniqueOrThrow({ where: { id: loan.deviceId }, select: { model: true } }),
    ]);
    await ctx.messenger.send(tx, {
      to: person,
      template: "loanExtended",
      params: {
        reference: loan.reference,
        spelled: spelledOut(loan.reference),
        model: device.model,
        dueDate: formatDueDate(dueAt, person.language, location.timeZone),
      },
      sendAfter: nextSendableTime(ctx.clock.now(), location.timeZone),
      idempotencyKey: `loan-extended:${loan.id}:${dueAt.toISOString()}`,
    });
    await audit(ctx, tx, {
      action: "loan.extended",
      subjectType: "Loan",
      subjectId: loan.id,
      locationId: loan.locationId,
      details: { dueAt: dueAt.toISOString(), note: Boolean(input.note) },
    });
  });
}

export async function markLoanLost(ctx: StaffCtx, loanId: string, input: z.output<typeof LostInput>) {
  return ctx.db.$transaction(async (tx) => {
    const loan = await loanForStaff(ctx, tx, loanId);
    if (loan.status !== "active") throw new AppError(409, "loans:errors.notActive");
    const now = ctx.clock.now();
    await tx.loan.update({ where: { id: loan.id }, data: { status: input.kind, activeDeviceId: null, returnedAt: now, updatedAt: now } });
    await moveDevice(ctx, tx, loan.deviceId, {
      from: ["on_loan"],
      to: "retired",
      kind: input.kind,
      loanId: loan.id,
      data: input.note ? { note: input.note } : {},
    });
    await cancelQueuedReminders(ctx, tx, loan.id);
    await audit(ctx, tx, { action: `loan.${input.kind}`, subjectType: "Loan", subjectId: loan.id, locationId: loan.locationId });
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

// ---------------------------------------------------------------------------------------------------------
// Reading

/** One loan with everything its page shows. Every view is audit-logged (`page` says which view, e.g. the agreement). */
export async function getLoan(ctx: StaffCtx, loanId: string, page: Record<string, string> = {}) {
  const loan = await ctx.db.loan.findUnique({
    where: { id: loanId },
    include: {
      person: true,
      device: true,
      location: true,
      mentor: { select: { id: true, name: true } },
      handedOutBy: { select: { name: true } },
      receivedBy: { select: { name: true } },
      sessions: { orderBy: { startsAt: "asc" }, include: { mentor: { select: { name: true } } } },
      photos: { select: { id: true, contentType: true }, orderBy: { createdAt: "asc" } },
    },
  });
  if (!loan) throw notFound("loan");
  if (!can(ctx.actor, "loan:view", loan.locationId)) throw forbidden("loan:view");
  await audit(ctx, ctx.db, { action: "loan.viewed", subjectType: "Loan", subjectId: loan.id, locationId: loan.locationId, details: page });
  return loan;
}

export { LOAN_VIEWS, type LoanView } from "./loan-views";

export async function listLoans(ctx: StaffCtx, input: { view: LoanView; locationId?: string | null; page: number }) {
  if (!can(ctx.actor, "loan:view", input.locationId)) throw forbidden("loan:view");
  const scope = locationScope(ctx.actor);
  if (input.locationId && scope !== "all" && !scope.includes(input.locationId)) throw forbidden("loan:view");
  const now = ctx.clock.now();
  const where: Prisma.LoanWhereInput = {
    ...(input.locationId ? { locationId: input.locationId } : scope === "all" ? {} : { locationId: { in: [...scope] } }),
  };
  let orderBy: Prisma.LoanOrderByWithRelationInput = { dueAt: "asc" };
  switch (input.view) {
    case "active":
      Object.assign(where, { status: "active" });
      break;
    case "dueSoon":
      Object.assign(where, { status: "active", dueAt: { gte: now, lte: new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000) } });
      break;
    case "overdue":
      Object.assign(where, { status: "active", dueAt: { lt: now } });
      break;
    case "followUps":
      Object.assign(where, { followUp: { not: null }, followUpResolvedAt: null });
      orderBy = { returnedAt: "asc" };
      break;
    case "returned":
      Object.assign(where, { status: { in: ["returned", "lost", "stolen"] } });
      orderBy = { returnedAt: "desc" };
      break;
  }
  const [loans, total] = await Promise.all([
    ctx.db.loan.findMany({
      where,
      orderBy: [orderBy, { id: "asc" }],
      ...pageWindow(input.page, PAGE_SIZE),
      include: {
        person: { select: { firstName: true, lastNameInitial: true } },
        device: { select: { assetTag: true } },
        location: { select: { name: true } },
      },
    }),
    ctx.db.loan.count({ where }),
  ]);
  // A list names who has which device: the look is logged once per page, with the view and how many rows it showed.
  if (loans.length) {
    await audit(ctx, ctx.db, {
      action: "loans.listed",
      subjectType: "Loan",
      locationId: input.locationId ?? null,
      details: { view: input.view, page: input.page, count: loans.length },
    });
  }
  return {
    loans: loans.map((l) => ({ ...l, overdue: l.status === "active" && l.dueAt < now })),
    total,
    pageCount: pageCount(total, PAGE_SIZE),
  };
}
