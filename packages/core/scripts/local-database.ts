import {
  defaultDataDir,
  runningPostmasterPid,
  startEmbeddedPostgres,
} from '../src/db/embedded-postgres';
import { EMBEDDED_DATABASE_NAME, embeddedDatabaseUrl, parseServerEnv } from '../src/env';
import type { Logger } from '../src/logger';

export type LocalDatabase = { url: string; embedded: boolean; close: () => Promise<void> };

/**
 * The database the developer scripts work on: DATABASE_URL when set; otherwise the
 * embedded PostgreSQL, reused when `pnpm dev` already runs it, else started here.
 */
export async function openLocalDatabase(logger: Logger): Promise<LocalDatabase> {
  const env = parseServerEnv(process.env);
  if (process.env.DATABASE_URL)
    return { url: env.DATABASE_URL, embedded: false, close: async () => undefined };

  const dataDir = defaultDataDir();
  if (runningPostmasterPid(dataDir) !== undefined) {
    return {
      url: embeddedDatabaseUrl(env.EMBEDDED_PG_PORT),
      embedded: true,
      close: async () => undefined,
    };
  }
  const server = await startEmbeddedPostgres({ port: env.EMBEDDED_PG_PORT, dataDir, logger });
  await server.ensureDatabase(EMBEDDED_DATABASE_NAME);
  logger.info({ port: server.port, dataDir }, 'embedded PostgreSQL started');
  return { url: server.url(EMBEDDED_DATABASE_NAME), embedded: true, close: server.stop };
}
