// The one lendability check: whether a device can go to a person now, and if not, which refusal says why. Used by
// check-out itself (inside its transaction) and by check-out's device step (to refuse early, at the tag field).
import type { Ctx, Tx } from "~/context";
import type { Db } from "~/db.server";

/** A reservation holds its offered device for its person while the offer runs or was accepted. */
export const HOLDING_RESERVATION_STATUSES = ["offered", "accepted"] as const;

const REFUSED_STATUS: Record<string, string> = {
  on_loan: "loans:errors.deviceOnLoan",
  needs_reset: "loans:errors.deviceNeedsReset",
  in_repair: "loans:errors.deviceInRepair",
  retired: "loans:errors.deviceRetired",
  reserved: "loans:errors.deviceReservedForOther",
};

/** Why a device with this status cannot go out. */
export const lendingRefusal = (status: string) => REFUSED_STATUS[status] ?? "loans:errors.deviceUnavailable";

type Lendability =
  | { lendable: true; /** The reservation the loan fulfils, when the device was held for this person. */ reservation: { id: string } | null }
  | { lendable: false; refusal: string };

/**
 * An available device can go to anyone; a reserved one only to the person whose offer holds it. `db`: check-out's
 * own transaction (the answer then holds for its write), or the database for an early answer on the device step.
 */
export async function lendableTo(_ctx: Ctx, db: Db | Tx, device: { id: string; status: string }, personId: string | undefined): Promise<Lendability> {
  if (device.status === "available") return { lendable: true, reservation: null };
  const reservation =
    device.status === "reserved" && personId
      ? await db.reservation.findFirst({
          where: { offeredDeviceId: device.id, personId, status: { in: [...HOLDING_RESERVATION_STATUSES] } },
          select: { id: true },
        })
      : null;
  return reservation ? { lendable: true, reservation } : { lendable: false, refusal: lendingRefusal(device.status) };
}
