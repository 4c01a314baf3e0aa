// The one error type: an HTTP status, a translation key for the user, and details for the log only.
// Capabilities throw it; routes let it pass through `respondTo` (app/web/errors.server.ts), the root boundary shows it.
export class AppError extends Error {
  constructor(
    readonly status: number,
    /** Translation key shown to the user, e.g. "errors.forbidden". */
    readonly messageKey: string,
    /** For logs; never rendered and never personal data. */
    readonly logDetails: Record<string, unknown> = {},
  ) {
    super(messageKey);
    this.name = "AppError";
  }
}

export const notFound = (what = "page") => new AppError(404, "errors.notFound", { what });
export const forbidden = (permission?: string) => new AppError(403, "errors.forbidden", { permission });

/** A reason the app cannot start (a wrong setting, an unreadable database): its message is one sentence for the
 * operator, printed without a stack trace. */
export class StartupProblem extends Error {
  override name = "StartupProblem";
}
