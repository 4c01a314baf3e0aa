// Importing devices from a spreadsheet (CSV) as coordinators keep them: UTF-8 (with or without BOM) or
// Windows-1252 (Excel's "CSV" on German Windows), ";" or "," between columns, German or English headers.
// The check reports every bad row with its line number and why; the import writes all good rows in one
// transaction or nothing. csv-parse reads the file (quotes, line breaks in fields), never a hand-written split.
import crypto from "node:crypto";
import { parse } from "csv-parse/sync";
import iconv from "iconv-lite";
import type { StaffCtx } from "~/context";
import { AppError, forbidden } from "~/lib/errors";
import { isUniqueViolation } from "~/lib/db-errors";
import { locales } from "~/i18n/locales.server";
import { audit } from "~/capabilities/privacy/audit.server";
import { can } from "~/capabilities/people/permissions";
import { isValidTag, normaliseTag, parseIsoDay } from "./devices.server";
import { ACCESSORIES, type Accessory } from "./values";

export const MAX_IMPORT_BYTES = 2 * 1024 * 1024;
export const MAX_IMPORT_ROWS = 5000;

type Column = "assetTag" | "model" | "serial" | "simNumber" | "dataPlanEndsOn" | "accessories" | "notes";

/** Accepted headers (compared in lower case, without spaces around) → column. */
const HEADERS: Record<string, Column> = {
  inventarnummer: "assetTag",
  asset_tag: "assetTag",
  "asset tag": "assetTag",
  modell: "model",
  model: "model",
  seriennummer: "serial",
  imei: "serial",
  "seriennummer/imei": "serial",
  "seriennummer / imei": "serial",
  serial: "serial",
  serial_number: "serial",
  "sim-nummer": "simNumber",
  "sim nummer": "simNumber",
  sim_number: "simNumber",
  "datentarif bis": "dataPlanEndsOn",
  data_plan_ends_on: "dataPlanEndsOn",
  zubehör: "accessories",
  zubehoer: "accessories",
  accessories: "accessories",
  notizen: "notes",
  notes: "notes",
};

export type RowProblem =
  | "tagMissing"
  | "tagInvalid"
  | "tagDuplicateInFile"
  | "tagExists"
  | "modelMissing"
  | "modelTooLong"
  | "dateInvalid"
  | "accessoryUnknown"
  | "tooLong";

export interface BadRow {
  line: number;
  assetTag: string;
  problems: { key: RowProblem; value?: string }[];
}

export interface ImportRow {
  line: number;
  assetTag: string;
  model: string;
  serial: string | null;
  simNumber: string | null;
  dataPlanEndsOn: Date | null;
  accessories: Accessory[];
  notes: string | null;
}

export interface ImportCheck {
  good: ImportRow[];
  bad: BadRow[];
  rows: number;
}

/** UTF-8 when the bytes are valid UTF-8 (a BOM is dropped), otherwise Windows-1252. */
export function decodeCsv(file: Buffer): string {
  try {
    return new TextDecoder("utf-8", { fatal: true, ignoreBOM: false }).decode(file);
  } catch {
    return iconv.decode(file, "win1252");
  }
}

/** The separator the header line uses most: ";" (German Excel) or ",". */
function detectDelimiter(text: string): ";" | "," {
  const header = text.split(/\r?\n/, 1)[0] ?? "";
  return (header.match(/;/g)?.length ?? 0) >= (header.match(/,/g)?.length ?? 0) ? ";" : ",";
}

/** Accessory names in every shipped language and the keys themselves, lower case → key. */
function accessoryNames(): Map<string, Accessory> {
  const names = new Map<string, Accessory>();
  for (const key of ACCESSORIES) names.set(key, key);
  for (const resources of locales().values()) {
    const labels = (resources.lending as { accessory?: Record<string, string> } | undefined)?.accessory ?? {};
    for (const key of ACCESSORIES) if (labels[key]) names.set(labels[key].trim().toLocaleLowerCase("de"), key);
  }
  // What people also write
  names.set("ladekabel", "cable");
  names.set("kabel", "cable");
  names.set("netzteil", "charger");
  names.set("stift", "stylus");
  names.set("sim", "sim_card");
  names.set("schutzhülle", "case");
  names.set("tasche", "case");
  return names;
}

