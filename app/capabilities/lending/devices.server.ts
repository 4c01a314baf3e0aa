// The device pool: add, edit, hand-set statuses, transfers between places, the list, one device with its history
// and loans, and finding a device by the tag on its label. Every write is one transaction with a DeviceEvent and an
// audit entry; status changes go through moveDevice (compare-and-set).
import { z } from "zod";
import type { Ctx, StaffCtx, Tx } from "~/context";
import type { Prisma } from "~/generated/prisma/client";
import { AppError, forbidden, notFound } from "~/lib/errors";
import { audit } from "~/capabilities/privacy/audit.server";
import { can, locationScope } from "~/capabilities/people/permissions";
import { pageCount, pageWindow } from "~/lib/pages";
import { isUniqueViolation } from "~/lib/db-errors";
import { moveDevice, recordDeviceEvent } from "./device-history.server";
import { ACCESSORIES, DEVICE_STATUSES, type DeviceStatus, jsonList, MANUAL_DEVICE_STATUSES, NOTES_MAX } from "./values";

export const TAG_MAX = 32;
const TAG_PATTERN = /^[A-Z0-9]+(?:-[A-Z0-9]+)*$/;
export const DEVICE_PAGE_SIZE = 50;

/** How a tag is stored: trimmed, upper-case, inner spaces as one dash ("tab 0005" → "TAB-0005"). */
export function normaliseTag(raw: string): string {
  return raw.trim().toUpperCase().replace(/\s+/g, "-");
}

export const isValidTag = (tag: string) => tag.length <= TAG_MAX && TAG_PATTERN.test(tag);

/** What someone may have typed for a tag: as normalised, and with a dash between letters and digits ("TAB0005"). */
export function tagCandidates(raw: string): string[] {
  const tag = normaliseTag(raw);
  const plain = tag.replace(/[^A-Z0-9]/g, "");
  const dashed = plain.replace(/^([A-Z]+)(\d+)$/, "$1-$2");
  // "E2E-DEV0001" → "E2E-DEV-0001": the dash before the number at the end
  const numbered = tag.replace(/([A-Z])(\d+)$/, "$1-$2");
  return [...new Set([tag, numbered, dashed, plain])].filter(isValidTag);
}

/** Checkbox groups post one value as a string and several as a list. */
const List = (values: readonly string[], error: string) =>
  z.preprocess(
    (v) => (v == null || v === "" ? [] : Array.isArray(v) ? v : [v]),
    z.array(z.enum(values as [string, ...string[]], { error })),
  );

const OptionalText = (max: number, error: string) =>
  z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), z.string().trim().max(max, { error }).optional());

/** "2027-03-31" (what the date field posts) → midnight UTC of that day. */
export function parseIsoDay(value: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value.trim());
  if (!match) return null;
  const [, y, m, d] = match.map(Number) as [number, number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d ? date : null;
}

const AssetTag = z
  .string({ error: "devices:errors.tagRequired" })
  .transform(normaliseTag)
  .pipe(
    z
      .string()
      .min(1, { error: "devices:errors.tagRequired" })
      .max(TAG_MAX, { error: "devices:errors.tagTooLong" })
      .regex(TAG_PATTERN, { error: "devices:errors.tagInvalid" }),
  );

const DeviceFields = {
  assetTag: AssetTag,
  model: z
    .string({ error: "devices:errors.modelRequired" })
    .trim()
    .min(1, { error: "devices:errors.modelRequired" })
    .max(100, { error: "devices:errors.modelTooLong" }),
  serial: OptionalText(100, "devices:errors.serialTooLong"),
  simNumber: OptionalText(40, "devices:errors.simTooLong"),
  dataPlanEndsOn: z.preprocess(
    (v) => (typeof v === "string" && v.trim() === "" ? undefined : v),
    z
      .string()
      .optional()
      .transform((v, c) => {
        if (v === undefined) return null;
        const day = parseIsoDay(v);
        if (!day) c.addIssue({ code: "custom", message: "devices:errors.dateInvalid" });
        return day;
      }),
  ),
  accessories: List(ACCESSORIES, "devices:errors.accessoryUnknown"),
  notes: OptionalText(NOTES_MAX, "devices:errors.notesTooLong"),
};

