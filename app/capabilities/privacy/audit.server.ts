// The audit log: who read or changed whose record, when. Details hold ids and field names, never personal data.
import type { Ctx, Tx } from "~/context";
import { pageCount, pageWindow } from "~/lib/pages";

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

export async function listAuditEntries(ctx: Ctx, { page, pageSize = 50 }: { page: number; pageSize?: number }) {
  const [entries, total] = await Promise.all([
    ctx.db.auditEntry.findMany({
      orderBy: { at: "desc" },
      ...pageWindow(page, pageSize),
      include: { actor: { select: { name: true } }, location: { select: { name: true } } },
    }),
    ctx.db.auditEntry.count(),
  ]);
  return { entries, pageCount: pageCount(total, pageSize) };
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
