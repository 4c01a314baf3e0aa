// `npm run migrate:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql with the SQL that takes
// the database from the schema of the last migration (prisma/schema.migrated.prisma) to prisma/schema.prisma.
// Offline: Prisma's JS schema engine diffs two schema files; it cannot build a shadow database here.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const SNAPSHOT = "prisma/schema.migrated.prisma";
const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run migrate:new -- <name>   e.g. npm run migrate:new -- add_devices");
  process.exit(1);
}

const sql = execFileSync(
  process.execPath,
  [
    path.resolve("node_modules/prisma/build/index.js"),
    "migrate", "diff",
    "--from-schema-datamodel", SNAPSHOT,
    "--to-schema-datamodel", "prisma/schema.prisma",
    "--script",
  ],
  {
    encoding: "utf8",
    // The classic engine cannot be downloaded here; diffing does not need it, but the CLI looks for a file.
    env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: path.resolve("package.json") },
    stdio: ["ignore", "pipe", "inherit"],
  },
);
if (!sql.trim() || /This is an empty migration/.test(sql)) {
  console.log("The schema matches the last migration: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
fs.copyFileSync("prisma/schema.prisma", SNAPSHOT);
console.log(`Wrote ${dir}/migration.sql and updated ${SNAPSHOT}. Review the SQL; \`npm start\` applies it.`);
