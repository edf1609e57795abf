import 'server-only';
import { lostToConcurrentWrite } from '../errors/translate-database-error';
import type { Prisma } from '../generated/prisma/client';
import { logger } from '../logger';
import { getDb } from './client';

export type Tx = Prisma.TransactionClient;

type TransactionOptions = {
  maxWait?: number;
  timeout?: number;
  isolationLevel?: Prisma.TransactionIsolationLevel;
};

/** Attempts of a transaction that keeps losing to concurrent writes. */
const MAX_ATTEMPTS = 3;

/**
 * Every write transaction: `work` runs in one interactive transaction, and runs again (up to
 * 3 attempts) when PostgreSQL ends it to break a deadlock or a serialization failure. Nothing
 * it wrote was kept, and run again it sees the winner's committed rows: a conflict then
 * answers as one (409), a booking moves. `work` must only touch the database, as it may run
 * more than once. Past the last attempt the error answers 503 (translateDatabaseError).
 */
export async function inTransaction<T>(
  work: (tx: Tx) => Promise<T>,
  options: TransactionOptions = {},
): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await getDb().$transaction(work, options);
    } catch (error) {
      if (!lostToConcurrentWrite(error) || attempt >= MAX_ATTEMPTS) throw error;
      logger.warn({ attempt }, 'transaction lost to a concurrent write; running it again');
    }
  }
}
