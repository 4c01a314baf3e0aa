// Every table in the schema has its line in the record of processing, with every field that can hold a person's
// data: adding a model or a field with a name, number, free text, picture or link to a person and forgetting to
// classify it fails here. The document in docs/privacy is the one the code writes.
import fs from "node:fs";
import { describe, expect, it } from "vitest";
import { DATA_CLASSES, EXPORTED_MODELS } from "~/capabilities/privacy/data-classes";
import { EXPORT_SECTIONS } from "~/capabilities/privacy/access-export.server";
import { DOCUMENT_SECTIONS } from "~/web/access-report.server";
import { ERASURE_COVERS, ERASURE_NOT_NEEDED } from "~/capabilities/privacy/erasure.server";
import { recordOfProcessing } from "../../scripts/record-of-processing";

interface Field {
  name: string;
  type: string;
  /** For a relation: the model it points to and the scalar fields that hold the link. */
  relation?: { model: string; fields: string[] };
}

function schemaModels(): Map<string, Field[]> {
  const text = fs.readFileSync("prisma/schema.prisma", "utf8");
  const models = new Map<string, Field[]>();
  for (const [, name, body] of text.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const fields: Field[] = [];
    for (const line of body.split("\n")) {
      const m = /^\s+(\w+)\s+(\w+)(\??|\[\])(.*)$/.exec(line);
      if (!m || line.trim().startsWith("//") || line.trim().startsWith("@@")) continue;
      const link = /@relation\([^)]*fields: \[([^\]]+)\]/.exec(m[4]);
      fields.push({ name: m[1], type: m[2], relation: link ? { model: m[2], fields: link[1].split(",").map((f) => f.trim()) } : undefined });
    }
    models.set(name, fields);
  }
  return models;
}

/** Names that usually hold personal data when they are text or bytes. */
const SOUNDS_PERSONAL = /name|phone|email|body|description|note|concern|reason|wish|goal|follow|data|detail|payload|given|address|birth|text/i;

const models = schemaModels();

describe("the record of processing", () => {
  it("lists every table of the schema exactly once, and nothing else", () => {
    expect(DATA_CLASSES.map((c) => c.model).sort()).toEqual([...models.keys()].sort());
  });

  it.each([...models.keys()])("%s: every field that can hold a person's data is classified", (model) => {
    const entry = DATA_CLASSES.find((c) => c.model === model)!;
    const fields = models.get(model)!;
    const named = [...entry.fields, ...Object.keys(entry.notPersonal ?? {})];
    expect(named.filter((f) => !fields.some((x) => x.name === f)), "listed but not in the schema").toEqual([]);
    const links = fields.filter((f) => f.relation && ["Person", "Staff"].includes(f.relation.model)).flatMap((f) => f.relation!.fields);
    const texts = fields.filter((f) => ["String", "Bytes", "Json"].includes(f.type) && SOUNDS_PERSONAL.test(f.name)).map((f) => f.name);
    expect([...new Set([...links, ...texts])].filter((f) => !named.includes(f)), "personal-looking fields not classified").toEqual([]);
    if (fields.some((f) => f.relation?.model === "Person") || model === "Person") expect(entry.subjects).toContain("Bürger:innen");
    if (fields.some((f) => f.relation?.model === "Staff")) expect(entry.subjects).toContain("Mitarbeitende");
  });

  it("docs/privacy/verarbeitungsverzeichnis.md is the one the code writes (npx tsx scripts/record-of-processing.ts)", () => {
    expect(fs.readFileSync("docs/privacy/verarbeitungsverzeichnis.md", "utf8")).toBe(recordOfProcessing());
  });
});

/** Models whose rows hang off a person through a chain of links (a ticket's timeline, a loan's photos …). */
function linkedToPerson(): Set<string> {
  const linked = new Set(["Person"]);
  for (let grew = true; grew; ) {
    grew = false;
    for (const [model, fields] of models) {
      if (!linked.has(model) && fields.some((f) => f.relation && linked.has(f.relation.model))) grew = Boolean(linked.add(model));
    }
  }
  return linked;
}

describe("the access export (Art. 15) covers every table with a citizen's data", () => {
  it.each([...models.keys()])("%s: in the export if it can hold a citizen's data", (model) => {
    const entry = DATA_CLASSES.find((c) => c.model === model)!;
    if (entry.subjects.includes("Bürger:innen") || linkedToPerson().has(model)) expect(EXPORTED_MODELS).toContain(model);
  });

  it("exports only tables the schema has, and shows every one of them on the printed report", () => {
    expect(EXPORTED_MODELS.filter((m) => !models.has(m))).toEqual([]);
    expect(Object.values(EXPORT_SECTIONS).filter((s) => !DOCUMENT_SECTIONS.includes(s))).toEqual([]);
  });
});

// Erasure on request (Art. 17): every table that can hold a citizen's data is cleared by erasePerson, or named with
// the reason it need not be. Adding a table with a link to a person or citizens' free text fails here until
// erasure.server.ts (and its per-kind functions) say what happens to it; tests/integration/person-erasure.test.ts
// proves that it does.
describe("erasure covers every table with citizens' data", () => {
  const covered = { ...ERASURE_COVERS, ...ERASURE_NOT_NEEDED };

  it("names only tables of the schema", () => {
    expect(Object.keys(covered).filter((model) => !models.has(model))).toEqual([]);
  });

  it.each(DATA_CLASSES.filter((c) => c.subjects.includes("Bürger:innen")).map((c) => c.model))("%s is erased (or why not is said)", (model) => {
    expect(covered[model], `${model}: add it to ERASURE_COVERS in app/capabilities/privacy/erasure.server.ts`).toBeTruthy();
  });

  it.each([...models.keys()])("%s: a link to a person means erasure must know the table", (model) => {
    const linksToPerson = model === "Person" || models.get(model)!.some((f) => f.relation?.model === "Person");
    if (linksToPerson) expect(covered[model]).toBeTruthy();
  });
});
