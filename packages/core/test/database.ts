import pg from 'pg';
import { inject } from 'vitest';

export const TEMPLATE_DATABASE = 'hibachi_test_template';

export function databaseUrl(database: string): string {
  const parsed = new URL(inject('adminDatabaseUrl'));
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

/** A fresh database cloned from the migrated template (optionally empty, with no migrations). */
export async function createTestDatabase(
  name: string,
  options: { empty?: boolean } = {},
): Promise<string> {
  const admin = new pg.Client({ connectionString: inject('adminDatabaseUrl') });
  await admin.connect();
  try {
    await admin.query(`DROP DATABASE IF EXISTS ${pg.escapeIdentifier(name)} WITH (FORCE)`);
    const template = options.empty ? 'template0' : TEMPLATE_DATABASE;
    await admin.query(`CREATE DATABASE ${pg.escapeIdentifier(name)} TEMPLATE ${template}`);
  } finally {
    await admin.end();
  }
  return databaseUrl(name);
}

/** A pg client on the test file's database, closed by the caller. */
export async function connect(url = process.env.DATABASE_URL): Promise<pg.Client> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  return client;
}

/**
 * Resolves once some other session of this database waits for a row lock: the moment a race
 * test knows its second transaction is really queued behind the first.
 */
export async function untilWaitingOnLock(client: pg.Client, timeoutMs = 10_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const { rows } = await client.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM pg_stat_activity
        WHERE datname = current_database() AND wait_event_type = 'Lock'`,
    );
    if (rows[0]!.n > 0) return;
    if (Date.now() > deadline) throw new Error('nobody waited for the lock');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}
