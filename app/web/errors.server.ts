// Turns the one error type into the response Remix needs: the right status and a message key, nothing else.
import { data } from "@remix-run/node";
import { isRouteErrorResponse } from "@remix-run/react";
import { AppError } from "~/lib/errors";
import { logger } from "~/lib/logger.server";

export interface ErrorPayload {
  messageKey: string;
}

export function errorResponse(error: AppError) {
  return data<ErrorPayload>({ messageKey: error.messageKey }, { status: error.status });
}

/** Runs a loader/action body; an AppError becomes a thrown response with its status (404, 403, 409 …). */
export async function respondTo<T>(body: () => Promise<T>): Promise<T> {
  try {
    return await body();
  } catch (error) {
    if (error instanceof AppError) throw errorResponse(error);
    throw error;
  }
}

/**
 * How an error Remix reports is logged: a refusal (4xx: a user's mistake, a missing page, no access) at info, or
 * warn for 403; a real failure at error. An AppError arriving here was thrown outside `respondTo`, so Remix answered
 * it with a 500: that is a bug in the route, logged as one.
 */
export function logRouteError(error: unknown, path: string): void {
  const status = isRouteErrorResponse(error) ? error.status : 500;
  if (status >= 500) {
    const escaped = error instanceof AppError ? { escapedStatus: error.status, messageKey: error.messageKey } : {};
    logger.error({ err: error, path, status, ...escaped }, error instanceof AppError ? "AppError thrown outside respondTo" : "unhandled error");
  } else {
    logger[status === 403 ? "warn" : "info"]({ path, status }, "refused request");
  }
}
