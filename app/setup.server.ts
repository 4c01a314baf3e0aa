// Start-up: apply pending migrations with Prisma's own CLI, then seed demo data into an empty database.
import { execFileSync } from "node:child_process";
import path from "node:path";
import { openDatabase } from "~/db.server";
import { logger } from "~/lib/logger.server";
import { seedDemoData } from "../prisma/seed-data";

export async function prepareDatabase(databaseUrl: string, { seedWhenEmpty }: { seedWhenEmpty: boolean }) {
  execFileSync(process.execPath, [path.resolve("node_modules/prisma/build/index.js"), "migrate", "deploy"], {
    env: { ...process.env, DATABASE_URL: databaseUrl },
    stdio: ["ignore", "ignore", "inherit"],
  });
  if (!seedWhenEmpty) return;
  const db = await openDatabase(databaseUrl);
  try {
    if ((await db.location.count()) === 0) {
      await seedDemoData(db);
      logger.info("demo data seeded (see README for the demo sign-ins)");
    }
  } finally {
    await db.$disconnect();
  }
}
