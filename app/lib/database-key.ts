// The key that encrypts the SQLite file at rest (SQLite3 Multiple Ciphers, ChaCha20-Poly1305; decision 030): one
// reading for the app, the Prisma CLI, the scripts and the tests. Without DATABASE_KEY a random key is made on first
// start and kept in a key file, like the session secret.
import crypto from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import type { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { sqliteFilePath } from "./database-url.ts";

/** What the first 16 bytes of an unencrypted SQLite file say. */
const PLAIN_HEADER = Buffer.from("SQLite format 3\0", "latin1");

/** Where the key is kept when DATABASE_KEY is not set: DATABASE_KEY_FILE, or next to the database. */
export function databaseKeyFile(databaseUrl: string, env: NodeJS.ProcessEnv = process.env): string {
  return path.resolve(env.DATABASE_KEY_FILE || path.join(path.dirname(sqliteFilePath(databaseUrl)), "database-key"));
}

/**
 * The key for this database, or null for an in-memory one. A missing key file is made (random, 256 bits) only when
 * there is no encrypted database yet that an older key would open: otherwise the start stops with that sentence.
 */
export function databaseKey(databaseUrl: string, env: NodeJS.ProcessEnv = process.env): string | null {
  const file = sqliteFilePath(databaseUrl);
  if (file === ":memory:") return null;
  if (env.DATABASE_KEY) return env.DATABASE_KEY;
  const keyFile = databaseKeyFile(databaseUrl, env);
  if (fs.existsSync(keyFile)) return fs.readFileSync(keyFile, "utf8").trim();
  if (fs.existsSync(file) && fs.statSync(file).size > 0 && !isPlainDatabase(file)) {
    throw new Error(`${file} is encrypted (or damaged) and its key file ${keyFile} is missing: restore the key file or set DATABASE_KEY`);
  }
  const key = crypto.randomBytes(32).toString("hex");
  fs.mkdirSync(path.dirname(keyFile), { recursive: true });
  fs.writeFileSync(keyFile, `${key}\n`, { mode: 0o600, flag: "wx" });
  return key;
}

/** True for an existing unencrypted SQLite file (one made before encryption, or by another tool). */
export function isPlainDatabase(file: string): boolean {
  if (!fs.existsSync(file)) return false;
  const fd = fs.openSync(file, "r");
  try {
    const head = Buffer.alloc(16);
    return fs.readSync(fd, head, 0, 16, 0) === 16 && head.equals(PLAIN_HEADER);
  } finally {
    fs.closeSync(fd);
  }
}

/** The statements that must run before anything reads the file (`key`), or that change its key (`rekey`). */
export function keyPragmas(key: string, verb: "key" | "rekey" = "key"): string[] {
  return ["PRAGMA cipher = 'chacha20'", `PRAGMA ${verb} = '${key.replaceAll("'", "''")}'`];
}

/**
 * Prisma's adapter opens better-sqlite3 inside `connect()` and the migration engine reads at once: the key has to be
 * applied right there, before the connection is handed over. With no key the adapter is returned as it is.
 */
export function withDatabaseKey(factory: PrismaBetterSQLite3, key: string | null): KeyedAdapter {
  if (!key) return factory;
  return {
    provider: factory.provider,
    adapterName: factory.adapterName,
    async connect() {
      const connection = await factory.connect();
      await connection.executeScript(keyPragmas(key).join("; "));
      return connection;
    },
    // Prisma's shadow database is in memory: nothing to encrypt.
    connectToShadowDb: () => factory.connectToShadowDb(),
  };
}

type KeyedAdapter = Pick<PrismaBetterSQLite3, "provider" | "adapterName" | "connect" | "connectToShadowDb">;
