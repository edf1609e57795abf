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
