/**
 * A UUID as PostgreSQL writes one (lower-case hex, 8-4-4-4-12): the one pattern ids from paths
 * and links are checked with. Link parsers embed it in their own patterns.
 */
export const UUID_SOURCE = '[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}';

const UUID = new RegExp(`^${UUID_SOURCE}$`, 'i');

/** Whether an id from a path can name a row (either case), so nothing else reaches a query. */
export function isUuid(value: string): boolean {
  return UUID.test(value);
}
