// Loans: a device handed to a person with a mentor, and everything until it is back on the shelf — this file holds
// the loan itself (reading, listing, extending, lost or stolen); check-out and check-in have their own files. Each
// change is one transaction with the device's history (moveDevice), the outbox and the audit log.
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import { Prisma } from "~/generated/prisma/client";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { spelledOut } from "~/lib/reference-code";
import { audit } from "~/capabilities/privacy/audit.server";
import { can, locationScope } from "~/capabilities/people/permissions";
import { pageCount, pageWindow } from "~/lib/pages";
import { moveDevice } from "./device-history.server";
import type { LoanView } from "./loan-views";
import type { LoanStatus } from "./values";
import type { MessageStatus } from "~/capabilities/messaging/values";
import { checkDueOn, dueAtFor, dueOnOf, formatDueDate } from "./loan-dates";
import { ExtendInput, LostInput } from "./loan-inputs.server";

/** "Due soon" on the list: due within this many days. */
export const DUE_SOON_DAYS = 7;
export const PAGE_SIZE = 25;

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

/** Loads a loan the actor may manage, or throws 404/403. */
export async function loanForStaff(ctx: StaffCtx, tx: Tx, loanId: string) {
  const loan = await tx.loan.findUnique({ where: { id: loanId } });
  if (!loan) throw notFound("loan");
  if (!can(ctx.actor, "loan:manage", loan.locationId)) throw forbidden("loan:manage");
  return loan;
}


// ---------------------------------------------------------------------------------------------------------
// Changes while a loan is out

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
      timeZone: location.timeZone,
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

// ---------------------------------------------------------------------------------------------------------
// Reading

/**
 * One loan with everything its page shows, and whether this staff member may change it. Every view is audit-logged
 * (`page` says which view, e.g. the agreement).
 */
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
  return { ...loan, canManage: can(ctx.actor, "loan:manage", loan.locationId) };
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
      Object.assign(where, { status: "active" satisfies LoanStatus });
      break;
    case "dueSoon":
      Object.assign(where, { status: "active" satisfies LoanStatus, dueAt: { gte: now, lte: new Date(now.getTime() + DUE_SOON_DAYS * 86_400_000) } });
      break;
    case "overdue":
      Object.assign(where, { status: "active" satisfies LoanStatus, dueAt: { lt: now } });
      break;
    case "followUps":
      Object.assign(where, { followUp: { not: null }, followUpResolvedAt: null });
      orderBy = { returnedAt: "asc" };
      break;
    case "returned":
      Object.assign(where, { status: { in: ["returned", "lost", "stolen"] satisfies LoanStatus[] } });
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
