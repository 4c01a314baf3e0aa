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
  const { actor, expiresAt } = await requireStaff(request, context, "team:view");
  return {
    staff: { name: actor.name, role: actor.role },
    nav: navigationFor(actor),
    expiresAt: expiresAt.toISOString(),
    warnBeforeMs: 2 * 60_000,
  };
}

export default function TeamLayout() {
  const { staff, nav, expiresAt, warnBeforeMs } = useLoaderData<typeof loader>();
  return (
    <StaffShell nav={nav} staffName={staff.name}>
      <Outlet />
      <IdleWarning expiresAt={expiresAt} warnBeforeMs={warnBeforeMs} />
    </StaffShell>
  );
}
