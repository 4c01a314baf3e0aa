// The models of prisma/schema.prisma as tests need them: each field with its type, its relation (the model it points
// to and the fields that hold the link), and which field is the primary key. Read from the schema file itself.
import fs from "node:fs";

export interface SchemaField {
  name: string;
  type: string;
  isId: boolean;
  /** For the side of a relation that holds the link: the model it points to and the scalar fields that hold it. */
  relation?: { model: string; fields: string[] };
}

export function schemaModels(file = "prisma/schema.prisma"): Map<string, SchemaField[]> {
  const text = fs.readFileSync(file, "utf8");
  const models = new Map<string, SchemaField[]>();
  for (const [, name, body] of text.matchAll(/^model (\w+) \{\n([\s\S]*?)^\}/gm)) {
    const fields: SchemaField[] = [];
    for (const line of body.split("\n")) {
      const m = /^\s+(\w+)\s+(\w+)(\??|\[\])(.*)$/.exec(line);
      if (!m || line.trim().startsWith("//") || line.trim().startsWith("@@")) continue;
      const link = /@relation\([^)]*fields: \[([^\]]+)\]/.exec(m[4]);
      fields.push({
        name: m[1],
        type: m[2],
        isId: /@id\b/.test(m[4]),
        relation: link ? { model: m[2], fields: link[1].split(",").map((f) => f.trim()) } : undefined,
      });
    }
    models.set(name, fields);
  }
  return models;
}

/**
 * The models whose rows belong to a person through a chain of links (a ticket, its timeline, a loan's photos …),
 * each with the Prisma `where` that finds one person's rows: `{ ticket: { person: { id } } }`, OR-ed where there
 * are several ways (a waiting-list place belongs to its person, and to the loan it became).
 */
export function personOwnedModels(models = schemaModels()): Map<string, (personId: string) => Record<string, unknown>> {
  const paths = new Map<string, ((personId: string) => Record<string, unknown>)[]>([["Person", [(id) => ({ id })]]]);
  const seen = new Set<string>();
  for (let changed = true; changed; ) {
    changed = false;
    for (const [model, fields] of models) {
      if (model === "Person") continue;
      for (const link of fields.filter((f) => f.relation && paths.has(f.relation.model))) {
        const key = `${model}.${link.name}`;
        if (seen.has(key)) continue;
        seen.add(key);
        const parents = paths.get(link.relation!.model)!;
        paths.set(model, [...(paths.get(model) ?? []), ...parents.map((parent) => (id: string) => ({ [link.name]: parent(id) }))]);
        changed = true;
      }
    }
  }
  return new Map([...paths].map(([model, wheres]) => [model, (id: string) => (wheres.length === 1 ? wheres[0](id) : { OR: wheres.map((w) => w(id)) })]));
}
const lowerFirst = (s: string) => s[0].toLowerCase() + s.slice(1);
/** The Prisma client's delegate name for a model ("TicketEvent" → "ticketEvent"). */
export const delegateName = lowerFirst;
