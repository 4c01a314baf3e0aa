// What the server tells the service worker: whether it was built, and why a posted form was refused (the worker
// replays forms saved offline and lists refusals for the volunteer; docs/decisions/015-offline-pwa.md).
import fs from "node:fs";
import path from "node:path";
import { AppError } from "~/lib/errors";

let built: boolean | undefined;

export function serviceWorkerBuilt(): boolean {
  built ??= fs.existsSync(path.resolve("public/sw.js"));
  return built;
}

/** What a form's refusal carries once rendered: the action's data and the errors thrown, per route. */
interface RenderedRefusal {
  actionData: Record<string, unknown> | null;
  errors: Record<string, unknown> | null;
}

/**
 * The `X-Refusal` header of a refused form: the translation keys its page shows — the error summary's (the form's
 * reply is the action data's `result`, as app/web/forms.server.ts `invalid` and every refusal reply put it; form
 * errors first) or the error page's — each URI-encoded, comma-separated. Null when there is nothing to name.
 */
export function refusalHeader({ actionData, errors }: RenderedRefusal): string | null {
  const keys: string[] = [];
  for (const answer of Object.values(actionData ?? {})) {
    const result = (answer as { result?: { status?: string; error?: Record<string, string[] | null> } } | null)?.result;
    if (result?.status !== "error" || !result.error) continue;
    const fields = Object.entries(result.error).sort(([a], [b]) => Number(b === "") - Number(a === ""));
    for (const [, messages] of fields) keys.push(...(messages ?? []));
  }
  for (const error of Object.values(errors ?? {})) {
    if (error instanceof AppError) keys.push(error.messageKey);
    else if (error instanceof Error) keys.push("errors.page.500.body");
    else {
      const key = (error as { data?: { messageKey?: unknown } } | null)?.data?.messageKey;
      if (typeof key === "string") keys.push(key);
    }
  }
  return keys.length ? keys.map(encodeURIComponent).join(",") : null;
}
