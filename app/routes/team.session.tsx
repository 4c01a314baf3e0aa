// "Stay signed in": any authorised request slides the idle timeout; this one answers with the time left, as JSON
// (the idle warning asks with a plain request, so the page's data is not reloaded with it).
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/web/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx, expiresAt } = await requireStaff(request, context, "team:view");
  return Response.json({ remainingMs: expiresAt.getTime() - ctx.clock.now().getTime() }, { headers: { "Cache-Control": "no-store" } });
}
