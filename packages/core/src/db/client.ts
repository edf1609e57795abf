import 'server-only';
import { PrismaPg } from '@prisma/adapter-pg';
import { PrismaClient } from '../generated/prisma/client';
import { getServerEnv } from '../env';

export type DbClient = PrismaClient;

const globalForDb = globalThis as unknown as { hibachiDb?: PrismaClient };

/**
 * The process's one Prisma client, created on first use (so importing core never
 * needs a database) and kept on globalThis to survive dev hot reloads.
 */
export function getDb(): PrismaClient {
  if (!globalForDb.hibachiDb) {
    const env = getServerEnv();
    const adapter = new PrismaPg({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
    });
    globalForDb.hibachiDb = new PrismaClient({ adapter });
  }
  return globalForDb.hibachiDb;
}

/** Closes the pool (graceful shutdown, end of tests). */
export async function disconnectDb(): Promise<void> {
  const client = globalForDb.hibachiDb;
  globalForDb.hibachiDb = undefined;
  await client?.$disconnect();
}
