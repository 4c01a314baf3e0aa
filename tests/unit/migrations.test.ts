// Every schema change comes with a migration: the schema must equal the snapshot the last migration was made from.
import fs from "node:fs";
import { expect, it } from "vitest";

it("prisma/schema.prisma has a migration (otherwise run `npm run migrate:new -- <name>`)", () => {
  expect(fs.readFileSync("prisma/schema.prisma", "utf8")).toBe(fs.readFileSync("prisma/schema.migrated.prisma", "utf8"));
});
