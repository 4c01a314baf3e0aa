/** Exponential back-off for retries: 10 s, 20 s, 40 s … capped at one hour. */
export function backoffMs(attempt: number, baseMs = 10_000, capMs = 3_600_000): number {
  return Math.min(capMs, baseMs * 2 ** Math.max(0, attempt - 1));
}