export const AddDeviceInput = z.object({
  ...DeviceFields,
  locationId: z.string({ error: "devices:errors.locationRequired" }).trim().min(1, { error: "devices:errors.locationRequired" }),
});
export const EditDeviceInput = z.object(DeviceFields);

export const DeviceStatusInput = z.object({
  status: z.enum(MANUAL_DEVICE_STATUSES as [DeviceStatus, ...DeviceStatus[]], { error: "devices:errors.statusRequired" }),
  note: OptionalText(NOTES_MAX, "devices:errors.notesTooLong"),
});

export const TransferInput = z.object({
  toLocationId: z.string({ error: "devices:errors.locationRequired" }).trim().min(1, { error: "devices:errors.locationRequired" }),
  note: OptionalText(NOTES_MAX, "devices:errors.notesTooLong"),
});

type DeviceRow = NonNullable<Awaited<ReturnType<Tx["device"]["findUnique"]>>>;

async function deviceToManage(ctx: StaffCtx, tx: Tx, deviceId: string): Promise<DeviceRow> {
  const device = await tx.device.findUnique({ where: { id: deviceId } });
  if (!device) throw notFound("device");
  if (!can(ctx.actor, "device:manage", device.locationId)) throw forbidden("device:manage");
  return device;
}

async function requireLocation(ctx: Ctx, tx: Tx, locationId: string) {
  const location = await tx.location.findUnique({ where: { id: locationId }, select: { id: true } });
  if (!location) throw new AppError(400, "devices:errors.locationUnknown", { locationId });
  return location;
}

async function ensureTagFree(ctx: Ctx, tx: Tx, assetTag: string, exceptId?: string) {
  const taken = await tx.device.findUnique({ where: { assetTag }, select: { id: true } });
  if (taken && taken.id !== exceptId) throw new AppError(409, "devices:errors.tagUsed", { assetTag });
}

/** A unique-index race (two people saving the same tag at once) reads like the check above. */
function tagRace(error: unknown): never {
  if (isUniqueViolation(error)) {
    throw new AppError(409, "devices:errors.tagUsed");
  }
  throw error;
}

const fieldsData = (input: z.output<typeof EditDeviceInput>) => ({
  assetTag: input.assetTag,
  model: input.model,
  serial: input.serial ?? null,
  simNumber: input.simNumber ?? null,
  dataPlanEndsOn: input.dataPlanEndsOn ?? null,
  accessories: JSON.stringify(ACCESSORIES.filter((a) => input.accessories.includes(a))),
  notes: input.notes ?? null,
});

export async function addDevice(ctx: StaffCtx, input: z.output<typeof AddDeviceInput>) {
  if (!can(ctx.actor, "device:manage", input.locationId)) throw forbidden("device:manage");
  return ctx.db
    .$transaction(async (tx) => {
      await requireLocation(ctx, tx, input.locationId);
      await ensureTagFree(ctx, tx, input.assetTag);
      const now = ctx.clock.now();
      const device = await tx.device.create({
        data: { ...fieldsData(input), locationId: input.locationId, status: "available" satisfies DeviceStatus, createdAt: now, updatedAt: now },
      });
      await recordDeviceEvent(ctx, tx, device.id, { kind: "created", data: { assetTag: device.assetTag } });
      await audit(ctx, tx, { action: "device.created", subjectType: "Device", subjectId: device.id, locationId: device.locationId });
      return { id: device.id, assetTag: device.assetTag };
    })
    .catch(tagRace);
}

const EDITABLE = ["assetTag", "model", "serial", "simNumber", "dataPlanEndsOn", "accessories", "notes"] as const;

export async function editDevice(ctx: StaffCtx, deviceId: string, input: z.output<typeof EditDeviceInput>) {
  return ctx.db
    .$transaction(async (tx) => {
      const device = await deviceToManage(ctx, tx, deviceId);
      if (input.assetTag !== device.assetTag) await ensureTagFree(ctx, tx, input.assetTag, device.id);
      const next = fieldsData(input);
      const show = (v: unknown) => (v instanceof Date ? v.toISOString().slice(0, 10) : (v ?? null));
      // Devices hold no personal data, so the history may keep the values of what changed.
      const changes = Object.fromEntries(
        EDITABLE.filter((f) => String(show(device[f])) !== String(show(next[f]))).map((f) => [
          f,
          { from: show(device[f]), to: show(next[f]) },
        ]),
      );
      if (!Object.keys(changes).length) return { id: device.id, changed: [] as string[] };
      await tx.device.update({ where: { id: device.id }, data: { ...next, updatedAt: ctx.clock.now() } });
      await recordDeviceEvent(ctx, tx, device.id, { kind: "edited", data: { changes } });
      await audit(ctx, tx, {
        action: "device.edited",
        subjectType: "Device",
        subjectId: device.id,
        locationId: device.locationId,
        details: { fields: Object.keys(changes).join(",") },
      });
      return { id: device.id, changed: Object.keys(changes) };
    })
    .catch(tagRace);
}

