// Rotates the key that encrypts the database (`npm run db:rekey`, with the app stopped). Without DATABASE_KEY the new
// key replaces the key file and the old one is kept beside it for the backups made with it; with DATABASE_KEY the new
// key comes from NEW_DATABASE_KEY and the operator changes the setting afterwards.
import crypto from "node:crypto";
import fs from "node:fs";
import { changeDatabaseKey, openDatabase } from "~/db.server";
import { databaseKey, databaseKeyFile } from "~/lib/database-key";
import { DEFAULT_DATABASE_URL, sqliteFilePath } from "~/lib/database-url";

const url = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
const file = sqliteFilePath(url);
const fromSetting = Boolean(process.env.DATABASE_KEY);
const newKey = process.env.NEW_DATABASE_KEY ?? (fromSetting ? null : crypto.randomBytes(32).toString("hex"));

function stop(sentence: string): never {
  console.error(sentence);
  process.exit(1);
}

if (!fs.existsSync(file)) stop(`There is no database at ${file} (DATABASE_URL): nothing to rekey.`);
if (!newKey || newKey.length < 16) stop("DATABASE_KEY is set: give the new key (at least 16 characters) in NEW_DATABASE_KEY.");

// Opening first proves the current key (and encrypts a database made before encryption).
const db = await openDatabase(url);
await db.$queryRawUnsafe("PRAGMA wal_checkpoint(TRUNCATE)");
await db.$disconnect();
const currentKey = databaseKey(url)!;
await changeDatabaseKey(file, currentKey, newKey);

if (fromSetting) {
  console.log("The database now uses the key in NEW_DATABASE_KEY. Set DATABASE_KEY to it before the next start.");
} else {
  const keyFile = databaseKeyFile(url);
  fs.writeFileSync(`${keyFile}.previous`, `${currentKey}\n`, { mode: 0o600 });
  fs.writeFileSync(`${keyFile}.next`, `${newKey}\n`, { mode: 0o600 });
  fs.renameSync(`${keyFile}.next`, keyFile);
  console.log(`The database has a new key in ${keyFile}. The old key is in ${keyFile}.previous: backups made before now need it.`);
}
const check = await openDatabase(url);
await check.$queryRawUnsafe("PRAGMA quick_check(1)");
await check.$disconnect();
