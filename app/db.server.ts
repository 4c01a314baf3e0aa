// The one way to open the database: Prisma over better-sqlite3, encrypted at rest, WAL mode, a busy timeout for the
// worker.
import fs from "node:fs";
import path from "node:path";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { databaseKey, isPlainDatabase, keyPragmas, withDatabaseKey } from "~/lib/database-key";
import { sqliteFilePath } from "~/lib/database-url";

export type Db = PrismaClient;

/** Transaction client: what `db.$transaction(async (tx) => …)` hands over. */
export type Tx = Parameters<Parameters<Db["$transaction"]>[0]>[0];

/** `encrypted: false` only for tests that search the file's bytes for what erasure left behind (decision 035). */
export async function openDatabase(url: string, { encrypted = true }: { encrypted?: boolean } = {}): Promise<Db> {
  const file = sqliteFilePath(url);
  if (file !== ":memory:") fs.mkdirSync(path.dirname(file), { recursive: true });
  const key = encrypted ? databaseKey(url) : null;
  if (key && isPlainDatabase(file)) await changeDatabaseKey(file, null, key);
  const db = new PrismaClient({ adapter: withDatabaseKey(new PrismaBetterSQLite3({ url: file, timeout: 5000 }), key) });
  // WAL lets the web requests read while the job worker writes.
  await db.$queryRawUnsafe("PRAGMA journal_mode = WAL");
  await db.$queryRawUnsafe("PRAGMA foreign_keys = ON");
  // Deleted rows are overwritten with zeros, not left in free pages: what the retention run or an erasure deletes
  // cannot be read from the file afterwards, not even with the key (decisions 030, 035).
  await db.$queryRawUnsafe("PRAGMA secure_delete = ON");
  return db;
}

/**
 * Encrypts a database made before encryption (or restored from an old backup) in place, once, when it is first
 * opened with a key; and rotates the key (scripts/rekey-database.ts). Changing the key needs the rollback journal, not
 * WAL; the next open switches WAL back on.
 */
export async function changeDatabaseKey(file: string, currentKey: string | null, newKey: string): Promise<void> {
  const db = new PrismaClient({ adapter: withDatabaseKey(new PrismaBetterSQLite3({ url: file, timeout: 5000 }), currentKey) });
  try {
    await db.$queryRawUnsafe("PRAGMA journal_mode = DELETE");
    for (const pragma of keyPragmas(newKey, "rekey")) await db.$executeRawUnsafe(pragma);
  } finally {
    await db.$disconnect();
  }
}
