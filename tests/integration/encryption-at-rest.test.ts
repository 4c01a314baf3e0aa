// Encryption at rest (issue 15, decision 030): what a copy of the database file (or a backup of it) gives away
// without the key — nothing — and how a database made before encryption, a new key and a lost key are handled.
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { PrismaBetterSQLite3 } from "@prisma/adapter-better-sqlite3";
import { PrismaClient } from "~/generated/prisma/client";
import { changeDatabaseKey, openDatabase } from "~/db.server";
import { databaseKey } from "~/lib/database-key";

const NAME = "Hildegard-Wunderlich";
const PHONE = "+4915112349876";
const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) fs.rmSync(dir, { recursive: true, force: true });
});

function newDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "da-crypt-"));
  dirs.push(dir);
  return dir;
}

/** Every byte the database keeps on disk: the file and, if there is one, its write-ahead log. */
function bytesOnDisk(file: string): Buffer {
  return Buffer.concat([file, `${file}-wal`].filter((f) => fs.existsSync(f)).map((f) => fs.readFileSync(f)));
}

async function storePerson(url: string): Promise<void> {
  const db = await openDatabase(url);
  await db.$executeRawUnsafe("CREATE TABLE IF NOT EXISTS person (name TEXT, phone TEXT)");
  await db.$executeRawUnsafe("INSERT INTO person VALUES (?, ?)", NAME, PHONE);
  await db.$disconnect();
}

async function readPerson(url: string): Promise<unknown> {
  const db = await openDatabase(url);
  try {
    return await db.$queryRawUnsafe("SELECT name, phone FROM person");
  } finally {
    await db.$disconnect();
  }
}

describe("the database file at rest", () => {
  it("holds no name or phone number readable without the key, in the file or its log, before and after a checkpoint", async () => {
    const dir = newDir();
    const url = `file:${path.join(dir, "app.db")}`;
    const db = await openDatabase(url);
    await db.$executeRawUnsafe("CREATE TABLE person (name TEXT, phone TEXT)");
    await db.$executeRawUnsafe("INSERT INTO person VALUES (?, ?)", NAME, PHONE);
    // Still in the write-ahead log …
    expect(fs.existsSync(path.join(dir, "app.db-wal"))).toBe(true);
    expect(bytesOnDisk(path.join(dir, "app.db")).includes(NAME)).toBe(false);
    // … and after it is written into the file.
    await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
    await db.$disconnect();
    const disk = bytesOnDisk(path.join(dir, "app.db"));
    for (const secret of [NAME, PHONE, "CREATE TABLE", "SQLite format 3"]) expect(disk.includes(secret), secret).toBe(false);
    // The key was made on first start, readable by this user only.
    const keyFile = path.join(dir, "database-key");
    expect(fs.statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(await readPerson(url)).toEqual([{ name: NAME, phone: PHONE }]);
  });

  it("cannot be read with another key or without one", async () => {
    const dir = newDir();
    const file = path.join(dir, "app.db");
    await storePerson(`file:${file}`);
    const keyless = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file }) });
    await expect(keyless.$queryRawUnsafe("SELECT name FROM person")).rejects.toThrow(/file is not a database/);
    await keyless.$disconnect();
    fs.writeFileSync(path.join(dir, "database-key"), "a-different-key-altogether\n");
    await expect(readPerson(`file:${file}`)).rejects.toThrow(/file is not a database/);
  });

  it("says which key is missing instead of making a new one when the key file of an encrypted database is gone", async () => {
    const dir = newDir();
    const url = `file:${path.join(dir, "app.db")}`;
    await storePerson(url);
    fs.rmSync(path.join(dir, "database-key"));
    expect(() => databaseKey(url)).toThrow(`is encrypted (or damaged) and its key file ${path.join(dir, "database-key")} is missing`);
    expect(fs.existsSync(path.join(dir, "database-key"))).toBe(false);
  });

  it("encrypts a database made before encryption when it is first opened, keeping every row", async () => {
    const dir = newDir();
    const file = path.join(dir, "app.db");
    const plain = new PrismaClient({ adapter: new PrismaBetterSQLite3({ url: file }) });
    await plain.$executeRawUnsafe("CREATE TABLE person (name TEXT, phone TEXT)");
    await plain.$executeRawUnsafe("INSERT INTO person VALUES (?, ?)", NAME, PHONE);
    await plain.$disconnect();
    expect(fs.readFileSync(file).includes(NAME)).toBe(true);

    expect(await readPerson(`file:${file}`)).toEqual([{ name: NAME, phone: PHONE }]);
    expect(bytesOnDisk(file).includes(NAME)).toBe(false);
    // And it is back in WAL mode for the app.
    const db = await openDatabase(`file:${file}`);
    expect(await db.$queryRawUnsafe("PRAGMA journal_mode")).toEqual([{ journal_mode: "wal" }]);
    await db.$disconnect();
  });

  it("takes a new key (rotation): the old key no longer opens it, the new one does", async () => {
    const dir = newDir();
    const url = `file:${path.join(dir, "app.db")}`;
    await storePerson(url);
    const oldKey = databaseKey(url)!;
    await changeDatabaseKey(path.join(dir, "app.db"), oldKey, "the-next-key-0123456789");
    await expect(readPerson(url)).rejects.toThrow(/file is not a database/);
    fs.writeFileSync(path.join(dir, "database-key"), "the-next-key-0123456789\n");
    expect(await readPerson(url)).toEqual([{ name: NAME, phone: PHONE }]);
  });

  it("overwrites deleted rows (secure_delete), so erased data does not linger in free pages", async () => {
    const db = await openDatabase(`file:${path.join(newDir(), "app.db")}`);
    expect(await db.$queryRawUnsafe("PRAGMA secure_delete")).toEqual([{ secure_delete: 1n }]);
    await db.$disconnect();
  });
});
