// The database half of `turbo dev`: embedded PostgreSQL (unless DATABASE_URL is set),
// migrated, seeded on first run, stopped cleanly on Ctrl-C.
import pg from 'pg';
import { sealPendingValues } from '../src/privacy/seal-pass';
import { migrate } from '../src/db/migrate';
import { migrationsDirectory } from '../src/db/paths';
import { parseServerEnv } from '../src/env';
import { createLogger } from '../src/logger';
import { seedDatabase } from '../src/seed/seed-database';
import { openLocalDatabase } from './local-database';

const logger = createLogger();

async function isEmpty(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url });
  await client.connect();
  try {
    const { rows } = await client.query<{ count: string }>('SELECT count(*) FROM "Station"');
    return rows[0]?.count === '0';
  } finally {
    await client.end();
  }
}

try {
  const database = await openLocalDatabase(logger);
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'stopping the database');
    await database.close();
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  await migrate({ databaseUrl: database.url, migrationsDir: migrationsDirectory(), logger });
  // A demo database from before encryption is sealed in place (a no-op once it is).
  const sealed = await sealPendingValues({ databaseUrl: database.url });
  if (Object.keys(sealed.sealed).length > 0) logger.info(sealed, 'customer data sealed');
  if (await isEmpty(database.url)) {
    logger.info('first run: seeding demo data');
    await seedDatabase({
      databaseUrl: database.url,
      nodeEnv: process.env.NODE_ENV,
      logger,
      progressBar: false,
    });
  }
  const { PUBLIC_CUSTOMER_URL, PUBLIC_ADMIN_URL } = parseServerEnv(process.env);
  logger.info(
    { embedded: database.embedded },
    `database ready; customer ${PUBLIC_CUSTOMER_URL}, admin ${PUBLIC_ADMIN_URL}`,
  );
  if (database.embedded) setInterval(() => undefined, 1 << 30);
} catch (error) {
  logger.fatal(
    { error: error instanceof Error ? error.message : String(error) },
    'database start-up failed',
  );
  process.exit(1);
}
