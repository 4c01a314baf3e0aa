// Erasure on request (GDPR Art. 17): what will go and what must stay (planErasure), and the erasure itself in one
// transaction (erasePerson). Coordinators and admins only. A tablet still on loan keeps the person and that loan
// until it is returned; everything else goes at once, and the job privacy.completeErasures finishes the rest.
import type { Ctx, StaffCtx, Tx } from "~/context";
import type { Person } from "~/generated/prisma/client";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { personName } from "~/lib/person-name";
import { can } from "~/capabilities/people/permissions";
import { audit } from "./audit.server";
import {
  type AuditKeep,
  countAuditEntries,
  countPersonRecords,
  detachAuditEntries,
  eraseCalls,
  eraseEndedLoans,
  eraseMessages,
  eraseOptOut,
  eraseReservations,
  eraseScheduling,
  eraseTickets,
  type PersonRecordCounts,
  type Whose,
} from "./erase-kinds.server";

/**
 * Every table erasure clears for a person, and how. Machine-readable: tests/unit/data-classes.test.ts checks that
 * every table holding citizens' data is named here (or in ERASURE_NOT_NEEDED with the reason).
 */
export const ERASURE_COVERS: Record<string, string> = {
  Person: "gelöscht (bei laufender Ausleihe erst nach der Rückgabe)",
  Message: "gelöscht; was der Anbieter noch hat, bleibt als leere Zeile bis zur Löschung dort (Job messaging.purgeProvider)",
  VoiceRecording: "gelöscht",
  OptOut: "gelöscht (die Nummer ist nirgends mehr gespeichert)",
  Call: "gelöscht",
  Ticket: "gelöscht, auch offene",
  TicketEvent: "mit dem Anliegen gelöscht",
  Loan: "beendete gelöscht; eine laufende nach der Rückgabe",
  LoanPhoto: "mit der Ausleihe gelöscht",
  MentoringSession: "mit der Ausleihe gelöscht",
  Reservation: "gelöscht; ein dafür zurückgelegtes Tablet wird wieder frei",
  ReservationEvent: "mit dem Wartelistenplatz gelöscht",
  Appointment: "gelöscht (der Platz wird wieder frei)",
  WalkIn: "gelöscht",
  DayWait: "gelöscht",
  Callback: "gelöscht",
  CallbackAttempt: "mit dem Rückruf gelöscht",
  Consent: "mit der Person gelöscht (bei laufender Ausleihe erst nach der Rückgabe: die Vereinbarung gilt bis dahin)",
  AuditEntry: "Einträge über die Person und ihre Vorgänge verlieren Bezug und Details; bleibt: „Person gelöscht von X am T“",
};

/** Tables with citizens' data that erasure leaves alone, and why. */
export const ERASURE_NOT_NEEDED: Record<string, string> = {};

/** The audit actions of erasure itself: they are the record of it and keep naming the (then deleted) id. */
export const ERASURE_ACTIONS = ["person.erased", "person.erasurePending", "person.erasureRequested"] as const;

export interface ErasurePlan {
  person: { id: string; name: string };
  /** Since when an erasure waits for a tablet to come back; null when none was started. */
  pendingSince: string | null;
  remove: PersonRecordCounts & { auditEntries: number };
  /** Loans still running: they, their mentoring sessions and the person's name and number stay until the return. */
  keep: { activeLoans: { reference: string; device: string; location: string; dueAt: string; sessions: number }[] };
}

/** Whether this staff member may erase people (coordinators and admins): the person page offers it only then. */
export const mayErase = (ctx: StaffCtx): boolean => can(ctx.actor, "person:erase");

function requireEraser(ctx: StaffCtx) {
  if (!can(ctx.actor, "person:erase")) throw forbidden("person:erase");
}

/** The person to erase; an id erased before is told apart from one that never existed (both change nothing). */
async function personToErase(ctx: Ctx, db: Ctx["db"] | Tx, personId: string): Promise<Person> {
  const person = await db.person.findUnique({ where: { id: personId } });
  if (person) return person;
  const erased = await db.auditEntry.findFirst({ where: { action: "person.erased", subjectType: "Person", subjectId: personId }, select: { id: true } });
  if (erased) throw new AppError(410, "tickets:person.erase.errors.alreadyErased");
  throw notFound("person");
}

const whoseOf = (person: Person): Whose => ({ personId: person.id, phone: person.phone });

/** What erasing this person would remove and what would stay (counts and the running loans), for the confirmation. */
export async function planErasure(ctx: StaffCtx, personId: string): Promise<ErasurePlan> {
  requireEraser(ctx);
  const person = await personToErase(ctx, ctx.db, personId);
  return ctx.db.$transaction(async (tx) => {
    const counts = await countPersonRecords(ctx, tx, whoseOf(person));
    const active = await activeLoans(ctx, tx, person.id);
    const auditEntries = await countAuditEntries(ctx, tx, whoseOf(person), auditKeep(person, active));
    return {
      person: { id: person.id, name: personName(person) },
      pendingSince: person.erasurePendingSince?.toISOString() ?? null,
      remove: { ...counts, auditEntries },
      keep: {
        activeLoans: active.map((l) => ({
          reference: l.reference,
          device: l.device.assetTag,
          location: l.location.name,
          dueAt: l.dueAt.toISOString(),
          sessions: l.sessions.length,
        })),
      },
    };
  });
}

