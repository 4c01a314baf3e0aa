import iconv from "iconv-lite";
import { describe, expect, it } from "vitest";

import { importDevices, previewImport } from "~/capabilities/lending/device-import.server";
import {
  AddDeviceInput,
  addDevice,
  DeviceStatusInput,
  EditDeviceInput,
  editDevice,
  findDeviceByTag,
  getDevice,
  listDevices,
  setDeviceStatus,
  transferDevice,
  TransferInput,
} from "~/capabilities/lending/devices.server";

import { AppError } from "~/lib/errors";
import { createTestServices } from "../helpers/db";
import { makeLocation, makePerson, makeStaff, staffContext } from "../helpers/factories";

const services = await createTestServices();
const { db } = services;
const centre = await makeLocation(db, { name: "Begegnungszentrum" });
const home = await makeLocation(db, { name: "Haus am Park", kind: "care_home" });
const library = await makeLocation(db, { name: "Bibliothek", kind: "library" });
const volunteerRow = await makeStaff(db, { role: "volunteer", locationIds: [centre.id, home.id] });
const librarianRow = await makeStaff(db, { role: "librarian", locationIds: [library.id] });
const coordinatorRow = await makeStaff(db, { role: "coordinator" });

const staff = (row: Parameters<typeof staffContext>[1]) => staffContext(services, row);
const volunteer = staff(volunteerRow);
const librarian = staff(librarianRow);
const coordinator = staff(coordinatorRow);

async function expectAppError(promise: Promise<unknown>, status: number, messageKey?: string) {
  const error = await promise.then(() => null, (e: unknown) => e);
  expect(error).toBeInstanceOf(AppError);
  expect((error as AppError).status).toBe(status);
  if (messageKey) expect((error as AppError).messageKey).toBe(messageKey);
}

const add = (tag: string, overrides: Record<string, unknown> = {}, ctx = volunteer) =>
  addDevice(ctx, AddDeviceInput.parse({ assetTag: tag, model: "Samsung Galaxy Tab A9", locationId: centre.id, ...overrides }));

describe("adding and editing devices", () => {
  it("normalises the tag, keeps the kit and writes a 'created' history entry and an audit entry", async () => {
    const { id, assetTag } = await add("  tab 1001 ", {
      accessories: ["charger", "case"],
      serial: "R9XW123",
      dataPlanEndsOn: "2027-03-31",
    });
    expect(assetTag).toBe("TAB-1001");
    const device = await db.device.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(device).toMatchObject({ status: "available", serial: "R9XW123", accessories: '["charger","case"]', locationId: centre.id });
    expect(device.dataPlanEndsOn?.toISOString()).toBe("2027-03-31T00:00:00.000Z");
    expect(device.events.map((e) => e.kind)).toEqual(["created"]);
    expect(await db.auditEntry.count({ where: { action: "device.created", subjectId: id } })).toBe(1);
  });

  it("refuses a tag that is already used anywhere in the programme, whatever its case", async () => {
    await add("TAB-1002");
    await expectAppError(add("tab-1002", { locationId: home.id }), 409, "devices:errors.tagUsed");
  });

  it("rejects tags with other characters, a missing model and an unknown accessory", () => {
    const result = AddDeviceInput.safeParse({ assetTag: "TAB/1", model: "", locationId: centre.id, accessories: ["teapot"] });
    expect(result.success).toBe(false);
    const messages = result.error!.issues.map((i) => i.message);
    expect(messages).toEqual(expect.arrayContaining(["devices:errors.tagInvalid", "devices:errors.modelRequired", "devices:errors.accessoryUnknown"]));
    expect(AddDeviceInput.safeParse({ assetTag: "X", model: "M", locationId: centre.id, dataPlanEndsOn: "2027-02-30" }).success).toBe(false);
  });

  it("only where the actor may manage devices", async () => {
    await expectAppError(add("LIB-0001", { locationId: library.id }), 403);
    await expect(add("LIB-0001", { locationId: library.id }, librarian)).resolves.toMatchObject({ assetTag: "LIB-0001" });
  });

  it("edits record which fields changed; a tag taken by another device is refused", async () => {
    const { id } = await add("TAB-1003");
    const result = await editDevice(
      volunteer,
      id,
      EditDeviceInput.parse({ assetTag: "TAB-1003", model: "Lenovo Tab M10", accessories: "charger", simNumber: "8949 0000" }),
    );
    expect(result.changed.sort()).toEqual(["accessories", "model", "simNumber"]);
    const event = await db.deviceEvent.findFirstOrThrow({ where: { deviceId: id, kind: "edited" } });
    expect(JSON.parse(event.data).changes.model).toEqual({ from: "Samsung Galaxy Tab A9", to: "Lenovo Tab M10" });
    await expectAppError(
      editDevice(volunteer, id, EditDeviceInput.parse({ assetTag: "TAB-1002", model: "Lenovo Tab M10" })),
      409,
      "devices:errors.tagUsed",
    );
    const lib = await db.device.findUniqueOrThrow({ where: { assetTag: "LIB-0001" } });
    await expectAppError(editDevice(volunteer, lib.id, EditDeviceInput.parse({ assetTag: "LIB-0001", model: "X" })), 403);
  });
});

