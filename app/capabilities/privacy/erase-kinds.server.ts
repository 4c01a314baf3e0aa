// Which of a person's records erasure on request removes, one function per kind, each inside the caller's
// transaction and answering how many rows went. The deleting itself is the retention schedule's (retention/
// delete.server.ts): one home for what removing a ticket, a loan or a callback means, and the anonymous monthly
// figures are counted first either way, so an erasure does not change last year's report. Counting and choosing
// share one filter.
import type { Ctx, Tx } from "~/context";
import type { Prisma } from "~/generated/prisma/client";
import type { MessageStatus } from "~/capabilities/messaging/values";
import { ERASED_TEMPLATE } from "~/capabilities/messaging/purge.server";
import { releaseDevice } from "~/capabilities/lending/reservations.server";
import { personSubjects } from "./audit-subjects.server";
import {
  deleteAppointments,
  deleteCallbacks,
  deleteCalls,
  deleteDayWaits,
  deleteLoans,
  deleteReservations,
  deleteTickets,
  deleteWalkIns,
} from "./retention/delete.server";

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const idOnly = { select: { id: true } } as const;

/** The person whose records go: by id, and by number for what was stored under the number only (messages, STOP). */
export interface Whose {
  personId: string;
  phone: string;
}

/** Loans still running stay (the tablet must come back); every ended loan (returned, lost, stolen) goes. */
const ACTIVE_LOAN = "active";

const ticketsOf = ({ personId }: Whose): Prisma.TicketWhereInput => ({ personId });
const endedLoansOf = ({ personId }: Whose): Prisma.LoanWhereInput => ({ personId, status: { not: ACTIVE_LOAN } });
const messagesOf = ({ personId, phone }: Whose): Prisma.MessageWhereInput => ({ OR: [{ personId }, { toPhone: phone }] });
/**
 * A message the provider (Twilio) may still hold: it stays as an empty row — no number, no text, no person — until
 * the provider purge has deleted it there (the purge then removes the row). A row still "sending" may get its
 * provider id from the worker a moment later, so it stays as well.
 */
const atProvider: Prisma.MessageWhereInput = {
  purgedAt: null,
  OR: [{ providerId: { not: null } }, { recordingSid: { not: null } }, { status: "sending" satisfies MessageStatus }],
};

/** Counts per kind, for the confirmation page (planErasure) and the audit entry (counts are not personal data). */
export async function countPersonRecords(ctx: Ctx, tx: Tx, whose: Whose) {
  const { personId } = whose;
  const [tickets, ticketEvents, messages, recordings, loans, mentoringSessions, loanPhotos, reservations, appointments, walkIns, dayWaits, callbacks, callbackAttempts, calls, optOuts] =
    await Promise.all([
      tx.ticket.count({ where: ticketsOf(whose) }),
      tx.ticketEvent.count({ where: { ticket: ticketsOf(whose) } }),
      tx.message.count({ where: messagesOf(whose) }),
      tx.voiceRecording.count({ where: { message: messagesOf(whose) } }),
      tx.loan.count({ where: endedLoansOf(whose) }),
      tx.mentoringSession.count({ where: { loan: endedLoansOf(whose) } }),
      tx.loanPhoto.count({ where: { loan: endedLoansOf(whose) } }),
      tx.reservation.count({ where: { personId } }),
      tx.appointment.count({ where: { personId } }),
      tx.walkIn.count({ where: { personId } }),
      tx.dayWait.count({ where: { personId } }),
      tx.callback.count({ where: { personId } }),
      tx.callbackAttempt.count({ where: { callback: { personId } } }),
      tx.call.count({ where: { personId } }),
      tx.optOut.count({ where: { phone: whose.phone } }),
    ]);
  return { tickets, ticketEvents, messages, recordings, loans, mentoringSessions, loanPhotos, reservations, appointments, walkIns, dayWaits, callbacks, callbackAttempts, calls, optOuts };
}
export type PersonRecordCounts = Awaited<ReturnType<typeof countPersonRecords>>;

/** Tickets with their whole timeline (notes, copies of messages, calls). */
export async function eraseTickets(ctx: Ctx, tx: Tx, whose: Whose): Promise<number> {
  return deleteTickets(ctx, tx, ids(await tx.ticket.findMany({ where: ticketsOf(whose), ...idOnly })));
}

/**
 * Messages to and from the person or their number, with voice recordings. Those the provider still holds become
 * empty stubs for the provider purge (see atProvider); the rest are deleted. Answers how many were stubbed.
 */
export async function eraseMessages(ctx: Ctx, tx: Tx, whose: Whose): Promise<{ deleted: number; awaitingProviderPurge: number }> {
  await tx.voiceRecording.deleteMany({ where: { message: messagesOf(whose) } });
  const stubbed = await tx.message.updateMany({
    where: { AND: [messagesOf(whose), atProvider] },
    data: { personId: null, toPhone: "", body: "", lastError: null, template: ERASED_TEMPLATE, claimedUntil: null },
  });
  // A send in progress must not be tried again (to no number): the worker's own update still records its id.
  await tx.message.updateMany({ where: { template: ERASED_TEMPLATE, toPhone: "", status: "sending" satisfies MessageStatus }, data: { status: "cancelled" satisfies MessageStatus } });
  await tx.message.updateMany({ where: { template: ERASED_TEMPLATE, toPhone: "", finalAt: null }, data: { finalAt: ctx.clock.now() } });
  const deleted = await tx.message.deleteMany({ where: messagesOf(whose) });
  return { deleted: deleted.count, awaitingProviderPurge: stubbed.count };
}

