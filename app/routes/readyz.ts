// For load balancers: 200 when the database is readable and fully migrated, 503 while it is not (decision 024).
import type { LoaderFunctionArgs } from "@remix-run/node";
import { checkReadiness } from "~/capabilities/operations/health.server";

export async function loader({ context }: LoaderFunctionArgs) {
  const readiness = await checkReadiness(context.services);
  const headers = { "Content-Type": "text/plain", "Cache-Control": "no-store" };
  if (readiness.ready) return new Response("ready", { headers });
  return new Response(`not ready: ${readiness.reason}`, { status: 503, headers: { ...headers, "Retry-After": "5" } });
}
