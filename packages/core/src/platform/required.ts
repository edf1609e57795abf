/**
 * The value, or a thrown bug report when it is missing: for what the code already guarantees
 * (a validated HH:MM, the row an INSERT … RETURNING just wrote) but the type cannot say.
 */
export function required<T>(value: T | null | undefined, what: string): T {
  if (value === null || value === undefined) throw new Error(`${what} is missing`);
  return value;
}
