// Staff note that a caller asked on the phone for their data to be erased: a task (a "Datenschutz" ticket) for the
// coordinators, never the erasure itself. POST only, from the person page; back there with what was filed.
import type { ActionFunctionArgs } from "@remix-run/node";
import { redirect } from "@remix-run/node";
import { recordErasureRequestByPhone, requireErasureRequestable } from "~/capabilities/privacy/erasure-requests.server";
import { respondTo } from "~/web/errors.server";
import { noticeCookie } from "~/web/flash.server";
import { requireStaff } from "~/web/session.server";

/** Opened by address (a reload after the post): back to the person — for those who may see them. */
export async function loader({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "person:manage");
  await respondTo(() => requireErasureRequestable(ctx, params.personId!));
  return redirect(`/team/people/${params.personId}`);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { ctx } = await requireStaff(request, context, "person:manage");
  const filed = await respondTo(() => recordErasureRequestByPhone(ctx, params.personId!));
  const messageKey = filed.filed ? "tickets:person.erase.request.filed" : "tickets:person.erase.request.open";
  return redirect(`/team/people/${params.personId}`, { headers: { "Set-Cookie": await noticeCookie(context, messageKey, { reference: filed.reference }) } });
}
