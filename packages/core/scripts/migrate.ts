// `pnpm db:migrate`: applies prisma/migrations to DATABASE_URL or the embedded database.
import { migrate } from '../src/db/migrate';
import { migrationsDirectory } from '../src/db/paths';
import { createLogger } from '../src/logger';
import { sealPendingValues } from '../src/privacy/seal-pass';
import { openLocalDatabase } from './local-database';
import { progressBar } from './progress-bar';

const logger = createLogger();
const database = await openLocalDatabase(logger);
try {
  const result = await migrate({
    databaseUrl: database.url,
    migrationsDir: migrationsDirectory(),
    logger,
  });
  logger.info(result, result.applied.length ? 'migrations applied' : 'database already up to date');
  // Rows written before encryption (or by a previous release still serving) are sealed now.
  const sealed = await sealPendingValues({ databaseUrl: database.url, onProgress: progressBar });
  logger.info(sealed, 'customer data sealed');
} catch (error) {
  logger.fatal(
    { error: error instanceof Error ? error.message : String(error) },
    'migration failed',
  );
  process.exitCode = 1;
} finally {
  await database.close();
}
