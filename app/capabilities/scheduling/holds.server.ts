// How many places one phone number (a person is one number) may hold at once: open online bookings and day
// waiting lists. Each held place carries a unique key "<personId>:<n>", n up to the cap, so two requests racing for
// the last place cannot both pass: the loser's insert fails on the key and, looking again, finds the number full.
// Staff booking by phone are not capped (they see the whole picture).
import type { Ctx, Tx } from "~/context";
import { AppError } from "~/lib/errors";
import { type AppointmentStatus, DAY_WAITS_PER_NUMBER, type DayWaitStatus, ONLINE_BOOKINGS_PER_NUMBER } from "./values";

export const holdKey = (personId: string, place: number) => `${personId}:${place}`;

function freePlace(personId: string, held: { key: string | null }[], cap: number, refusal: string): string {
  const taken = new Set(held.map((h) => h.key));
  for (let place = 1; place <= cap; place++) {
    if (!taken.has(holdKey(personId, place))) return holdKey(personId, place);
  }
  throw new AppError(409, refusal, { cap });
}

/**
 * A free place for one more online booking of this person, as the key the new appointment takes; refuses with 409
 * tooManyOnline when all are held. Places of appointments that have begun or are no longer booked are given back
 * first. A move (`replaces`) hands over the place of the booking it replaces — in the caller's transaction, so a
 * refused move keeps it.
 */
export async function holdOnlinePlace(ctx: Pick<Ctx, "clock">, tx: Tx, personId: string, replaces?: string): Promise<string> {
  await tx.appointment.updateMany({
    where: {
      personId,
      onlineHoldKey: { not: null },
      OR: [
        { startsAt: { lte: ctx.clock.now() } },
        { status: { not: "booked" satisfies AppointmentStatus } },
        ...(replaces ? [{ id: replaces }] : []),
      ],
    },
    data: { onlineHoldKey: null },
  });
  const held = await tx.appointment.findMany({ where: { personId, onlineHoldKey: { not: null } }, select: { onlineHoldKey: true } });
  const keys = held.map((a) => ({ key: a.onlineHoldKey }));
  return freePlace(personId, keys, ONLINE_BOOKINGS_PER_NUMBER, "scheduling:errors.tooManyOnline");
}

/** Likewise for day waiting lists: refuses with 409 desk:wait.tooManyWaits. `today` is the place's local day. */
export async function holdDayWaitPlace(_ctx: Pick<Ctx, "clock">, tx: Tx, personId: string, today: string): Promise<string> {
  await tx.dayWait.updateMany({
    where: { personId, holdKey: { not: null }, OR: [{ day: { lt: today } }, { status: { not: "waiting" satisfies DayWaitStatus } }] },
    data: { holdKey: null },
  });
  const held = await tx.dayWait.findMany({ where: { personId, holdKey: { not: null } }, select: { holdKey: true } });
  return freePlace(personId, held.map((w) => ({ key: w.holdKey })), DAY_WAITS_PER_NUMBER, "desk:wait.tooManyWaits");
}
