// Reading tickets for staff: the working views, search, one ticket with its timeline, one person's tickets.
// Reads of a citizen's record are audit-logged.
import type { StaffCtx } from "~/context";
import type { Prisma } from "~/generated/prisma/client";
import { forbidden, notFound } from "~/lib/errors";
import { parsePhone } from "~/lib/phone.server";
import { normaliseReferenceCode } from "~/lib/reference-code";
import { audit } from "~/capabilities/privacy/audit.server";
import { can, locationScope, type StaffActor } from "~/capabilities/people/permissions";
import { visiblePersonWhere } from "~/capabilities/people/visibility.server";
import { pageCount, pageWindow } from "~/lib/pages";
import { OPEN_STATUSES } from "./values";
import type { Role } from "~/capabilities/people/values";

export const TICKET_VIEWS = ["mine", "queue", "unassigned", "overdue", "all"] as const;
export type TicketView = (typeof TICKET_VIEWS)[number];

/** Tickets without a location are the shared intake: every helpdesk member sees them. */
function scopeWhere(actor: StaffActor): Prisma.TicketWhereInput {
  const scope = locationScope(actor);
  return scope === "all" ? {} : { OR: [{ locationId: { in: [...scope] } }, { locationId: null }] };
}

export function overdueWhere(now: Date): Prisma.TicketWhereInput {
  return { status: { in: [...OPEN_STATUSES] }, dueAt: { lte: now } };
}

/**
 * What staff type into the search box: a reference code, a phone number (any German format, or its last digits),
 * or the start of a first name. People are found first, so every step can use an index — only people this staff
 * member may see (the one rule of people/visibility.server.ts), so a search never confirms who has a number.
 */
async function searchWhere(ctx: StaffCtx, q: string): Promise<Prisma.TicketWhereInput> {
  const visible = visiblePersonWhere(ctx.actor);
  const code = normaliseReferenceCode(q);
  if (code && (await ctx.db.ticket.findUnique({ where: { reference: code }, select: { id: true } }))) {
    return { reference: code };
  }
  const phone = parsePhone(q);
  const digits = q.replace(/\D/g, "");
  let personIds: string[] = [];
  if (phone) {
    personIds = (await ctx.db.person.findMany({ where: { AND: [{ phone: phone.e164 }, visible] }, select: { id: true } })).map((p) => p.id);
  } else if (digits.length >= 4 && digits.length === q.replace(/[\s/()+-]/g, "").length) {
    personIds = (
      await ctx.db.person.findMany({ where: { AND: [{ phone: { endsWith: digits } }, visible] }, select: { id: true }, take: 500 })
    ).map((p) => p.id);
  } else if (/\p{L}/u.test(q)) {
    // A prefix range uses the firstName index (LIKE would not); as typed and with a capital first letter.
    const variants = [...new Set([q, q.charAt(0).toLocaleUpperCase("de") + q.slice(1)])];
    personIds = (
      await ctx.db.person.findMany({
        where: { AND: [{ OR: variants.map((v) => ({ firstName: { gte: v, lt: `${v}\uffff` } })) }, visible] },
        select: { id: true },
        take: 500,
      })
    ).map((p) => p.id);
  }
  return { personId: { in: personIds } };
}

export interface TicketListInput {
  view: TicketView;
  q?: string;
  categoryId?: string;
  locationId?: string;
  page: number;
  pageSize?: number;
}

export async function listTickets(ctx: StaffCtx, input: TicketListInput) {
  const now = ctx.clock.now();
  const pageSize = input.pageSize ?? 25;
  const where: Prisma.TicketWhereInput[] = [scopeWhere(ctx.actor)];
  const open = { status: { in: [...OPEN_STATUSES] } };
  switch (input.view) {
    case "mine":
      where.push(open, { assigneeId: ctx.actor.staffId });
      break;
    case "queue":
      where.push(open, input.locationId ? { locationId: input.locationId } : { locationId: { in: [...ctx.actor.locationIds] } });
      break;
    case "unassigned":
      where.push(open, { assigneeId: null });
      break;
    case "overdue":
      where.push(overdueWhere(now));
      break;
    case "all":
      if (input.locationId) where.push({ locationId: input.locationId });
      break;
  }
  if (input.q?.trim()) where.push(await searchWhere(ctx, input.q.trim()));
  if (input.categoryId) where.push({ categoryId: input.categoryId });

  const filter = { AND: where };
  const [rows, total] = await Promise.all([
    ctx.db.ticket.findMany({
      where: filter,
      // Working views: what is due first. Search and "all": the most recently active first.
      orderBy: input.view === "all" ? { lastActivityAt: "desc" } : { dueAt: "asc" },
      ...pageWindow(input.page, pageSize),
      select: {
        id: true,
        reference: true,
        status: true,
        priority: true,
        channel: true,
        pendingUntil: true,
        lastActivityAt: true,
        dueAt: true,
        createdAt: true,
        person: { select: { firstName: true, lastNameInitial: true } },
        category: { select: { key: true, labels: true } },
        location: { select: { name: true } },
        assignee: { select: { name: true } },
      },
    }),
    ctx.db.ticket.count({ where: filter }),
  ]);
  return {
    total,
    pageCount: pageCount(total, pageSize),
    tickets: rows.map((t) => ({ ...t, overdue: OPEN_STATUSES.includes(t.status as never) && t.dueAt <= now })),
  };
}

