// Reading database errors: a unique index said no (a race another request won, or a repeated submit).

/**
 * True for Prisma's unique-constraint error (P2002). With `field`, only when that column's index refused — for
 * tables with several unique keys where each race means something else.
 */
export function isUniqueViolation(error: unknown, field?: string): boolean {
  if (!error || typeof error !== "object" || (error as { code?: unknown }).code !== "P2002") return false;
  if (!field) return true;
  const { meta, message } = error as { meta?: unknown; message?: unknown };
  return JSON.stringify(meta ?? {}).includes(field) || String(message).includes(field);
}
