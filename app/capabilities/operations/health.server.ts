// What a load balancer asks before sending people here: does the database answer?
import type { Db } from "~/db.server";

/** Throws when the database does not answer a trivial query. */
export async function checkDatabase({ db }: { db: Db }): Promise<void> {
  await db.$queryRawUnsafe("SELECT 1");
}
