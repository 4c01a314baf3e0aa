// Every staff page sits in here: the guard, the navigation, and the idle-timeout warning.
import type { LoaderFunctionArgs } from "@remix-run/node";
import { Outlet, useLoaderData } from "@remix-run/react";
import { StaffShell } from "~/ui/Shell/StaffShell";
import { IdleWarning } from "~/ui/Shell/IdleWarning";
import type { RouteHandle } from "~/web/handle";
import { navigationFor } from "~/web/navigation";
import { requireStaff } from "~/web/session.server";

export const handle: RouteHandle = { hydrate: true };

export async function loader({ request, context }: LoaderFunctionArgs) {
  const { ctx, actor, expiresAt } = await requireStaff(request, context, "team:view");
  const now = ctx.clock.now();
  return {
    staff: { name: actor.name, role: actor.role },
    nav: navigationFor(actor),
    session: { remainingMs: expiresAt.getTime() - now.getTime(), loadedAt: now.toISOString(), warnBeforeMs: 2 * 60_000 },
  };
}

export default function TeamLayout() {
  const { staff, nav, session } = useLoaderData<typeof loader>();
  return (
    <StaffShell nav={nav} staffName={staff.name} renderedAt={session.loadedAt}>
      <Outlet />
      <IdleWarning {...session} />
    </StaffShell>
  );
}
