// Start-up: check the database file can be read, apply pending migrations with Prisma's own CLI, then seed demo data
// into an empty database. A database that cannot be used stops the start with one sentence (StartupProblem).
import { execFileSync } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { openDatabase } from "~/db.server";
import { systemClock, type Clock } from "~/lib/clock";
import { databaseKeyFile } from "~/lib/database-key";
import { sqliteFilePath } from "~/lib/database-url";
import { StartupProblem } from "~/lib/errors";
import { logger } from "~/lib/logger.server";
import { seedDemoData } from "../prisma/seed-data";

/** `clock`: the demo data is arranged around its "now" (loans due today, a mentoring session this afternoon). */
export async function prepareDatabase(databaseUrl: string, { seedWhenEmpty, clock = systemClock }: { seedWhenEmpty: boolean; clock?: Clock }) {
  await checkReadable(databaseUrl);
  try {
    execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
      env: { ...process.env, DATABASE_URL: databaseUrl },
      stdio: ["ignore", "ignore", "pipe"],
    });
  } catch (error) {
    const said = String((error as { stderr?: Buffer }).stderr ?? "").trim().split("\n").filter(Boolean).at(-1);
    throw new StartupProblem(`The database ${sqliteFilePath(databaseUrl)} could not be migrated (${said ?? "prisma migrate deploy failed"}); nothing was started.`);
  }
  const db = await openDatabase(databaseUrl);
  try {
    if (seedWhenEmpty && (await db.location.count()) === 0) {
      await seedDemoData(db, clock);
      logger.info("demo data seeded (see README for the demo sign-ins)");
    }
    // Query-planner statistics (cheap when nothing changed); also refreshed nightly by a job.
    await db.$queryRawUnsafe("PRAGMA optimize=0x10002");
  } finally {
    await db.$disconnect();
  }
}

/**
 * A file that is not an SQLite database, is damaged or may not be read stops the start here, before the migration
 * tool would print its own stack. `PRAGMA quick_check` reads every page once: seconds for a large file, paid only
 * at start (the health check does less, see capabilities/operations/health.server.ts).
 */
async function checkReadable(databaseUrl: string): Promise<void> {
  const file = sqliteFilePath(databaseUrl);
  const unusable = (reason: string) =>
    new StartupProblem(`The database ${file} cannot be used (${reason}): restore it from a backup or set DATABASE_URL to another file.`);
  if (file !== ":memory:" && fs.existsSync(file)) {
    try {
      fs.accessSync(file, fs.constants.R_OK | fs.constants.W_OK);
    } catch (error) {
      throw unusable(`${(error as NodeJS.ErrnoException).code ?? "no access"}: this user may not read and write it`);
    }
  }
  let problem: string | null = null;
  const db = await openDatabase(databaseUrl).catch((error: unknown) => {
    problem = firstLine(error);
    return null;
  });
  try {
    if (db) {
      const rows = await db.$queryRawUnsafe<{ quick_check: string }[]>("PRAGMA quick_check(1)");
      if (rows[0]?.quick_check !== "ok") problem = `damaged: ${rows[0]?.quick_check ?? "no answer"}`;
    }
  } catch (error) {
    problem = firstLine(error);
  } finally {
    await db?.$disconnect();
  }
  // SQLite cannot tell a damaged file from one encrypted with another key.
  if (problem === "file is not a database") problem = `${problem}, or not one this key opens: DATABASE_KEY or ${databaseKeyFile(databaseUrl)}`;
  if (problem) throw unusable(problem);
}

function firstLine(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const lines = message.split("\n").map((l) => l.trim()).filter(Boolean);
  // Prisma puts SQLite's own words after its "Invalid `prisma…` invocation:" line, sometimes as "Message: `…`".
  const said = lines[0]?.startsWith("Invalid `prisma") ? lines.at(-1) : lines[0];
  return (/Message: `([^`]+)`/.exec(said ?? "")?.[1] ?? said ?? "unknown error").slice(0, 200);
}