describe("statuses and transfers", () => {
  async function withStatus(tag: string, status: string) {
    const { id } = await add(tag);
    await db.device.update({ where: { id }, data: { status } });
    return id;
  }

  it("available → in repair → retired → available by hand, each with a history entry and the note", async () => {
    const { id } = await add("TAB-2001");
    await setDeviceStatus(volunteer, id, DeviceStatusInput.parse({ status: "in_repair", note: "Display gesprungen" }));
    await setDeviceStatus(volunteer, id, DeviceStatusInput.parse({ status: "retired" }));
    await setDeviceStatus(volunteer, id, DeviceStatusInput.parse({ status: "available" }));
    const events = await db.deviceEvent.findMany({ where: { deviceId: id, kind: "status" }, orderBy: { at: "asc" } });
    expect(events.map((e) => JSON.parse(e.data))).toEqual([
      { from: "available", to: "in_repair", note: "Display gesprungen" },
      { from: "in_repair", to: "retired", note: null },
      { from: "retired", to: "available", note: null },
    ]);
  });

  it.each(["on_loan", "reserved", "needs_reset"])("a device that is %s cannot be set by hand (409)", async (status) => {
    const id = await withStatus(`TAB-22${status.length}${status.charAt(0).toUpperCase()}`, status);
    await expectAppError(
      setDeviceStatus(volunteer, id, DeviceStatusInput.parse({ status: "available" })),
      409,
      `devices:errors.statusLocked.${status}`,
    );
    expect((await db.device.findUniqueOrThrow({ where: { id } })).status).toBe(status);
  });

  it("status and transfer of a device at another place are refused (403), nothing changes", async () => {
    const lib = await db.device.findUniqueOrThrow({ where: { assetTag: "LIB-0001" } });
    await expectAppError(setDeviceStatus(volunteer, lib.id, DeviceStatusInput.parse({ status: "retired" })), 403);
    await expectAppError(transferDevice(volunteer, lib.id, TransferInput.parse({ toLocationId: centre.id })), 403);
    expect(await db.device.findUniqueOrThrow({ where: { id: lib.id } })).toMatchObject({ status: "available", locationId: library.id });
    expect(await db.auditEntry.count({ where: { subjectId: lib.id, action: { in: ["device.status", "device.transferred"] } } })).toBe(0);
  });

  it("a status change is audit-logged with from and to", async () => {
    const { id } = await add("TAB-2002");
    await setDeviceStatus(volunteer, id, DeviceStatusInput.parse({ status: "in_repair" }));
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "device.status", subjectId: id } });
    expect(JSON.parse(entry.details)).toMatchObject({ from: "available", to: "in_repair" });
  });

  it("hand statuses do not include the loan statuses", () => {
    expect(DeviceStatusInput.safeParse({ status: "on_loan" }).success).toBe(false);
  });

  it("transfers between two places where the actor manages devices, with a 'transferred' entry and audit", async () => {
    const { id } = await add("TAB-2101");
    await transferDevice(volunteer, id, TransferInput.parse({ toLocationId: home.id, note: "Mehr Bedarf" }));
    const device = await db.device.findUniqueOrThrow({ where: { id } });
    expect(device.locationId).toBe(home.id);
    const event = await db.deviceEvent.findFirstOrThrow({ where: { deviceId: id, kind: "transferred" } });
    expect(JSON.parse(event.data)).toMatchObject({ fromLocationId: centre.id, toLocationId: home.id });
    expect(await db.auditEntry.count({ where: { action: "device.transferred", subjectId: id } })).toBe(1);
  });

  it("refuses transfers to a place without rights (403), to the same place (400) and of lent or held devices (409)", async () => {
    const { id } = await add("TAB-2102");
    await expectAppError(transferDevice(volunteer, id, TransferInput.parse({ toLocationId: library.id })), 403);
    await expectAppError(transferDevice(volunteer, id, TransferInput.parse({ toLocationId: centre.id })), 400, "devices:errors.sameLocation");
    for (const status of ["on_loan", "reserved"]) {
      const lent = await withStatus(`TAB-23${status.length}`, status);
      await expectAppError(
        transferDevice(volunteer, lent, TransferInput.parse({ toLocationId: home.id })),
        409,
        `devices:errors.transferLocked.${status}`,
      );
      expect((await db.device.findUniqueOrThrow({ where: { id: lent } })).locationId).toBe(centre.id);
    }
  });
});

