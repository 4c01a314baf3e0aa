// Every 403 answered to signed-in staff is audit-logged from here, whichever guard or capability refused and whatever
// kind of route answered: a page, its data request, or a resource route such as a file download. Remix calls no
// server-entry hook for resource routes, so the watch sits one level lower: server.ts hands Remix a build whose every
// loader and action reports the 403 it throws or returns.
import type { ActionFunctionArgs, AppLoadContext, ServerBuild } from "@remix-run/node";
import { withActor } from "~/context";
import { recordRefusal } from "~/capabilities/privacy/audit.server";
import { logger } from "~/lib/logger.server";

/** The build Remix serves, each route module's loader and action watched for refusals. */
export function auditingRefusals(build: ServerBuild): ServerBuild {
  const routes = Object.fromEntries(
    Object.entries(build.routes).map(([id, route]) => {
      const { loader, action } = route.module;
      const module = {
        ...route.module,
        ...(loader ? { loader: (args: ActionFunctionArgs) => watched(args, () => loader(args)) } : {}),
        ...(action ? { action: (args: ActionFunctionArgs) => watched(args, () => action(args)) } : {}),
      };
      return [id, { ...route, module }];
    }),
  );
  return { ...build, routes };
}

async function watched<T>(args: ActionFunctionArgs, run: () => T | Promise<T>): Promise<T> {
  let result: T;
  try {
    result = await run();
  } catch (thrown) {
    await auditRefusal(args.request, statusOf(thrown), args.context);
    throw thrown;
  }
  await auditRefusal(args.request, statusOf(result), args.context);
  return result;
}

/** A Response's status, or that of `data(…, { status })`; undefined for plain data and real errors. */
function statusOf(value: unknown): number | undefined {
  if (value instanceof Response) return value.status;
  if (typeof value === "object" && value !== null && (value as { type?: unknown }).type === "DataWithResponseInit") {
    return (value as { init?: { status?: number } | null }).init?.status;
  }
  return undefined;
}

// One entry per request: an action refused and the page's loaders refusing again after it are one refusal.
const audited = new WeakSet<AppLoadContext>();

export async function auditRefusal(request: Request, status: number | undefined, context: AppLoadContext): Promise<void> {
  if (status !== 403 || !context.staffActor || audited.has(context)) return;
  audited.add(context);
  // A data request's path is the page's with ".data" added; the page is what was refused.
  const path = new URL(request.url).pathname.replace(/\.data$/, "").replace(/^\/_root$/, "/");
  try {
    await recordRefusal(withActor(context.services, context.staffActor), { method: request.method, path });
  } catch (error) {
    // The refusal stands even if the log cannot be written; the failure itself is worth an operator's look.
    logger.error({ err: error }, "refusal not audit-logged");
  }
}
