// The access export (Art. 15): everything stored about a person, and nothing about anyone else. One of everything is
// made for a person; every row of every table that belongs to them — found by walking the schema's links from
// Person, so a new table is checked without anyone listing it — must be in the export, by id.
import { describe, expect, it } from "vitest";
import { collectPersonData, EXPORT_SECTIONS, EXPORTED_MODELS, type ExportRow } from "~/capabilities/privacy/access-export.server";
import { accessReportDocument, accessReportFile, type ReportRecord } from "~/web/access-report.server";
import { createTestServices } from "../helpers/db";
import { makeLocation, makeOneOfEverything, makePerson, makeStaff, staffContext } from "../helpers/factories";
import { delegateName, personOwnedModels, schemaModels } from "../helpers/schema-models";

const services = await createTestServices("2026-11-23T10:00:00Z");
const { db } = services;
const here = await makeLocation(db);
const elsewhere = await makeLocation(db);
const coordinatorRow = await makeStaff(db, { role: "coordinator" });
const coordinator = staffContext(services, coordinatorRow);
const helper = await makeStaff(db, { role: "volunteer", locationIds: [here.id] });
await db.staff.update({ where: { id: helper.id }, data: { phone: "+4915199990000" } });

const gisela = await makePerson(db, { firstName: "Gisela", language: "ar", knownAt: here.id });
const made = await makeOneOfEverything(db, { personId: gisela.id, locationId: here.id, staffId: helper.id });
const otto = await makePerson(db, { firstName: "Ottokar", phone: "+4915187654321", knownAt: here.id });
const others = await makeOneOfEverything(db, { personId: otto.id, locationId: here.id, staffId: helper.id });

const models = schemaModels();
const keyField = (model: string) => models.get(model)!.find((f) => f.isId)!.name;
const key = (model: string, row: ExportRow) => String(row[keyField(model)]);

type Delegate = { findMany: (args: object) => Promise<Record<string, unknown>[]> };
const delegate = (model: string) => (db as unknown as Record<string, Delegate>)[delegateName(model)];

describe("the access export", () => {
  it("holds every row the factories made for the person, in every section", async () => {
    const data = await collectPersonData(coordinator, gisela.id);
    for (const model of EXPORTED_MODELS) {
      expect(data.sections[EXPORT_SECTIONS[model]].map((row) => key(model, row)), model).toEqual(expect.arrayContaining(made[model]));
    }
  });

  it("holds every row that the schema's links tie to the person, table by table", async () => {
    const owned = personOwnedModels(models);
    expect([...owned.keys()], "the walk finds the person's tables").toEqual(expect.arrayContaining(["Ticket", "TicketEvent", "LoanPhoto", "CallbackAttempt", "VoiceRecording"]));
    const data = await collectPersonData(coordinator, gisela.id);
    for (const [model, where] of owned) {
      expect(EXPORTED_MODELS, `${model} belongs to a person but has no section in the export`).toContain(model);
      const stored = await delegate(model).findMany({ where: where(gisela.id) });
      expect(stored.length, `${model}: the factory made one`).toBeGreaterThan(0);
      const exported = data.sections[EXPORT_SECTIONS[model as keyof typeof EXPORT_SECTIONS]].map((row) => key(model, row));
      expect(exported, model).toEqual(expect.arrayContaining(stored.map((row) => String(row[keyField(model)]))));
    }
  });

  it("carries every stored field of every row: as it is, staff and places by name, or left out as a form's key", async () => {
    const data = await collectPersonData(coordinator, gisela.id);
    const renamed: Record<string, string> = { locationId: "location" };
    for (const model of EXPORTED_MODELS) {
      const row = data.sections[EXPORT_SECTIONS[model]][0];
      const fields = models.get(model)!;
      for (const field of fields.filter((f) => !models.has(f.type))) {
        if (/Key$/.test(field.name) || ["activeDeviceId", "claimedUntil"].includes(field.name)) continue;
        const staffLink = fields.find((f) => f.relation?.model === "Staff" && f.relation.fields.includes(field.name));
        if (field.type === "Bytes") expect(row, `${model}.${field.name}`).toHaveProperty("bytes");
        else if (staffLink) {
          expect(Object.keys(row), `${model}.${field.name}: no staff id`).not.toContain(field.name);
          expect(data.sections[EXPORT_SECTIONS[model]].map((r) => r[staffLink.name]), `${model}.${staffLink.name} by name`).toContain(helper.name);
        } else expect(row, `${model}.${field.name}`).toHaveProperty(renamed[field.name] ?? field.name);
      }
    }
  });

  it("never shows another person's data, nor a staff member's phone, email or id", async () => {
    const file = JSON.stringify(await collectPersonData(coordinator, gisela.id));
    for (const id of Object.values(others).flat().filter((id) => id !== otto.phone)) expect(file).not.toContain(id);
    expect(file).not.toContain(otto.phone);
    expect(file).not.toContain("Ottokar");
    expect(file).not.toContain(helper.email);
    expect(file).not.toContain("+4915199990000");
    expect(file).not.toContain(helper.id);
    expect(file).toContain(helper.name);
  });

  it("carries texts as stored and the small damage photo inline; recordings by their size only", async () => {
    const data = await collectPersonData(coordinator, gisela.id);
    expect(data.sections.tickets[0]).toMatchObject({ description: "Das Tablet ist still.", assignee: helper.name, location: here.name });
    expect(data.sections.loans[0]).toMatchObject({ mentor: helper.name, agreementMode: "on_screen", learningGoals: [{ topicId: "t1", achieved: true }] });
    expect(data.sections.loanPhotos[0]).toMatchObject({ contentType: "image/jpeg", bytes: 4, image: "data:image/jpeg;base64,/9j/2Q==" });
    expect(data.sections.voiceRecordings[0]).toMatchObject({ contentType: "audio/mpeg", seconds: 12, bytes: 3 });
    expect(data.sections.voiceRecordings[0]).not.toHaveProperty("data");
    expect(data.sections.messages.map((m) => m.body).sort()).toEqual(["Danke!", "Ihr Termin ist morgen.", "Wer ist da?"]);
    expect(data.sections.optOuts).toEqual([{ phone: gisela.phone, at: "2026-10-05T09:00:00.000Z", via: "sms" }]);
  });

  it("is recorded in the access log, and the copy contains that entry with who made it", async () => {
    const before = await db.auditEntry.count({ where: { action: "person.exported", subjectId: gisela.id } });
    const data = await collectPersonData(coordinator, gisela.id, "document");
    const entry = await db.auditEntry.findFirstOrThrow({ where: { action: "person.exported", subjectId: gisela.id }, orderBy: { at: "desc" } });
    expect(await db.auditEntry.count({ where: { action: "person.exported", subjectId: gisela.id } })).toBe(before + 1);
    expect(entry).toMatchObject({ actorId: coordinatorRow.id, subjectType: "Person" });
    expect(JSON.parse(entry.details)).toMatchObject({ format: "document" });
    expect(data.sections.accessLog).toContainEqual(expect.objectContaining({ id: entry.id, actor: coordinatorRow.name, action: "person.exported", details: { format: "document", actorKind: "staff" } }));
  });

  it("is refused to staff who do not make reports (volunteers, librarians — also of the person's own place)", async () => {
    const librarian = staffContext(services, await makeStaff(db, { role: "librarian", locationIds: [here.id] }));
    const stranger = staffContext(services, await makeStaff(db, { role: "volunteer", locationIds: [elsewhere.id] }));
    for (const ctx of [librarian, stranger, staffContext(services, helper)]) {
      await expect(collectPersonData(ctx, gisela.id)).rejects.toMatchObject({ status: 403 });
    }
    expect(await db.auditEntry.count({ where: { action: "person.exported", actorId: { in: [librarian.actor.staffId, stranger.actor.staffId, helper.id] } } })).toBe(0);
  });

  it("answers an unknown or erased person with a 404 and records nothing", async () => {
    const gone = await makePerson(db, { knownAt: here.id });
    await db.person.delete({ where: { id: gone.id } });
    for (const id of [gone.id, "nobody"]) {
      await expect(collectPersonData(coordinator, id)).rejects.toMatchObject({ status: 404 });
      expect(await db.auditEntry.count({ where: { action: "person.exported", subjectId: id } })).toBe(0);
    }
  });
});

