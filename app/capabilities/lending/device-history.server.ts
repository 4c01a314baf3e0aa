// The one way a device's status changes: compare-and-set on the row (so two volunteers cannot both move it) and a
// history entry in the same transaction. Every lending write that touches a device status goes through here.
import type { Ctx, Tx } from "~/context";
import { AppError } from "~/lib/errors";
import type { DeviceEventKind, DeviceStatus } from "./values";

export async function recordDeviceEvent(
  ctx: Ctx,
  tx: Tx,
  deviceId: string,
  event: { kind: DeviceEventKind; loanId?: string | null; data?: Record<string, unknown> },
): Promise<void> {
  await tx.deviceEvent.create({
    data: {
      deviceId,
      at: ctx.clock.now(),
      kind: event.kind,
      actorId: ctx.actor.kind === "staff" ? ctx.actor.staffId : null,
      loanId: event.loanId ?? null,
      data: JSON.stringify(event.data ?? {}),
    },
  });
}

/**
 * Moves a device from one of `from` to `to`, or throws 409 `lending:errors.deviceChanged` when someone else
 * changed it first. Writes a history entry of `kind` (default "status") with from/to and any extra data.
 */
export async function moveDevice(
  ctx: Ctx,
  tx: Tx,
  deviceId: string,
  move: {
    from: readonly DeviceStatus[];
    to: DeviceStatus;
    kind?: DeviceEventKind;
    loanId?: string | null;
    data?: Record<string, unknown>;
    conflictKey?: string;
  },
): Promise<void> {
  const device = await tx.device.findUnique({ where: { id: deviceId }, select: { status: true } });
  if (!device) throw new AppError(404, "errors.notFound", { what: "device" });
  const changed = await tx.device.updateMany({
    where: { id: deviceId, status: { in: [...move.from] } },
    data: { status: move.to, updatedAt: ctx.clock.now() },
  });
  if (changed.count !== 1) {
    throw new AppError(409, move.conflictKey ?? "lending:errors.deviceChanged", { deviceId, status: device.status, wanted: move.to });
  }
  await recordDeviceEvent(ctx, tx, deviceId, {
    kind: move.kind ?? "status",
    loanId: move.loanId,
    data: { from: device.status, to: move.to, ...move.data },
  });
}
