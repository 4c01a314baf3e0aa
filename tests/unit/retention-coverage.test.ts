// The retention schedule covers every table that holds citizens' data: a new table with a person's data must be
// deleted by the schedule or be left on purpose with a reason (app/capabilities/privacy/retention/covered.ts).
import { describe, expect, it } from "vitest";
import { DATA_CLASSES } from "~/capabilities/privacy/data-classes";
import { RETENTION_COVERS, RETENTION_LEAVES } from "~/capabilities/privacy/retention/covered";

describe("the retention schedule", () => {
  const citizens = DATA_CLASSES.filter((c) => c.subjects.includes("Bürger:innen")).map((c) => c.model);

  it("deletes from, or deliberately leaves, every table with citizens' data", () => {
    expect(citizens.filter((m) => !(m in RETENTION_COVERS) && !(m in RETENTION_LEAVES))).toEqual([]);
  });

  it("names only tables that exist, each in one list", () => {
    const known = new Set(DATA_CLASSES.map((c) => c.model));
    expect([...Object.keys(RETENTION_COVERS), ...Object.keys(RETENTION_LEAVES)].filter((m) => !known.has(m))).toEqual(
      []
    );
    expect(Object.keys(RETENTION_COVERS).filter((m) => m in RETENTION_LEAVES)).toEqual([]);
  });
});
