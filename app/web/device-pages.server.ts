// Glue between the device pages and the device capability: the plain shapes the pages render, the device page's
// forms, the uploaded import file kept between "check" and "import", and the QR label sheet.
import crypto from "node:crypto";
import { data, redirect } from "@remix-run/node";
import { parseWithZod } from "@conform-to/zod/v4";
import QRCode from "qrcode";
import { z } from "zod";
import type { StaffCtx } from "~/context";
import { AppError } from "~/lib/errors";
import { phoneLink } from "~/lib/phone.server";
import { listLocationsFor, listPublicLocations, locationsAllowed } from "~/capabilities/people/locations.server";
import { importDevices, MAX_IMPORT_BYTES, previewImport } from "~/capabilities/lending/device-import.server";
import {
  DeviceStatusInput,
  devicesForLabels,
  getDevice,
  listDevices,
  setDeviceStatus,
  transferDevice,
  TransferInput,
} from "~/capabilities/lending/devices.server";
import { DEVICE_STATUSES, jsonList, MANUAL_DEVICE_STATUSES, type DeviceStatus } from "~/capabilities/lending/values";
import { FORM_FIELDS_ALLOWANCE, intentForm, performIntent, readFileForm } from "./forms.server";
import { attempt } from "./refusals.server";

const day = (date: Date | null) => (date ? date.toISOString().slice(0, 10) : null);

/** The places where the actor may add, import or receive devices. */
export async function manageableLocations(ctx: StaffCtx) {
  return (await locationsAllowed(ctx, "device:manage")).map(({ id, name }) => ({ id, name }));
}

// ---------------------------------------------------------------------------------------------------------
// The list

export function listFilters(url: URL) {
  const status = url.searchParams.get("status") ?? "";
  return {
    locationId: url.searchParams.get("location") || undefined,
    status: DEVICE_STATUSES.includes(status as DeviceStatus) ? status : undefined,
    q: url.searchParams.get("q")?.trim().slice(0, 50) || undefined,
  };
}

export async function deviceList(ctx: StaffCtx, filters: ReturnType<typeof listFilters>, page: number) {
  const [list, locations, manageable] = await Promise.all([
    listDevices(ctx, { ...filters, page }),
    listLocationsFor(ctx),
    manageableLocations(ctx),
  ]);
  return {
    ...list,
    devices: list.devices.map((d) => ({
      id: d.id,
      assetTag: d.assetTag,
      model: d.model,
      status: d.status,
      location: d.location.name,
      accessories: jsonList<string>(d.accessories),
    })),
    locations: locations.map(({ id, name }) => ({ id, name })),
    canManage: manageable.length > 0,
  };
}

// ---------------------------------------------------------------------------------------------------------
// One device

export async function devicePage(ctx: StaffCtx, deviceId: string) {
  const device = await getDevice(ctx, deviceId);
  const [places, ownPlaces] = await Promise.all([listPublicLocations(ctx), manageableLocations(ctx)]);
  const activeLoan = device.loans.find((l) => l.status === "active") ?? null;
  return {
    device: {
      id: device.id,
      assetTag: device.assetTag,
      model: device.model,
      serial: device.serial,
      simNumber: device.simNumber,
      dataPlanEndsOn: day(device.dataPlanEndsOn),
      accessories: device.accessories,
      notes: device.notes,
      status: device.status,
      location: device.location,
      createdAt: device.createdAt.toISOString(),
    },
    events: device.events.map((e) => ({
      id: e.id,
      at: e.at.toISOString(),
      kind: e.kind,
      actor: e.actor?.name ?? null,
      loanId: e.loanId,
      data: e.data,
    })),
    loans: device.loans.map((l) => ({
      id: l.id,
      reference: l.reference,
      status: l.status,
      checkedOutAt: l.checkedOutAt.toISOString(),
      dueAt: l.dueAt.toISOString(),
      returnedAt: l.returnedAt?.toISOString() ?? null,
    })),
    /** The loan to open from the status: the active one, or (for a reset) the latest. */
    activeLoanId: activeLoan?.id ?? null,
    latestLoanId: device.loans[0]?.id ?? null,
    locationNames: Object.fromEntries(places.map((p) => [p.id, p.name])),
    canManage: device.canManage,
    options: {
      statuses: MANUAL_DEVICE_STATUSES.includes(device.status as DeviceStatus)
        ? MANUAL_DEVICE_STATUSES.filter((s) => s !== device.status)
        : [],
      transferTo: ownPlaces.filter((l) => l.id !== device.location.id),
    },
  };
}

/** The device page's forms, chosen by `intent`; errors and refusals come back to that form. */
export async function performDeviceAction(ctx: StaffCtx, deviceId: string, request: Request) {
  return performIntent(request, {
    status: intentForm(DeviceStatusInput, (input) => setDeviceStatus(ctx, deviceId, input)),
    transfer: intentForm(TransferInput, (input) => transferDevice(ctx, deviceId, input)),
  });
}

// ---------------------------------------------------------------------------------------------------------
// Import: the uploaded file between "Check file" and "Import N devices"

// The file is kept here, in memory, under an opaque token that only its uploader can use, for a short while:
// on a tablet with flaky Wi-Fi nobody should upload the same file twice, and a hidden base64 field would send
// it twice more (down with the report, up with the confirmation). One process serves the app, as for the
// saved ticket searches; after a restart the page says "please choose the file again". Bounded in count.
const UPLOAD_MINUTES = 30;
const MAX_UPLOADS = 20;

