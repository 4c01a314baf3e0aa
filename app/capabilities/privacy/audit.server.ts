// The audit log: who read or changed whose record, when. Details hold ids and field names, never personal data.
import { parseDate, toZoned } from "@internationalized/date";
import type { Ctx, StaffCtx, Tx } from "~/context";
import type { AuditEntry, Prisma } from "~/generated/prisma/client";
import { can } from "~/capabilities/people/permissions";
import { forbidden } from "~/lib/errors";
import { pageCount, pageWindow } from "~/lib/pages";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { personSubjects, subjectPersonNames } from "./audit-subjects.server";

const DAY_MS = 24 * 60 * 60 * 1000;

export interface AuditInput {
  action: string; // e.g. "person.viewed", "staff.signedIn"
  subjectType: string;
  subjectId?: string | null;
  locationId?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

/** Writes the entry in `tx`: inside the caller's transaction it stands or falls with the change it records. */
export async function audit(ctx: Pick<Ctx, "actor" | "clock">, tx: Tx, input: AuditInput): Promise<void> {
  await tx.auditEntry.create({
    data: {
      at: ctx.clock.now(),
      actorId: ctx.actor.kind === "staff" ? ctx.actor.staffId : null,
      action: input.action,
      subjectType: input.subjectType,
      subjectId: input.subjectId ?? null,
      locationId: input.locationId ?? null,
      details: JSON.stringify({ ...(input.details ?? {}), actorKind: ctx.actor.kind }),
    },
  });
}

/** What a data-protection officer narrows the log to: one person's records, one staff member, a span of days. */
export interface AuditFilter {
  personId?: string | null;
  staffId?: string | null;
  /** Calendar days in the programme's time zone, both included. */
  fromDay?: string | null;
  toDay?: string | null;
}

const startOfDay = (day: string) => toZoned(parseDate(day), PROGRAMME_TIME_ZONE).toDate();

async function auditWhere(ctx: Pick<Ctx, "db">, filter: AuditFilter): Promise<Prisma.AuditEntryWhereInput> {
  const and: Prisma.AuditEntryWhereInput[] = [];
  if (filter.staffId) and.push({ actorId: filter.staffId });
  if (filter.fromDay) and.push({ at: { gte: startOfDay(filter.fromDay) } });
  if (filter.toDay) and.push({ at: { lt: startOfDay(parseDate(filter.toDay).add({ days: 1 }).toString()) } });
  if (filter.personId) {
    const subjects = await personSubjects(ctx, filter.personId);
    and.push({ OR: subjects.map(({ subjectType, ids }) => ({ subjectType, subjectId: { in: ids } })) });
  }
  return { AND: and };
}

export type AuditRow = Awaited<ReturnType<typeof withPersonNames>>[number];

/** Each entry with who did it, where, and — when it is about a citizen's record — that citizen's name. */
async function withPersonNames(ctx: Pick<Ctx, "db">, entries: (AuditEntry & { actor: { name: string } | null; location: { name: string } | null })[]) {
  const names = await subjectPersonNames(ctx, entries);
  return entries.map((e) => ({
    id: e.id,
    at: e.at,
    actor: e.actor?.name ?? null,
    action: e.action,
    subjectType: e.subjectType,
    subjectId: e.subjectId,
    person: e.subjectId ? (names.get(`${e.subjectType}:${e.subjectId}`) ?? null) : null,
    location: e.location?.name ?? null,
    details: e.details,
  }));
}

const INCLUDE = { actor: { select: { name: true } }, location: { select: { name: true } } } as const;

/** The log, newest first, one page at a time (audit:view: coordinators and admins, programme-wide). */
export async function listAuditEntries(ctx: StaffCtx, { page, pageSize = 50, filter = {} }: { page: number; pageSize?: number; filter?: AuditFilter }) {
  requireAuditView(ctx);
  const where = await auditWhere(ctx, filter);
  const [entries, total, person] = await Promise.all([
    ctx.db.auditEntry.findMany({ where, orderBy: [{ at: "desc" }, { id: "desc" }], ...pageWindow(page, pageSize), include: INCLUDE }),
    ctx.db.auditEntry.count({ where }),
    filter.personId ? subjectPersonNames(ctx, [{ subjectType: "Person", subjectId: filter.personId }]) : null,
  ]);
  return {
    entries: await withPersonNames(ctx, entries),
    total,
    pageCount: pageCount(total, pageSize),
    /** The filter's person by name; null when not filtered, or when that person is no longer stored. */
    person: person?.get(`Person:${filter.personId}`) ?? null,
  };
}

/**
 * Every entry the filter selects, oldest first, in batches (a year of a busy programme does not sit in memory at
 * once). The export itself is the first thing it records: a copy of the log has left the system.
 */
export async function* exportAuditEntries(ctx: StaffCtx, filter: AuditFilter, batchSize = 1000): AsyncGenerator<AuditRow[]> {
  requireAuditView(ctx);
  const where = await auditWhere(ctx, filter);
  await audit(ctx, ctx.db, {
    action: "audit.exported",
    subjectType: filter.personId ? "Person" : "AuditLog",
    subjectId: filter.personId ?? null,
    details: { staffId: filter.staffId ?? null, fromDay: filter.fromDay ?? null, toDay: filter.toDay ?? null },
  });
  let cursor: string | undefined;
  for (;;) {
    const batch = await ctx.db.auditEntry.findMany({
      where,
      orderBy: [{ at: "asc" }, { id: "asc" }],
      take: batchSize,
      ...(cursor ? { skip: 1, cursor: { id: cursor } } : {}),
      include: INCLUDE,
    });
    if (!batch.length) return;
    yield await withPersonNames(ctx, batch);
    cursor = batch[batch.length - 1].id;
  }
}

/** The staff members a filter can name (also those who have left: their entries stay). */
export async function auditStaffOptions(ctx: StaffCtx) {
  requireAuditView(ctx);
  return ctx.db.staff.findMany({ select: { id: true, name: true }, orderBy: { name: "asc" } });
}

/** Whether this staff member reads the access log (coordinators and admins): pages show their link to it only then. */
export const readsAuditLog = (ctx: StaffCtx): boolean => can(ctx.actor, "audit:view");

function requireAuditView(ctx: StaffCtx) {
  if (!can(ctx.actor, "audit:view")) throw forbidden("audit:view");
}

const auditDue = (clock: Ctx["clock"], days: number) => ({ at: { lt: new Date(clock.now().getTime() - days * DAY_MS) } });

/** The log's own retention: entries older than `days` go (AUDIT_RETENTION_DAYS, two years by default). */
export async function pruneAuditLog({ db, clock }: Pick<Ctx, "db" | "clock">, days: number): Promise<number> {
  const { count } = await db.auditEntry.deleteMany({ where: auditDue(clock, days) });
  return count;
}

/** How many entries the next pruning removes (for the retention schedule's page). */
export async function auditEntriesDue({ db, clock }: Pick<Ctx, "db" | "clock">, days: number): Promise<number> {
  return db.auditEntry.count({ where: auditDue(clock, days) });
}

/**
 * A signed-in staff member was refused (403): which page or action, never its query (a search may hold a phone
 * number). Written on its own — the refused request changed nothing to stand or fall with.
 */
export async function recordRefusal(ctx: Pick<Ctx, "actor" | "clock" | "db">, input: { method: string; path: string }): Promise<void> {
  if (ctx.actor.kind !== "staff") return;
  await audit(ctx, ctx.db, {
    action: "staff.refused",
    subjectType: "Page",
    subjectId: input.path.slice(0, 300),
    details: { method: input.method.slice(0, 10) },
  });
}