describe("the access report's two forms", () => {
  it("the document is in the person's language, right to left for Arabic, and shows every exported row", async () => {
    const report = await accessReportDocument(coordinator, gisela.id);
    expect(report).toMatchObject({ lng: "ar", dir: "rtl", name: "Gisela" });
    expect(report.text.title).toBe("تقرير عن بياناتك المحفوظة لدينا");
    const ids = (records: ReportRecord[]): string[] => records.flatMap((r) => [r.id, ...r.children.flatMap((c) => ids(c.records))]);
    const shown = new Set([...report.sections.flatMap((s) => ids(s.records)), ...report.accessLog.map((e) => e.id)]);
    for (const model of EXPORTED_MODELS) for (const id of made[model]) if (model !== "OptOut") expect(shown.has(id), `${model} ${id}`).toBe(true);
    // Every field is named in the person's language: no raw field name is left as a label.
    const fields = (records: ReportRecord[]): ReportRecord["fields"] => records.flatMap((r) => [...r.fields, ...r.children.flatMap((c) => fields(c.records))]);
    expect(report.sections.flatMap((s) => fields(s.records)).filter((f) => f.label === f.key)).toEqual([]);
    // Times are Berlin times: 09:00 UTC on 5 October is 11:00 in Berlin (summer time).
    const ticket = report.sections.find((s) => s.section === "tickets")!.records[0];
    expect(ticket.fields.find((f) => f.key === "createdAt")!.value).toMatch(/١١:٠٠|11:00/);
    // Stored codes read as the programme names them in that language ("new" → "جديد").
    expect(ticket.fields.find((f) => f.key === "status")!.value).toBe("جديد");
    const values = report.sections.flatMap((s) => fields(s.records)).map((f) => f.value);
    for (const code of ["outbound", "inbound", "on_screen", "joined", "completed", "returned", "reached"]) expect(values, code).not.toContain(code);
  });

  it("the file is the export as JSON with readable labels, named without personal data", async () => {
    const { fileName, body } = await accessReportFile(coordinator, gisela.id);
    expect(fileName).toBe("auskunft-art15-2026-11-23.json");
    const parsed = JSON.parse(body);
    expect(Object.keys(parsed.sections).sort()).toEqual([...Object.values(EXPORT_SECTIONS)].sort());
    expect(parsed.sections.accessLog[0].actionLabel).toBe("عُرض شخص");
  });
});
