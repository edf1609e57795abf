/**
 * The wait before retry number `attempt` (1-based) of work that keeps failing: `baseMs`,
 * doubling each time, never more than `capMs`. One rule for e-mails and refunds.
 */
export function backoffMs(attempt: number, baseMs: number, capMs: number): number {
  return Math.min(baseMs * 2 ** (attempt - 1), capMs);
}