const activeLoans = (_ctx: Ctx, tx: Tx, personId: string) =>
  tx.loan.findMany({
    where: { personId, status: "active" },
    select: {
      id: true,
      reference: true,
      dueAt: true,
      device: { select: { assetTag: true } },
      location: { select: { name: true } },
      sessions: { select: { id: true } },
    },
    orderBy: { checkedOutAt: "asc" },
  });

/** The access-log entries that stay linked: a running loan's (and the person's own while they stay), erasure's own. */
function auditKeep(person: Person, running: { id: string; sessions: { id: string }[] }[]): AuditKeep {
  const keep = running.length
    ? [
        { subjectType: "Person", ids: [person.id] },
        { subjectType: "Loan", ids: running.map((l) => l.id) },
        { subjectType: "MentoringSession", ids: running.flatMap((l) => l.sessions.map((s) => s.id)) },
      ]
    : [];
  return { keep, exceptActions: [...ERASURE_ACTIONS] };
}

export type ErasureOutcome = { erased: "complete" | "pending"; counts: PersonRecordCounts };

/**
 * Erases the person in one transaction: every record of theirs, the STOP for their number, message texts (those the
 * provider still holds are queued for deletion there), the access log's link to them. With a tablet on loan the
 * person and that loan stay (marked pending) and go once it is back. Erasing again: a clear refusal, nothing done.
 */
export async function erasePerson(ctx: StaffCtx, personId: string): Promise<ErasureOutcome> {
  requireEraser(ctx);
  return ctx.db.$transaction(async (tx) => {
    const person = await personToErase(ctx, tx, personId);
    if (person.erasurePendingSince && (await activeLoans(ctx, tx, person.id)).length) throw new AppError(409, "tickets:person.erase.errors.alreadyPending");
    return eraseIn(ctx, tx, person);
  });
}

/** The erasure itself, inside the caller's transaction (erasePerson, and the job finishing pending ones). */
async function eraseIn(ctx: Ctx, tx: Tx, person: Person): Promise<ErasureOutcome> {
  const whose = whoseOf(person);
  const counts = await countPersonRecords(ctx, tx, whose);
  const running = await activeLoans(ctx, tx, person.id);
  const pending = running.length > 0;
  // First, while the records still lead to the person: the access log forgets which records they were.
  await detachAuditEntries(ctx, tx, whose, auditKeep(person, running));
  // Messages first: they become stubs for the provider purge, which deleting a ticket's timeline then leaves be.
  const messages = await eraseMessages(ctx, tx, whose);
  await eraseTickets(ctx, tx, whose);
  await eraseEndedLoans(ctx, tx, whose);
  await eraseReservations(ctx, tx, whose);
  await eraseScheduling(ctx, tx, whose);
  await eraseCalls(ctx, tx, whose);
  await eraseOptOut(ctx, tx, whose);
  if (messages.awaitingProviderPurge > 0) {
    // The scheduled purge would find the stubs within minutes anyway (and retries until the provider answers);
    // this asks at once. Its payload is empty: the stubs are the list.
    await tx.job.create({ data: { type: "messaging.purgeProvider", runAt: ctx.clock.now() } });
  }
  const details = { ...counts, awaitingProviderPurge: messages.awaitingProviderPurge };
  if (pending) {
    if (!person.erasurePendingSince) await tx.person.update({ where: { id: person.id }, data: { erasurePendingSince: ctx.clock.now() } });
    await audit(ctx, tx, { action: "person.erasurePending", subjectType: "Person", subjectId: person.id, details: { ...details, activeLoans: running.length } });
    return { erased: "pending", counts };
  }
  await tx.person.delete({ where: { id: person.id } });
  // The id stays on this one entry: it leads nowhere now, and it lets a second attempt say "already erased".
  await audit(ctx, tx, { action: "person.erased", subjectType: "Person", subjectId: person.id, details });
  return { erased: "complete", counts };
}

/** The job's part: people whose erasure waited for a tablet that has come back are erased now. Answers how many. */
export async function completePendingErasures(ctx: Ctx): Promise<number> {
  const due = await ctx.db.person.findMany({
    where: { erasurePendingSince: { not: null }, loans: { none: { status: "active" } } },
    select: { id: true },
  });
  for (const { id } of due) {
    await ctx.db.$transaction(async (tx) => {
      const person = await tx.person.findUnique({ where: { id } });
      if (person?.erasurePendingSince) await eraseIn(ctx, tx, person);
    });
  }
  return due.length;
}
