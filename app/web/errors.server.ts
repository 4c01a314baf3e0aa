// Turns the one error type into the response Remix needs: the right status and a message key, nothing else.
import { data } from "@remix-run/node";
import { AppError } from "~/lib/errors";

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