/** dd.mm.yyyy (German spreadsheets) or yyyy-mm-dd. */
function parseDay(value: string): Date | null {
  const german = /^(\d{1,2})\.(\d{1,2})\.(\d{4})$/.exec(value);
  if (german) return parseIsoDay(`${german[3]}-${german[2]!.padStart(2, "0")}-${german[1]!.padStart(2, "0")}`);
  return parseIsoDay(value);
}

function readRecords(file: Buffer): { header: string[]; records: { line: number; cells: string[] }[] } {
  if (file.length > MAX_IMPORT_BYTES) throw new AppError(400, "devices:import.errors.tooLarge");
  // Text files have no NUL bytes: this is UTF-16 ("Unicode text"), an Excel workbook or something else entirely.
  if (file.includes(0)) throw new AppError(400, "devices:import.errors.encoding");
  const text = decodeCsv(file);
  let parsed: { record: string[]; info: { lines: number } }[];
  try {
    parsed = parse(text, {
      delimiter: detectDelimiter(text),
      bom: true,
      info: true,
      relax_column_count: true,
      skip_empty_lines: true,
      trim: true,
    }) as unknown as { record: string[]; info: { lines: number } }[];
  } catch {
    throw new AppError(400, "devices:import.errors.unreadable");
  }
  const [first, ...rest] = parsed;
  if (!first) throw new AppError(400, "devices:import.errors.empty");
  if (rest.length > MAX_IMPORT_ROWS) throw new AppError(400, "devices:import.errors.tooManyRows");
  return { header: first.record, records: rest.map((r) => ({ line: r.info.lines, cells: r.record })) };
}

/** Which column is which; unknown, repeated or missing required columns refuse the whole file. */
function mapHeader(header: string[]): Map<Column, number> {
  const columns = new Map<Column, number>();
  for (const [index, raw] of header.entries()) {
    const name = raw.trim().toLocaleLowerCase("de");
    if (!name) continue;
    const column = HEADERS[name];
    if (!column || columns.has(column)) throw new AppError(400, "devices:import.errors.columns", { header: raw });
    columns.set(column, index);
  }
  if (!columns.has("assetTag") || !columns.has("model")) throw new AppError(400, "devices:import.errors.columns");
  return columns;
}

