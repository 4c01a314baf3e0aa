// Every 403 answered to signed-in staff is audit-logged from here, whichever guard or capability refused: the
// document and data responses both pass through the server entry, which calls this.
import type { AppLoadContext } from "@remix-run/node";
import { withActor } from "~/context";
import { recordRefusal } from "~/capabilities/privacy/audit.server";
import { logger } from "~/lib/logger.server";

export async function auditRefusal(request: Request, status: number, context: AppLoadContext): Promise<void> {
  if (status !== 403 || !context.staffActor) return;
  // A data request's path is the page's with ".data" added; the page is what was refused.
  const path = new URL(request.url).pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  try {
    await recordRefusal(withActor(context.services, context.staffActor), { method: request.method, path });
  } catch (error) {
    // The refusal stands even if the log cannot be written; the failure itself is worth an operator's look.
    logger.error({ err: error }, "refusal not audit-logged");
  }
}
