// The access log as a CSV file, with the same filter as the page (coordinators and admins). The export is itself
// audit-logged; a wrong filter goes back to the page, which names it.
import { redirect, type LoaderFunctionArgs } from "@remix-run/node";
import { detectLanguage } from "~/i18n/detect.server";
import { getT } from "~/i18n/i18n.server";
import { auditCsv } from "~/web/audit-page.server";
import { requireStaff } from "~/web/session.server";

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "audit:view");
  const csv = await auditCsv(ctx, request, getT(detectLanguage(request), "team"));
  if ("errors" in csv) throw redirect(`/team/audit${new URL(request.url).search}`);
  return new Response(csv, {
    headers: {
      "Content-Type": "text/csv; charset=utf-8",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": 'attachment; filename="zugriffsprotokoll.csv"',
    },
  });
}
