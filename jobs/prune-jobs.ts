// Job: remove finished jobs older than a week.
import type { Services } from "~/context";
import { pruneJobs } from "./queue";

export async function pruneFinishedJobs(services: Services): Promise<void> {
  await pruneJobs(services.db, services.clock.now());
}
