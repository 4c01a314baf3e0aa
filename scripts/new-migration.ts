// `npm run migrate:new -- <name>`: writes prisma/migrations/<timestamp>_<name>/migration.sql from the difference
// between the migrations so far and prisma/schema.prisma. Offline: uses Prisma's JS schema engine.
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";

const name = (process.argv[2] ?? "").toLowerCase().replace(/[^a-z0-9]+/g, "_").replace(/^_|_$/g, "");
if (!name) {
  console.error("Usage: npm run migrate:new -- <name>   e.g. npm run migrate:new -- add_devices");
  process.exit(1);
}

const prisma = (args: string[], env: NodeJS.ProcessEnv = {}) =>
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), ...args], {
    encoding: "utf8",
    // The classic engine cannot be downloaded here; diffing does not need it, but the CLI looks for a file.
    env: { ...process.env, PRISMA_QUERY_ENGINE_LIBRARY: path.resolve("package.json"), ...env },
    stdio: ["ignore", "pipe", "inherit"],
  });

const sql = prisma([
  "migrate", "diff",
  "--from-migrations", "prisma/migrations",
  "--to-schema-datamodel", "prisma/schema.prisma",
  "--script",
]);
if (!sql.trim() || /^-- This is an empty migration/m.test(sql)) {
  console.log("The schema matches the migrations: nothing to write.");
  process.exit(0);
}
const stamp = new Date().toISOString().replace(/\D/g, "").slice(0, 14);
const dir = path.join("prisma", "migrations", `${stamp}_${name}`);
fs.mkdirSync(dir, { recursive: true });
fs.writeFileSync(path.join(dir, "migration.sql"), sql);
console.log(`Wrote ${dir}/migration.sql — review it, then run \`npm start\` (or \`npx prisma migrate deploy\`).`);
