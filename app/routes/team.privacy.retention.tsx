// The retention schedule (Löschkonzept): what is kept how long, the setting that changes it, and what the next
// nightly run will remove (counts only). Coordinators and admins, like the access log.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { retentionOverview } from "~/capabilities/privacy/retention/overview.server";
import { RetentionSchedule } from "~/ui/RetentionSchedule";
import type { RouteHandle } from "~/web/handle";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "team:retention.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "audit:view");
  return { rows: await retentionOverview(ctx, context.services.config) };
}

export default function RetentionSchedulePage() {
  return <RetentionSchedule {...useLoaderData<typeof loader>()} />;
}