/** Available, in repair, retired: set by hand. The other statuses belong to loans, offers and the reset check. */
export async function setDeviceStatus(ctx: StaffCtx, deviceId: string, input: z.output<typeof DeviceStatusInput>) {
  return ctx.db.$transaction(async (tx) => {
    const device = await deviceToManage(ctx, tx, deviceId);
    if (!MANUAL_DEVICE_STATUSES.includes(device.status as DeviceStatus)) {
      throw new AppError(409, `devices:errors.statusLocked.${device.status}`, { status: device.status });
    }
    if (device.status === input.status) return;
    await moveDevice(ctx, tx, device.id, { from: MANUAL_DEVICE_STATUSES, to: input.status, data: { note: input.note ?? null } });
    await audit(ctx, tx, {
      action: "device.status",
      subjectType: "Device",
      subjectId: device.id,
      locationId: device.locationId,
      details: { from: device.status, to: input.status },
    });
  });
}

const LENT: readonly DeviceStatus[] = ["on_loan", "reserved"];

/** To another place; needs the right at both, and the device at home (not lent, not held for someone). */
export async function transferDevice(ctx: StaffCtx, deviceId: string, input: z.output<typeof TransferInput>) {
  return ctx.db.$transaction(async (tx) => {
    const device = await deviceToManage(ctx, tx, deviceId);
    await requireLocation(ctx, tx, input.toLocationId);
    if (!can(ctx.actor, "device:manage", input.toLocationId)) throw forbidden("device:manage");
    if (input.toLocationId === device.locationId) throw new AppError(400, "devices:errors.sameLocation");
    if (LENT.includes(device.status as DeviceStatus)) throw new AppError(409, `devices:errors.transferLocked.${device.status}`);
    // Compare-and-set, as moveDevice does for statuses: a check-out meanwhile wins.
    const moved = await tx.device.updateMany({
      where: { id: device.id, locationId: device.locationId, status: { notIn: [...LENT] } },
      data: { locationId: input.toLocationId, updatedAt: ctx.clock.now() },
    });
    if (moved.count !== 1) throw new AppError(409, "lending:errors.deviceChanged");
    await recordDeviceEvent(ctx, tx, device.id, {
      kind: "transferred",
      data: { fromLocationId: device.locationId, toLocationId: input.toLocationId, note: input.note ?? null },
    });
    await audit(ctx, tx, {
      action: "device.transferred",
      subjectType: "Device",
      subjectId: device.id,
      locationId: device.locationId,
      details: { toLocationId: input.toLocationId },
    });
  });
}

export interface DeviceListInput {
  locationId?: string;
  status?: string;
  q?: string;
  page: number;
  pageSize?: number;
}

/** A prefix range uses the (locationId, assetTag) index; LIKE '%…%' would read every row. */
const prefix = (value: string) => ({ gte: value, lt: `${value}\uffff` });

/**
 * Model search is "contains", whatever the case: Prisma's `contains` is SQLite's LIKE, which ignores the case of
 * A–Z (so "ipad", "IPAD" and "iPad" all find "Apple iPad"). LIKE does not fold umlauts and other letters beyond
 * ASCII, so the usual spellings of the typed text are tried too ("ärzte", "ÄRZTE", "Ärzte"). The place's devices
 * are read through the (locationId, status) index (a few thousand rows at most).
 */
function modelVariants(q: string): string[] {
  const lower = q.toLocaleLowerCase("de");
  return [...new Set([q, lower, q.toLocaleUpperCase("de"), lower.charAt(0).toLocaleUpperCase("de") + lower.slice(1)])];
}

