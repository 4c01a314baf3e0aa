// The audit log: who read or changed whose record, when. Details hold ids and field names, never personal data.
import type { Actor, Tx } from "~/context";
import type { Db } from "~/db.server";
import type { Clock } from "~/lib/clock";
import { pageCount, pageWindow } from "~/lib/pages";

export interface AuditInput {
  action: string; // e.g. "person.viewed", "staff.signedIn"
  subjectType: string;
  subjectId?: string | null;
  locationId?: string | null;
  details?: Record<string, string | number | boolean | null>;
}

export async function audit(db: Tx | Db, ctx: { actor: Actor; clock: Clock }, input: AuditInput): Promise<void> {
  await db.auditEntry.create({
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

export async function listAuditEntries(db: Db, { page, pageSize = 50 }: { page: number; pageSize?: number }) {
  const [entries, total] = await Promise.all([
    db.auditEntry.findMany({
      orderBy: { at: "desc" },
      ...pageWindow(page, pageSize),
      include: { actor: { select: { name: true } }, location: { select: { name: true } } },
    }),
    db.auditEntry.count(),
  ]);
  return { entries, pageCount: pageCount(total, pageSize) };
}
