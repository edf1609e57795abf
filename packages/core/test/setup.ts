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
afterEach(() => {
  expect(consoleErrors, 'console.error was called').toEqual([]);
});
afterAll(async () => {
  const { disconnectDb } = await import('../src/db/client');
  await disconnectDb();
});
