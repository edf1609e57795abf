import { parseArgs } from 'node:util';
import { migrate } from '../src/db/migrate';
import { migrationsDirectory } from '../src/db/paths';
import { createLogger } from '../src/logger';
import { seedDatabase } from '../src/seed/seed-database';
import { openLocalDatabase } from './local-database';

/** `pnpm db:seed [--scale N] [--today YYYY-MM-DD]` */
export async function runSeedCommand(argv: string[]): Promise<void> {
  const logger = createLogger();
  const { values } = parseArgs({
    args: argv.filter((arg) => arg !== '--'),
    options: { scale: { type: 'string', default: '1' }, today: { type: 'string' } },
  });
  const scale = Number(values.scale);
  if (!Number.isInteger(scale) || scale < 1 || scale > 1000) {
    logger.fatal({ scale: values.scale }, '--scale must be a whole number from 1 to 1000');
    process.exitCode = 1;
    return;
  }
  const database = await openLocalDatabase(logger);
  try {
    await migrate({ databaseUrl: database.url, migrationsDir: migrationsDirectory(), logger });
    await seedDatabase({
      databaseUrl: database.url,
      scale,
      today: values.today,
      nodeEnv: process.env.NODE_ENV,
      logger,
      progressBar: process.stderr.isTTY,
    });
  } catch (error) {
    logger.fatal({ error: error instanceof Error ? error.message : String(error) }, 'seed failed');
    process.exitCode = 1;
  } finally {
    await database.close();
  }
}
