// The staff's view of callbacks: what to call now, and one callback with its attempts.
import { parseDate } from "@internationalized/date";
import type { StaffCtx } from "~/context";
import { personName } from "~/lib/person-name";
import { PROGRAMME_TIME_ZONE } from "~/lib/time-zone";
import { audit } from "~/capabilities/privacy/audit.server";
import { locationScope } from "~/capabilities/people/permissions";
import { localDay } from "./availability.server";
import type { CallbackStatus } from "./values";
import { atLocal, parseWindows } from "./callback-windows.server";
import { callbackForStaff } from "./callback-attempts.server";

const listInclude = { person: true, location: { select: { name: true, timeZone: true } } } as const;

/**
 * What to call now: my scheduled callbacks whose time has come, the rest of mine today, and — for coordinators
 * and admins — the ones that need a person (unscheduled) and the failed ones.
 */
export async function callbacksDueNow(ctx: StaffCtx, { locationId }: { locationId?: string } = {}) {
  const now = ctx.clock.now();
  const scope = locationScope(ctx.actor);
  const where = locationId ? { locationId } : scope === "all" ? {} : { OR: [{ locationId: { in: [...scope] } }, { locationId: null }] };
  const endOfDay = atLocal(parseDate(localDay(now, PROGRAMME_TIME_ZONE)).add({ days: 1 }).toString(), "00:00", PROGRAMME_TIME_ZONE);
  const mine = await ctx.db.callback.findMany({
    where: { ...where, status: "scheduled" satisfies CallbackStatus, assignedId: ctx.actor.staffId, scheduledAt: { lt: endOfDay } },
    include: listInclude,
    orderBy: { scheduledAt: "asc" },
  });
  const coordinator = scope === "all";
  const [unscheduled, failed] = coordinator
    ? await Promise.all([
        ctx.db.callback.findMany({ where: { ...where, status: "unscheduled" satisfies CallbackStatus }, include: listInclude, orderBy: { createdAt: "asc" }, take: 100 }),
        ctx.db.callback.findMany({
          where: { ...where, status: "failed" satisfies CallbackStatus, updatedAt: { gte: new Date(now.getTime() - 30 * 86_400_000) } },
          include: listInclude,
          orderBy: { updatedAt: "desc" },
          take: 100,
        }),
      ])
    : [[], []];
  const row = (c: (typeof mine)[number]) => ({
    id: c.id,
    reference: c.reference,
    status: c.status,
    scheduledAt: c.scheduledAt,
    person: personName(c.person),
    phone: c.person.phone,
    topic: c.topic,
    attempts: c.attemptCount,
    location: c.location?.name ?? null,
  });
  return {
    dueNow: mine.filter((c) => c.scheduledAt! <= now).map(row),
    laterToday: mine.filter((c) => c.scheduledAt! > now).map(row),
    unscheduled: unscheduled.map(row),
    failed: failed.map(row),
    coordinator,
  };
}

/** One callback with its attempts, for the staff page. The view is audit-logged. */
export async function getCallback(ctx: StaffCtx, callbackId: string) {
  const callback = await callbackForStaff(ctx, ctx.db, callbackId);
  const [attempts, assigned] = await Promise.all([
    ctx.db.callbackAttempt.findMany({ where: { callbackId }, include: { staff: { select: { name: true } } }, orderBy: { at: "asc" } }),
    callback.assignedId ? ctx.db.staff.findUnique({ where: { id: callback.assignedId }, select: { name: true } }) : null,
  ]);
  await audit(ctx, ctx.db, { action: "callback.viewed", subjectType: "Callback", subjectId: callbackId, locationId: callback.locationId });
  return { callback, attempts, assigned, windows: parseWindows(callback.windows) };
}
