// The access report (Art. 15) as a JSON file to hand to the person: the same data as the printed report, with the
// ids that link its records. Coordinators and admins; recorded in the access log; never kept by a cache.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { accessReportFile } from "~/web/access-report.server";
import { respondTo } from "~/web/errors.server";
import { requireStaff } from "~/web/session.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "person:export");
  const { fileName, body } = await respondTo(() => accessReportFile(ctx, params.personId!));
  return new Response(body, {
    headers: {
      "Content-Type": "application/json; charset=utf-8",
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": `attachment; filename="${fileName}"`,
    },
  });
}
