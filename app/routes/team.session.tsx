// "Stay signed in": any authorised request slides the idle timeout; this one answers with the new end.
import type { ActionFunctionArgs } from "@remix-run/node";
import { requireStaff } from "~/web/session.server";

export async function action({ request, context }: ActionFunctionArgs) {
  const { ctx, expiresAt } = await requireStaff(request, context, "team:view");
  return { remainingMs: expiresAt.getTime() - ctx.clock.now().getTime() };
}
