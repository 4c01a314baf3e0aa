// The access log: who read or changed whose record, when — filtered by person, staff member and days, as a page
// or a CSV file. Coordinators and admins only.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { useLoaderData } from "@remix-run/react";
import { AuditLog } from "~/ui/AuditLog";
import type { RouteHandle } from "~/web/handle";
import { auditPage } from "~/web/audit-page.server";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { titleKey: "team:audit.title", hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "audit:view");
  return auditPage(ctx, request, context.services.config.retention.auditDays);
}

export default function AuditLogPage() {
  return <AuditLog {...useLoaderData<typeof loader>()} />;
}
