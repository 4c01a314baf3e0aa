// A person's loans and waiting-list places for their record page: only at places the staff member may see.
// The caller logs the look: the person page writes ONE audit entry per view (personPage in app/web/person-page.server.ts),
// with these counts in its details.
import type { StaffCtx } from "~/context";
import { can, locationScope } from "~/capabilities/people/permissions";
import { pageWindow } from "~/lib/pages";
import { OPEN_RESERVATION_STATUSES } from "./values";

/** Which page of each list to show (1 = newest), and how many rows a page holds. */
export interface PersonLendingPages {
  loans: number;
  reservations: number;
  pageSize: number;
}

export async function personLending(ctx: StaffCtx, personId: string, pages: PersonLendingPages) {
  if (!can(ctx.actor, "loan:view")) return null;
  const scope = locationScope(ctx.actor);
  const where = { personId, ...(scope === "all" ? {} : { locationId: { in: [...scope] } }) };
  const { pageSize } = pages;
  const [loans, loanCount, reservations, reservationCount] = await Promise.all([
    ctx.db.loan.findMany({
      where,
      orderBy: [{ checkedOutAt: "desc" }, { id: "asc" }],
      ...pageWindow(pages.loans, pageSize),
      select: {
        id: true,
        reference: true,
        status: true,
        checkedOutAt: true,
        dueAt: true,
        returnedAt: true,
        device: { select: { assetTag: true, model: true } },
        location: { select: { name: true } },
      },
    }),
    ctx.db.loan.count({ where }),
    ctx.db.reservation.findMany({
      where,
      orderBy: [{ createdAt: "desc" }, { id: "asc" }],
      ...pageWindow(pages.reservations, pageSize),
      select: { id: true, reference: true, status: true, createdAt: true, location: { select: { name: true } } },
    }),
    ctx.db.reservation.count({ where }),
  ]);
  return { loans, loanCount, reservations, reservationCount };
}

/** Where a caller already waits (open places on lists this staff member may see), for the waiting-list intake. */
export async function openReservationsOf(ctx: StaffCtx, personId: string) {
  const rows = await ctx.db.reservation.findMany({
    where: { personId, status: { in: [...OPEN_RESERVATION_STATUSES] } },
    include: { location: { select: { name: true } } },
  });
  return rows.filter((r) => can(ctx.actor, "waitlist:view", r.locationId));
}
