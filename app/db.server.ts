// The one way to open the database: Prisma over better-sqlite3, WAL mode, a busy timeout for the worker.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { sqliteFilePath } from "~/lib/database-url";

export type Db = PrismaClient;

/** Transaction client: what `db.$transaction(async (tx) => …)` hands over. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

export async function openDatabase(url: string): Promise<Db> {
  const file = sqliteFilePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const db = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file, timeout: 5000 }) });
  // WAL lets the web requests read while the job worker writes.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  // Deleted rows are overwritten with zeros, not left in free pages: an erased person cannot be read from the file.
  await db.$queryRawUnsafe("PRAGMA secure_delete = ON");
  return db;
}
