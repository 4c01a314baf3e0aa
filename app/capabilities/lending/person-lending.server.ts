// A person's loans and waiting-list places for their record page: only at places the staff member may see.
// The caller logs the look: the person page writes ONE audit entry per view (personPage in app/web/tickets.server.ts),
// with these counts in its details.
import type { Ctx } from "~/context";
import { can, locationScope, type StaffActor } from "~/capabilities/people/permissions";

export async function personLending(ctx: Ctx & { actor: StaffActor }, personId: string) {
  if (!can(ctx.actor, "loan:view")) return null;
  const scope = locationScope(ctx.actor);
  const where = { personId, ...(scope === "all" ? {} : { locationId: { in: [...scope] } }) };
  const [loans, reservations] = await Promise.all([
    ctx.db.loan.findMany({
      where,
      orderBy: { checkedOutAt: "desc" },
      take: 50,
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
    ctx.db.reservation.findMany({
      where,
      orderBy: { createdAt: "desc" },
      take: 20,
      select: { id: true, reference: true, status: true, createdAt: true, location: { select: { name: true } } },
    }),
  ]);
  return { loans, reservations };
}