/** Reads and checks a file without writing anything. Throws 400 for a file that cannot be used at all. */
export async function checkImport(ctx: StaffCtx, input: { locationId: string; file: Buffer }): Promise<ImportCheck> {
  if (!can(ctx.actor, "device:manage", input.locationId)) throw forbidden("device:manage");
  if (!(await ctx.db.location.findUnique({ where: { id: input.locationId }, select: { id: true } }))) {
    throw new AppError(400, "devices:errors.locationUnknown");
  }
  const { header, records } = readRecords(input.file);
  const columns = mapHeader(header);
  const cell = (cells: string[], column: Column) => {
    const index = columns.get(column);
    return index === undefined ? "" : (cells[index] ?? "").trim();
  };
  const accessories = accessoryNames();
  const firstLine = new Map<string, number>();
  const good: ImportRow[] = [];
  const bad: BadRow[] = [];

  for (const { line, cells } of records) {
    if (cells.every((c) => !c.trim())) continue;
    const problems: BadRow["problems"] = [];
    const assetTag = normaliseTag(cell(cells, "assetTag"));
    if (!assetTag) problems.push({ key: "tagMissing" });
    else if (!isValidTag(assetTag)) problems.push({ key: "tagInvalid", value: assetTag });
    else if (firstLine.has(assetTag)) problems.push({ key: "tagDuplicateInFile", value: String(firstLine.get(assetTag)) });
    else firstLine.set(assetTag, line);

    const model = cell(cells, "model");
    if (!model) problems.push({ key: "modelMissing" });
    else if (model.length > 100) problems.push({ key: "modelTooLong" });

    const day = cell(cells, "dataPlanEndsOn");
    const dataPlanEndsOn = day ? parseDay(day) : null;
    if (day && !dataPlanEndsOn) problems.push({ key: "dateInvalid", value: day });

    const kit: Accessory[] = [];
    for (const name of cell(cells, "accessories").split(/[;,]/).map((n) => n.trim()).filter(Boolean)) {
      const key = accessories.get(name.toLocaleLowerCase("de"));
      if (key) {
        if (!kit.includes(key)) kit.push(key);
      } else problems.push({ key: "accessoryUnknown", value: name });
    }
    const serial = cell(cells, "serial");
    const simNumber = cell(cells, "simNumber");
    const notes = cell(cells, "notes");
    if (serial.length > 100 || simNumber.length > 40 || notes.length > 2000) problems.push({ key: "tooLong" });

    if (problems.length) bad.push({ line, assetTag, problems });
    else
      good.push({
        line,
        assetTag,
        model,
        serial: serial || null,
        simNumber: simNumber || null,
        dataPlanEndsOn,
        accessories: ACCESSORIES.filter((a) => kit.includes(a)),
        notes: notes || null,
      });
  }

  // Tags already in the programme (at any place), looked up in chunks through the unique index.
  const tags = good.map((r) => r.assetTag);
  const existing = new Set<string>();
  for (let i = 0; i < tags.length; i += 500) {
    const found = await ctx.db.device.findMany({ where: { assetTag: { in: tags.slice(i, i + 500) } }, select: { assetTag: true } });
    for (const d of found) existing.add(d.assetTag);
  }
  const stillGood = good.filter((row) => {
    if (!existing.has(row.assetTag)) return true;
    bad.push({ line: row.line, assetTag: row.assetTag, problems: [{ key: "tagExists", value: row.assetTag }] });
    return false;
  });
  bad.sort((a, b) => a.line - b.line);
  return { good: stillGood, bad, rows: stillGood.length + bad.length };
}

/** The check only, for the first step of the page. */
export async function previewImport(ctx: StaffCtx, input: { locationId: string; file: Buffer }) {
  const { good, bad, rows } = await checkImport(ctx, input);
  return { willImport: good.length, bad, rows };
}

/** Checks again and writes every good row in one transaction: all of them, or (if anything fails) none. */
export async function importDevices(ctx: StaffCtx, input: { locationId: string; file: Buffer }) {
  const { good, bad, rows } = await checkImport(ctx, input);
  if (good.length) {
    const now = ctx.clock.now();
    const actorId = ctx.actor.staffId;
    const devices = good.map((row) => ({ id: `dev_${crypto.randomUUID()}`, row }));
    try {
      await ctx.db.$transaction(
        async (tx) => {
          await tx.device.createMany({
            data: devices.map(({ id, row }) => ({
              id,
              assetTag: row.assetTag,
              locationId: input.locationId,
              model: row.model,
              serial: row.serial,
              simNumber: row.simNumber,
              dataPlanEndsOn: row.dataPlanEndsOn,
              accessories: JSON.stringify(row.accessories),
              notes: row.notes,
              status: "available",
              createdAt: now,
              updatedAt: now,
            })),
          });
          await tx.deviceEvent.createMany({
            data: devices.map(({ id, row }) => ({
              deviceId: id,
              at: now,
              kind: "imported",
              actorId,
              data: JSON.stringify({ assetTag: row.assetTag, line: row.line }),
            })),
          });
          await audit(ctx, tx, {
            action: "device.imported",
            subjectType: "Location",
            subjectId: input.locationId,
            locationId: input.locationId,
            details: { imported: good.length, rejected: bad.length },
          });
        },
        { timeout: 60_000 },
      );
    } catch (error) {
      // Someone added one of these tags between the check and the write: nothing was written.
      if (isUniqueViolation(error)) {
        throw new AppError(409, "devices:import.errors.changedMeanwhile");
      }
      throw error;
    }
  }
  return { imported: good.length, bad, rows };
}
