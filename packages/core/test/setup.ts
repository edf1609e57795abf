import { afterAll, afterEach, beforeAll, expect, vi } from 'vitest';
import { createTestDatabase } from './database';

/**
 * Each test file gets its own database cloned from the migrated template, named after
 * the worker, and DATABASE_URL points at it before any core module reads the env.
 */
const database = `hibachi_test_w${process.env.VITEST_POOL_ID ?? '0'}`;
process.env.DATABASE_URL = await createTestDatabase(database);
process.env.LOG_LEVEL ??= 'silent';

// A test that logs console.error fails.
const consoleErrors: unknown[][] = [];
beforeAll(() => {
  vi.spyOn(console, 'error').mockImplementation((...args: unknown[]) => {
    consoleErrors.push(args);
  });
});
// A test that sends a query to a pg client still running another one fails: pg 8 queues it
// with a DeprecationWarning, pg 9 will refuse it (one query at a time per connection).
const OVERLAPPING_QUERY = /client\.query\(\) when the client is already executing a query/;
const overlappingQueries: string[] = [];
const onWarning = (warning: Error) => {
  if (warning.name === 'DeprecationWarning' && OVERLAPPING_QUERY.test(warning.message))
    overlappingQueries.push(warning.stack ?? warning.message);
};
process.on('warning', onWarning);
afterEach(() => {
  expect(consoleErrors, 'console.error was called').toEqual([]);
  // (emptied first: one overlap fails the test that made it, not every test after it)
  expect(overlappingQueries.splice(0), 'a pg client was sent a query while it ran another').toEqual(
    [],
  );
});
afterAll(async () => {
  const { disconnectDb } = await import('../src/db/client');
  await disconnectDb();
  // The warning is emitted on the next tick: one raised by the last test is caught here.
  await new Promise((resolve) => setImmediate(resolve));
  process.off('warning', onWarning);
  expect(overlappingQueries, 'a pg client was sent a query while it ran another').toEqual([]);
});
