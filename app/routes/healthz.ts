// For load balancers and the test harness: 200 when the database file can be read (see /readyz for more).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkDatabase } from "~/capabilities/operations/health.server";

export async function loader({ context }: LoaderFunctionArgs) {
  await checkDatabase(context.services);
  return new Response("ok", { headers: { "Content-Type": "text/plain", "Cache-Control": "no-store" } });
}
