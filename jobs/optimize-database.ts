// Job: refresh SQLite's query-planner statistics, so queues and searches stay fast as tables grow.
import type { Services } from "~/context";

export async function optimizeDatabase(services: Services): Promise<void> {
  await services.db.$queryRawUnsafe("PRAGMA optimize=0x10002");
}
