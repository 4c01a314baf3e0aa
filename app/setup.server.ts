// Start-up: apply pending migrations with Prisma's own CLI, then seed demo data into an empty database.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { openDatabase } from "~/db.server";
import { systemClock, type Clock } from "~/lib/clock";
import { logger } from "~/lib/logger.server";
import { seedDemoData } from "../prisma/seed-data";

/** `clock`: the demo data is arranged around its "now" (loans due today, a mentoring session this afternoon). */
export async function prepareDatabase(databaseUrl: string, { seedWhenEmpty, clock = systemClock }: { seedWhenEmpty: boolean; clock?: Clock }) {
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
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
