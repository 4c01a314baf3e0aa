// A damage photo of a loan, for staff who may see the loan: the stored bytes with their own content type.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { respondTo } from "~/web/errors.server";
import { requireStaff } from "~/web/session.server";
import { loanPhoto } from "~/capabilities/lending/loan-reads.server";

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "loan:view");
  const photo = await respondTo(() => loanPhoto(ctx, params.loanId!, params.photoId!));
  return new Response(new Uint8Array(photo.data), {
    headers: {
      "Content-Type": photo.contentType,
      "Content-Length": String(photo.data.length),
      "Cache-Control": "private, no-store",
      "X-Content-Type-Options": "nosniff",
      "Content-Disposition": "inline",
    },
  });
}