describe("list, device page and finding by tag", () => {
  it("lists only devices at the actor's places, ordered by tag, filtered by status and tag/model prefix", async () => {
    await add("FIND-0002", { model: "iPad 9" });
    await add("FIND-0001", { model: "iPad 9" });
    await add("FIND-0010", { model: "Lenovo Tab M10" });
    const all = await listDevices(volunteer, { page: 1, pageSize: 500 });
    expect(all.devices.every((d) => d.location.id !== library.id)).toBe(true);
    expect(all.devices.map((d) => d.assetTag)).toEqual([...all.devices.map((d) => d.assetTag)].sort());
    const found = await listDevices(volunteer, { q: "find-000", page: 1 });
    expect(found.devices.map((d) => d.assetTag)).toEqual(["FIND-0001", "FIND-0002"]);
    const byModel = await listDevices(volunteer, { q: "iPad", page: 1 });
    expect(byModel.devices.map((d) => d.assetTag)).toEqual(["FIND-0001", "FIND-0002"]);
    const inRepair = await listDevices(volunteer, { status: "in_repair", page: 1 });
    expect(inRepair.devices.every((d) => d.status === "in_repair")).toBe(true);
    await expectAppError(listDevices(volunteer, { locationId: library.id, page: 1 }), 403);
    const everywhere = await listDevices(coordinator, { page: 1, pageSize: 500 });
    expect(everywhere.devices.some((d) => d.assetTag === "LIB-0001")).toBe(true);
  });

  it("finds a model by any part of its name in any case, umlauts included; % and _ are plain characters", async () => {
    await add("CASE-0001", { model: "Apple iPad (9. Generation)" });
    await add("CASE-0002", { model: "Samsung Galaxy Tab A9+" });
    await add("CASE-0003", { model: "Übungstablet Ärztehaus" });
    await add("CASE-0004", { model: "Tab 100% neu" });
    const tags = async (q: string) =>
      (await listDevices(volunteer, { q, page: 1, pageSize: 500 })).devices.map((d) => d.assetTag).filter((t) => t.startsWith("CASE-"));
    for (const q of ["ipad", "IPAD", "iPad", "IpAd", "apple ipad", "  9. GENERATION "]) expect(await tags(q), q).toEqual(["CASE-0001"]);
    for (const q of ["galaxy tab a9", "GALAXY TAB A9+", "tab a9"]) expect(await tags(q), q).toEqual(["CASE-0002"]);
    for (const q of ["übungstablet", "ÜBUNGSTABLET", "ärztehaus", "Ärztehaus", "ÄRZTEHAUS"]) expect(await tags(q), q).toEqual(["CASE-0003"]);
    expect(await tags("100%")).toEqual(["CASE-0004"]);
    expect(await tags("0% ne")).toEqual(["CASE-0004"]);
    expect(await tags("%")).toEqual([]);
    expect(await tags("_")).toEqual([]);
    expect(await tags("kindle")).toEqual([]);
    // Tags still match from the start, in any case: "case-000" finds all four, "ase-000" none by tag.
    expect(await tags("case-000")).toEqual(["CASE-0001", "CASE-0002", "CASE-0003", "CASE-0004"]);
    expect(await tags("ase-000")).toEqual([]);
  });

  it("pages through 2,000 devices at one place quickly", async () => {
    const big = await makeLocation(db, { name: "Großlager" });
    await db.device.createMany({
      data: Array.from({ length: 2000 }, (_, i) => ({ assetTag: `BULK-${String(i).padStart(4, "0")}`, model: "Tab", locationId: big.id })),
    });
    const started = performance.now();
    const page = await listDevices(coordinator, { locationId: big.id, page: 40, q: "bulk-1" });
    expect(performance.now() - started).toBeLessThan(1000);
    expect(page.total).toBe(1000);
    expect(page.pageCount).toBe(20);
    const last = await listDevices(coordinator, { locationId: big.id, page: 40 });
    expect(last.devices.map((d) => d.assetTag).at(-1)).toBe("BULK-1999");
  });

  it("one device: history with who did it, its loans by reference (no borrower), 404 unknown, 403 elsewhere", async () => {
    const { id } = await add("TAB-3001");
    const person = await makePerson(db);
    const at = services.clock.now();
    await db.loan.create({
      data: {
        reference: "KM3P7Q",
        deviceId: id,
        personId: person.id,
        locationId: centre.id,
        status: "returned",
        checkedOutAt: at,
        dueAt: at,
        returnedAt: at,
        agreementMode: "paper",
        agreementAcceptedAt: at,
      },
    });
    const device = await getDevice(volunteer, id);
    expect(device.events.map((e) => [e.kind, e.actor?.name])).toEqual([["created", volunteerRow.name]]);
    expect(device.loans).toEqual([expect.objectContaining({ reference: "KM3P7Q", status: "returned" })]);
    expect(Object.keys(device.loans[0]!)).not.toContain("personId");
    await expectAppError(getDevice(volunteer, "nope"), 404);
    const lib = await db.device.findUniqueOrThrow({ where: { assetTag: "LIB-0001" } });
    await expectAppError(getDevice(volunteer, lib.id), 403);
  });

  it.each([["TAB-3001"], ["tab-3001"], ["  tab 3001 "], ["TAB3001"], ["tab3001"]])("finds the device typed as %j", async (typed) => {
    expect(await findDeviceByTag(volunteer, typed)).toMatchObject({ assetTag: "TAB-3001" });
  });

  it("puts the dash back before the number of a longer tag", async () => {
    await add("E2X-DEV-0001");
    expect(await findDeviceByTag(volunteer, "e2x-dev0001")).toMatchObject({ assetTag: "E2X-DEV-0001" });
  });

  it("finds nothing for an unknown or meaningless tag", async () => {
    expect(await findDeviceByTag(volunteer, "TAB-9999")).toBeNull();
    expect(await findDeviceByTag(volunteer, "///")).toBeNull();
  });
});