interface Upload {
  staffId: string;
  locationId: string;
  fileName: string;
  file: Buffer;
  expiresAt: number;
  preview?: Awaited<ReturnType<typeof previewImport>>;
  /** Why the file cannot be used at all (kept, so a reload or the page after the upload shows it again). */
  refusal?: string;
  result?: Awaited<ReturnType<typeof importDevices>>;
}
const uploads = new Map<string, Upload>();

export function keepUpload(ctx: StaffCtx, upload: { locationId: string; fileName: string; file: Buffer }): string {
  const now = ctx.clock.now().getTime();
  for (const [token, kept] of uploads) if (kept.expiresAt <= now) uploads.delete(token);
  while (uploads.size >= MAX_UPLOADS) uploads.delete(uploads.keys().next().value!);
  const token = crypto.randomBytes(12).toString("base64url");
  uploads.set(token, { ...upload, staffId: ctx.actor.staffId, expiresAt: now + UPLOAD_MINUTES * 60_000 });
  return token;
}

function readUpload(ctx: StaffCtx, token: string | null): Upload | null {
  const kept = token ? uploads.get(token) : undefined;
  if (!kept || kept.staffId !== ctx.actor.staffId || kept.expiresAt <= ctx.clock.now().getTime()) return null;
  return kept;
}


const UploadInput = z.object({
  locationId: z.string({ error: "devices:errors.locationRequired" }).trim().min(1, { error: "devices:errors.locationRequired" }),
  file: z.instanceof(File, { error: "devices:import.errors.fileMissing" }).refine((f) => f.size > 0, { error: "devices:import.errors.fileMissing" }),
});

/**
 * "Check file": reads the multipart upload (in memory, refused beyond the size limit while it streams in), keeps
 * the file under a token and redirects to the report. Bad input answers 400 with the form's errors.
 */
export async function receiveUpload(ctx: StaffCtx, request: Request) {
  // A little room over the limit for the other fields; the capability checks the file's own size.
  const formData = await readFileForm(request, MAX_IMPORT_BYTES + FORM_FIELDS_ALLOWANCE);
  if (formData === "tooLarge") {
    return data({ result: { status: "error" as const, error: { file: ["devices:import.errors.tooLarge"] } } }, { status: 400 });
  }
  const submission = parseWithZod(formData, { schema: UploadInput });
  if (submission.status !== "success") return data({ result: submission.reply({ hideFields: ["file"] }) }, { status: 400 });
  const { locationId, file } = submission.value;
  if (!(await manageableLocations(ctx)).some((l) => l.id === locationId)) {
    return data({ result: submission.reply({ fieldErrors: { locationId: ["devices:errors.locationUnknown"] } }) }, { status: 400 });
  }
  const token = keepUpload(ctx, { locationId, fileName: file.name, file: Buffer.from(await file.arrayBuffer()) });
  return redirect(`/team/devices/import?file=${token}`);
}

/** What the import page shows for a token: the check of the kept file, or the result of its import. */
export async function importState(ctx: StaffCtx, url: URL) {
  const token = url.searchParams.get("file");
  if (!token) return { step: "choose" as const };
  const upload = readUpload(ctx, token);
  if (!upload) return { step: "expired" as const };
  const locations = await manageableLocations(ctx);
  const base = { token, fileName: upload.fileName, location: locations.find((l) => l.id === upload.locationId)?.name ?? "" };
  if (upload.result) return { step: "done" as const, ...base, report: upload.result };
  if (!upload.preview && !upload.refusal) {
    try {
      upload.preview = await previewImport(ctx, { locationId: upload.locationId, file: upload.file });
    } catch (error) {
      if (!(error instanceof AppError && error.status === 400)) throw error;
      upload.refusal = error.messageKey;
      upload.file = Buffer.alloc(0);
    }
  }
  if (upload.refusal || !upload.preview) {
    return { step: "refused" as const, ...base, messageKey: upload.refusal ?? "devices:import.errors.expired", locationId: upload.locationId };
  }
  return { step: "check" as const, ...base, report: upload.preview };
}

/** Imports the kept file; the report stays with the token so a reload shows it again instead of importing twice. */
export async function importUpload(ctx: StaffCtx, token: string) {
  const upload = readUpload(ctx, token);
  if (!upload) return { ok: false as const, messageKey: "devices:import.errors.expired" };
  if (upload.result) return { ok: true as const };
  if (upload.refusal) return { ok: false as const, messageKey: upload.refusal };
  const outcome = await attempt(() => importDevices(ctx, { locationId: upload.locationId, file: upload.file }));
  if (!outcome.ok) {
    upload.preview = undefined;
    return { ok: false as const, messageKey: outcome.refusal.messageKey };
  }
  upload.result = outcome.value;
  upload.file = Buffer.alloc(0);
  return { ok: true as const };
}

// ---------------------------------------------------------------------------------------------------------
// QR labels

/** Where a label's QR code leads: the tag route, which opens the device (after signing in). */
export const tagUrl = (publicUrl: string, tag: string) => `${publicUrl}/team/devices/tag/${encodeURIComponent(tag)}`;

export async function labelSheet(ctx: StaffCtx, publicUrl: string, programmePhone: string, deviceIds: string[]) {
  const allowed = await devicesForLabels(ctx, deviceIds);
  return {
    phone: phoneLink(programmePhone),
    labels: await Promise.all(
      allowed.map(async (d) => ({
        id: d.id,
        assetTag: d.assetTag,
        model: d.model,
        // Drawn on the server: an inline SVG prints sharp and needs no script or image request.
        qr: (await QRCode.toString(tagUrl(publicUrl, d.assetTag), { type: "svg", margin: 0, errorCorrectionLevel: "M" })).replace(
          "<svg ",
          '<svg aria-hidden="true" focusable="false" class="device-label__qr" ',
        ),
      })),
    ),
  };
}
