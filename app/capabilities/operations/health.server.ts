// What a load balancer asks before sending people here: is the database there and readable (health), and does it
// hold every migration this code expects, none half-applied (readiness)?
import fs from "node:fs";
import path from "node:path";
import type { Db } from "~/db.server";

/**
 * Throws when the database file cannot be read. `SELECT 1` alone would not touch the file; reading the schema does
 * (its first pages), which catches a file replaced, truncated or overwritten. A full `PRAGMA quick_check` reads every
 * page and is left to the start (decision 024).
 */
export async function checkDatabase({ db }: { db: Db }): Promise<void> {
  await db.$queryRawUnsafe("SELECT count(*) AS n FROM sqlite_master");
}

let expected: string[] | null = null;
/** The migrations this code comes with (prisma/migrations), read once. */
function expectedMigrations(): string[] {
  expected ??= fs
    .readdirSync(path.resolve("prisma/migrations"), { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => d.name);
  return expected;
}

export type Readiness = { ready: true } | { ready: false; reason: "database unreadable" | "migrations pending" };

/** Not ready while a migration runs or is missing (another instance upgrading), or when the file cannot be read. */
export async function checkReadiness({ db }: { db: Db }): Promise<Readiness> {
  let rows: { migration_name: string; finished_at: unknown; rolled_back_at: unknown }[];
  try {
    await checkDatabase({ db });
    rows = await db.$queryRawUnsafe(`SELECT "migration_name", "finished_at", "rolled_back_at" FROM "_prisma_migrations"`);
  } catch {
    return { ready: false, reason: "database unreadable" };
  }
  const applied = new Set(rows.filter((r) => r.finished_at !== null && r.rolled_back_at === null).map((r) => r.migration_name));
  const running = rows.some((r) => r.finished_at === null && r.rolled_back_at === null);
  if (running || expectedMigrations().some((m) => !applied.has(m))) return { ready: false, reason: "migrations pending" };
  return { ready: true };
}
