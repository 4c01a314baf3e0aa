// Prisma CLI configuration: the JS schema engine with the better-sqlite3 adapter (so nothing is downloaded), opened
// with the database's key.
import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "prisma/config";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { databaseKey, withDatabaseKey } from "./app/lib/database-key.ts";
import { DEFAULT_DATABASE_URL, sqliteFilePath } from "./app/lib/database-url.ts";

process.env.DATABASE_URL ??= DEFAULT_DATABASE_URL;

export default defineConfig({
  experimental: { adapter: true },
  schema: path.join("prisma", "schema.prisma"),
  migrations: { path: path.join("prisma", "migrations") },
  engine: "js",
  async adapter() {
    const file = sqliteFilePath(process.env.DATABASE_URL!);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    // The app encrypts a database made before encryption when it first opens it (db.server.ts), before migrating.
    return withDatabaseKey(new PrismaBetterSQLite3({ url: file }), databaseKey(process.env.DATABASE_URL!));
  },
});