/** Ended loans with their agreements' data, mentoring sessions and damage photos. */
export async function eraseEndedLoans(ctx: Ctx, tx: Tx, whose: Whose): Promise<number> {
  return deleteLoans(ctx, tx, ids(await tx.loan.findMany({ where: endedLoansOf(whose), ...idOnly })));
}

/** Every loan, once none is running any more (the pending erasure's last step). */
export async function eraseAllLoans(ctx: Ctx, tx: Tx, whose: Whose): Promise<number> {
  if (await tx.loan.count({ where: { personId: whose.personId, status: ACTIVE_LOAN } })) throw new Error("erase-kinds: a loan is still running");
  return eraseEndedLoans(ctx, tx, whose);
}

/** Waiting-list places with their history; a tablet held for an open offer is free again for the next in line. */
export async function eraseReservations(ctx: Ctx, tx: Tx, whose: Whose): Promise<number> {
  const held = await tx.reservation.findMany({ where: { personId: whose.personId, offeredDeviceId: { not: null }, status: { in: ["offered", "accepted"] } } });
  for (const r of held) await releaseDevice(ctx, tx, r.offeredDeviceId, r.id);
  return deleteReservations(ctx, tx, ids(await tx.reservation.findMany({ where: { personId: whose.personId }, ...idOnly })));
}

/** Appointments (their seat in the slot is free again with the row), walk-ins and places on a day's waiting list. */
export async function eraseScheduling(ctx: Ctx, tx: Tx, whose: Whose): Promise<{ appointments: number; walkIns: number; dayWaits: number }> {
  const mine = { where: { personId: whose.personId }, ...idOnly };
  const dayWaits = await deleteDayWaits(ctx, tx, ids(await tx.dayWait.findMany(mine)));
  const appointments = await deleteAppointments(ctx, tx, ids(await tx.appointment.findMany(mine)));
  const walkIns = await deleteWalkIns(ctx, tx, ids(await tx.walkIn.findMany(mine)));
  return { appointments, walkIns, dayWaits };
}

/** Callbacks with their attempts (staff notes), and click-to-call records. */
export async function eraseCalls(ctx: Ctx, tx: Tx, whose: Whose): Promise<{ callbacks: number; calls: number }> {
  const mine = { where: { personId: whose.personId }, ...idOnly };
  const callbacks = await deleteCallbacks(ctx, tx, ids(await tx.callback.findMany(mine)));
  const calls = await deleteCalls(ctx, tx, ids(await tx.call.findMany(mine)));
  return { callbacks, calls };
}

/** STOP for this number: with the number gone nothing can be sent to it, and keeping it would keep the number. */
export async function eraseOptOut(ctx: Ctx, tx: Tx, whose: Whose): Promise<number> {
  return (await tx.optOut.deleteMany({ where: { phone: whose.phone } })).count;
}

/** Which access-log entries to leave linked: records that stay (a running loan) and the entries about erasure itself. */
export interface AuditKeep {
  keep?: { subjectType: string; ids: string[] }[];
  exceptActions?: string[];
}

async function auditEntriesAbout(ctx: Ctx, tx: Tx, whose: Whose, { keep = [], exceptActions = [] }: AuditKeep): Promise<Prisma.AuditEntryWhereInput[]> {
  const subjects = await personSubjects(ctx, whose.personId, tx);
  return subjects.flatMap(({ subjectType, ids }) => {
    const kept = new Set(keep.find((k) => k.subjectType === subjectType)?.ids ?? []);
    const gone = ids.filter((id) => !kept.has(id));
    return gone.length ? [{ subjectType, subjectId: { in: gone }, action: { notIn: exceptActions } }] : [];
  });
}

/** How many access-log entries detachAuditEntries would change. */
export async function countAuditEntries(ctx: Ctx, tx: Tx, whose: Whose, options: AuditKeep = {}): Promise<number> {
  const where = await auditEntriesAbout(ctx, tx, whose, options);
  return where.length ? tx.auditEntry.count({ where: { OR: where } }) : 0;
}

/**
 * Access-log entries about the person or their records keep what happened, when and by whom, but no longer which
 * record (the subject id) nor their details. Must run before the records go: it finds them through them.
 */
export async function detachAuditEntries(ctx: Ctx, tx: Tx, whose: Whose, options: AuditKeep = {}): Promise<number> {
  const where = await auditEntriesAbout(ctx, tx, whose, options);
  if (!where.length) return 0;
  return (await tx.auditEntry.updateMany({ where: { OR: where }, data: { subjectId: null, details: "{}" } })).count;
}