/** One ticket with its whole timeline, for staff who may see it, and whether they may change it. Audit-logged. */
export async function getTicket(ctx: StaffCtx, ticketId: string) {
  const ticket = await ctx.db.ticket.findUnique({
    where: { id: ticketId },
    include: {
      person: true,
      category: true,
      location: { select: { id: true, name: true } },
      assignee: { select: { id: true, name: true } },
      events: { orderBy: { at: "asc" }, include: { actor: { select: { name: true } } } },
    },
  });
  if (!ticket) throw notFound("ticket");
  if (!can(ctx.actor, "ticket:view", ticket.locationId)) throw forbidden("ticket:view");
  await audit(ctx, ctx.db, { action: "ticket.viewed", subjectType: "Ticket", subjectId: ticket.id, locationId: ticket.locationId });
  return { ...ticket, canManage: can(ctx.actor, "ticket:manage", ticket.locationId) };
}

/** "Please call me back" handed over to the callbacks: the calls a ticket waits for, for those who make them. */
export async function ticketCallbacks(ctx: StaffCtx, ticketId: string) {
  if (!can(ctx.actor, "callback:manage")) return [];
  return ctx.db.callback.findMany({
    where: { ticketId },
    orderBy: { createdAt: "asc" },
    select: { id: true, reference: true, status: true, scheduledAt: true },
  });
}

/** Staff who can take a ticket at a location (for the assignment list). */
export async function assignableStaff(ctx: StaffCtx, locationId: string | null) {
  return ctx.db.staff.findMany({
    where: {
      active: true,
      OR: [{ role: { in: ["admin", "coordinator"] satisfies Role[] } }, ...(locationId ? [{ memberships: { some: { locationId } } }] : [{}])],
    },
    select: { id: true, name: true },
    orderBy: { name: "asc" },
  });
}

/** Names of staff a timeline mentions (whom a ticket was assigned to), including staff who have since left. */
export async function staffNames(ctx: StaffCtx, ids: readonly string[]): Promise<Record<string, string>> {
  if (ids.length === 0) return {};
  const rows = await ctx.db.staff.findMany({ where: { id: { in: [...ids] } }, select: { id: true, name: true } });
  return Object.fromEntries(rows.map((row) => [row.id, row.name]));
}

/** One person's tickets that this staff member may see, newest first, a page at a time (the person page logs the look). */
export async function personTickets(ctx: StaffCtx, personId: string, { page = 1, pageSize = 100 }: { page?: number; pageSize?: number } = {}) {
  const where = { AND: [{ personId }, scopeWhere(ctx.actor)] };
  const [tickets, ticketCount] = await Promise.all([
    ctx.db.ticket.findMany({
      where,
      orderBy: { createdAt: "desc" },
      ...pageWindow(page, pageSize),
      select: {
        id: true,
        reference: true,
        status: true,
        createdAt: true,
        category: { select: { key: true, labels: true } },
        location: { select: { name: true } },
      },
    }),
    ctx.db.ticket.count({ where }),
  ]);
  return { tickets, ticketCount };
}

/** The open tickets of these people that this staff member may see (a caller's at intake, the walk-ins' at the desk). */
export async function openTicketsOf(ctx: StaffCtx, personIds: readonly string[]) {
  if (personIds.length === 0) return [];
  return ctx.db.ticket.findMany({
    where: { AND: [{ personId: { in: [...personIds] }, status: { in: [...OPEN_STATUSES] } }, scopeWhere(ctx.actor)] },
    orderBy: { createdAt: "desc" },
    take: 100,
    select: { id: true, reference: true, status: true, createdAt: true, personId: true },
  });
}