export async function listDevices(ctx: StaffCtx, input: DeviceListInput) {
  if (!can(ctx.actor, "device:view")) throw forbidden("device:view");
  const pageSize = input.pageSize ?? DEVICE_PAGE_SIZE;
  const scope = locationScope(ctx.actor);
  const where: Prisma.DeviceWhereInput[] = [];
  if (input.locationId) {
    if (!can(ctx.actor, "device:view", input.locationId)) throw forbidden("device:view");
    where.push({ locationId: input.locationId });
  } else if (scope !== "all") {
    where.push({ locationId: { in: [...scope] } });
  }
  if (input.status && DEVICE_STATUSES.includes(input.status as DeviceStatus)) where.push({ status: input.status });
  const q = input.q?.trim().slice(0, 100);
  if (q) {
    const tag = normaliseTag(q);
    // LIKE's own wildcards (% and _) cannot be escaped through Prisma: the text between them must all appear.
    const pieces = q.split(/[%_]+/).filter((piece) => piece.trim());
    const byModel: Prisma.DeviceWhereInput[] = pieces.length
      ? [{ AND: pieces.map((piece) => ({ OR: modelVariants(piece).map((m) => ({ model: { contains: m } })) })) }]
      : [];
    where.push({ OR: [...(tag ? [{ assetTag: prefix(tag) }] : []), ...byModel] });
  }
  const filter = { AND: where };
  const [rows, total] = await Promise.all([
    ctx.db.device.findMany({
      where: filter,
      orderBy: { assetTag: "asc" },
      ...pageWindow(input.page, pageSize),
      select: {
        id: true,
        assetTag: true,
        model: true,
        status: true,
        accessories: true,
        dataPlanEndsOn: true,
        location: { select: { id: true, name: true } },
      },
    }),
    ctx.db.device.count({ where: filter }),
  ]);
  return { devices: rows, total, pageCount: pageCount(total, pageSize) };
}

/**
 * One device with its history (who did what) and its loans by reference only: no borrower on this page. Also
 * whether this staff member may change it.
 */
export async function getDevice(ctx: StaffCtx, deviceId: string) {
  const device = await ctx.db.device.findUnique({
    where: { id: deviceId },
    include: {
      location: { select: { id: true, name: true } },
      events: { orderBy: [{ at: "asc" }, { id: "asc" }], include: { actor: { select: { name: true } } } },
      loans: {
        orderBy: { checkedOutAt: "desc" },
        select: { id: true, reference: true, status: true, checkedOutAt: true, dueAt: true, returnedAt: true },
      },
    },
  });
  if (!device) throw notFound("device");
  if (!can(ctx.actor, "device:view", device.locationId)) throw forbidden("device:view");
  return { ...device, accessories: jsonList<string>(device.accessories), canManage: can(ctx.actor, "device:manage", device.locationId) };
}

/**
 * The device behind a typed or scanned tag, or null. Another place's device answers like an unknown tag: its id
 * (and so a link to it) is not for this staff member.
 */
export async function findDeviceByTag(ctx: StaffCtx, raw: string) {
  const candidates = tagCandidates(raw);
  if (!candidates.length) return null;
  const found = await ctx.db.device.findMany({
    where: { assetTag: { in: candidates } },
    select: { id: true, assetTag: true, locationId: true },
  });
  const device = candidates.map((c) => found.find((d) => d.assetTag === c)).find(Boolean) ?? null;
  return device && can(ctx.actor, "device:view", device.locationId) ? device : null;
}

/** Asset tags by device id, for histories that name devices by id (a waiting-list place's offers). */
export async function deviceTags(ctx: Pick<Ctx, "db">, deviceIds: readonly string[]): Promise<Record<string, string>> {
  if (deviceIds.length === 0) return {};
  const devices = await ctx.db.device.findMany({ where: { id: { in: [...deviceIds] } }, select: { id: true, assetTag: true } });
  return Object.fromEntries(devices.map((d) => [d.id, d.assetTag]));
}

/** The devices for a sheet of QR labels: those among `deviceIds` (at most 500) this staff member may see. */
export async function devicesForLabels(ctx: StaffCtx, deviceIds: readonly string[]) {
  if (deviceIds.length === 0) return [];
  const devices = await ctx.db.device.findMany({
    where: { id: { in: deviceIds.slice(0, 500) } },
    orderBy: { assetTag: "asc" },
    select: { id: true, assetTag: true, model: true, locationId: true },
  });
  return devices.filter((d) => can(ctx.actor, "device:view", d.locationId));
}