describe("CSV import", () => {
  const utf8 = (text: string) => Buffer.from(text, "utf8");
  const run = (file: Buffer, locationId = home.id) => importDevices(volunteer, { locationId, file });

  it("reads UTF-8 with BOM, ';' separated, German headers, German dates and accessory names", async () => {
    const file = Buffer.concat([
      Buffer.from([0xef, 0xbb, 0xbf]),
      utf8(
        "Inventarnummer;Modell;Seriennummer;SIM-Nummer;Datentarif bis;Zubehör\r\n" +
          'imp-0001;Samsung Galaxy Tab A9;R9X1;89490001;31.03.2027;"Ladegerät, Hülle"\r\n' +
          "IMP-0002;Lenovo Tab M10;;;;\r\n",
      ),
    ]);
    const preview = await previewImport(volunteer, { locationId: home.id, file });
    expect(preview).toMatchObject({ willImport: 2, bad: [] });
    expect(await db.device.count({ where: { assetTag: { startsWith: "IMP-" } } })).toBe(0);
    const result = await run(file);
    expect(result.imported).toBe(2);
    const device = await db.device.findUniqueOrThrow({ where: { assetTag: "IMP-0001" }, include: { events: true } });
    expect(device).toMatchObject({ model: "Samsung Galaxy Tab A9", serial: "R9X1", simNumber: "89490001", accessories: '["charger","case"]', locationId: home.id });
    expect(device.dataPlanEndsOn?.toISOString().slice(0, 10)).toBe("2027-03-31");
    expect(device.events.map((e) => e.kind)).toEqual(["imported"]);
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "device.imported" }, orderBy: { at: "desc" } });
    expect(JSON.parse(entry.details)).toMatchObject({ imported: 2, rejected: 0 });
  });

  it("reads Windows-1252 with umlauts, ',' separated, English headers, ISO dates", async () => {
    const file = iconv.encode(
      "asset_tag,model,serial,sim_number,data_plan_ends_on,accessories\n" +
        'IMP-0101,Tablet für Senioren,S1,,2027-01-15,"Ladegerät;Hülle;Kopfhörer"\n',
      "win1252",
    );
    expect(() => new TextDecoder("utf-8", { fatal: true }).decode(file)).toThrow();
    const result = await run(file);
    expect(result).toMatchObject({ imported: 1, bad: [] });
    const device = await db.device.findUniqueOrThrow({ where: { assetTag: "IMP-0101" } });
    expect(device.model).toBe("Tablet für Senioren");
    expect(device.accessories).toBe('["charger","case","headphones"]');
  });

  it("refuses wrong or missing columns as a whole: nothing imported", async () => {
    await expectAppError(run(utf8("Inventarnummer;Farbe\nIMP-0201;rot\n")), 400, "devices:import.errors.columns");
    await expectAppError(run(utf8("Modell;Seriennummer\nX;1\n")), 400, "devices:import.errors.columns");
    expect(await db.device.count({ where: { assetTag: "IMP-0201" } })).toBe(0);
    await expectAppError(run(utf8("")), 400, "devices:import.errors.empty");
  });

  it("refuses a file in another encoding (UTF-16 'Unicode text', an Excel workbook) with its own message: nothing imported", async () => {
    const utf16 = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from("Inventarnummer;Modell\nIMP-0251;iPad 9\n", "utf16le")]);
    await expectAppError(run(utf16), 400, "devices:import.errors.encoding");
    const workbook = Buffer.from([0x50, 0x4b, 0x03, 0x04, 0x14, 0x00, 0x06, 0x00, 0x08, 0x00]);
    await expectAppError(run(workbook), 400, "devices:import.errors.encoding");
    expect(await db.device.count({ where: { assetTag: "IMP-0251" } })).toBe(0);
  });

  it("imports the good rows and reports each bad row with its line number and reason", async () => {
    await add("IMP-EXIST", { locationId: centre.id });
    const file = utf8(
      [
        "Inventarnummer;Modell;Datentarif bis;Zubehör",
        "IMP-0301;iPad 9;;", // line 2: good
        ";iPad 9;;", // line 3: tag missing
        "IMP-0301;iPad 9;;", // line 4: duplicate of line 2
        "IMP-EXIST;iPad 9;;", // line 5: exists
        "IMP-0302;iPad 9;32.13.2027;", // line 6: date
        "IMP-0303;iPad 9;;Teekanne", // line 7: accessory
        "IMP-0304;;;", // line 8: model missing
        "IMP-0305;iPad 9;01.02.2027;Stylus", // line 9: good
      ].join("\n"),
    );
    const result = await run(file);
    expect(result.imported).toBe(2);
    expect(result.bad.map((b) => [b.line, b.problems.map((p) => p.key)])).toEqual([
      [3, ["tagMissing"]],
      [4, ["tagDuplicateInFile"]],
      [5, ["tagExists"]],
      [6, ["dateInvalid"]],
      [7, ["accessoryUnknown"]],
      [8, ["modelMissing"]],
    ]);
    expect(result.bad.find((b) => b.line === 4)!.problems[0]!.value).toBe("2");
    expect(await db.device.count({ where: { assetTag: { in: ["IMP-0301", "IMP-0305"] } } })).toBe(2);
    expect(await db.device.count({ where: { assetTag: { in: ["IMP-0302", "IMP-0303", "IMP-0304"] } } })).toBe(0);
    expect((await db.device.findUniqueOrThrow({ where: { assetTag: "IMP-EXIST" } })).locationId).toBe(centre.id);
  });

  it("refuses files that are too large or have too many rows, and places without rights", async () => {
    await expectAppError(run(Buffer.alloc(2 * 1024 * 1024 + 1, 0x41)), 400, "devices:import.errors.tooLarge");
    const many = ["Inventarnummer;Modell", ...Array.from({ length: 5001 }, (_, i) => `MANY-${i};X`)].join("\n");
    await expectAppError(run(utf8(many)), 400, "devices:import.errors.tooManyRows");
    await expectAppError(run(utf8("Inventarnummer;Modell\nLIB-9;X\n"), library.id), 403);
  });

  it("writes nothing when the transaction fails (a tag taken between check and write)", async () => {
    const file = utf8("Inventarnummer;Modell\nRACE-0001;X\nRACE-0002;X\n");
    const original = db.$transaction.bind(db);
    // Someone saves RACE-0002 at the same moment: the import's write meets the unique index.
    (db as unknown as { $transaction: unknown }).$transaction = async (fn: unknown, options: unknown) => {
      (db as unknown as { $transaction: unknown }).$transaction = original;
      await add("RACE-0002", { locationId: centre.id });
      return original(fn as never, options as never);
    };
    await expectAppError(run(file), 409, "devices:import.errors.changedMeanwhile");
    expect(await db.device.count({ where: { assetTag: "RACE-0001" } })).toBe(0);
  });
});
