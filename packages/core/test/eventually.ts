import type pg from 'pg';
import { connect } from './database';

/** Polls until `check` holds (a notification arrives asynchronously), or fails after 3 s. */
export async function eventually(check: () => Promise<boolean>): Promise<void> {
  const deadline = Date.now() + 3_000;
  while (!(await check())) {
    if (Date.now() > deadline) throw new Error('condition not reached in 3 s');
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/** Waits until some session waits for a lock (a concurrent write has reached its conflict). */
export async function untilBlocked(client: pg.Client): Promise<void> {
  await eventually(async () => {
    const { rows } = await client.query<{ waiting: number }>(
      `SELECT count(*)::int AS waiting FROM pg_locks WHERE NOT granted`,
    );
    return rows[0]!.waiting > 0;
  });
}

/** A row-locking statement and its parameters, e.g. `['SELECT 1 FROM "Station" WHERE id = $1 FOR UPDATE', [id]]`. */
export type LockStatement = [sql: string, params: unknown[]];

/**
 * Makes `write` meet a deadlock it loses: another session takes `first`, waits until `write`
 * blocks on it, then asks for `second`, which `write` already holds. That session waits
 * longer before it checks for deadlocks, so PostgreSQL ends the write, not it; it then rolls
 * back. Resolves with the write's own outcome (a retried write succeeds).
 */
export async function loseADeadlock<T>(
  client: pg.Client,
  write: () => Promise<T>,
  first: LockStatement,
  second: LockStatement,
): Promise<T> {
  const other = await connect();
  try {
    await other.query('BEGIN');
    await other.query(`SET LOCAL deadlock_timeout = '30s'`);
    await other.query(...first);
    const writing = write();
    // Settled later by the caller; never left unhandled if this session fails first.
    writing.catch(() => undefined);
    await untilBlocked(client);
    await other.query(...second);
    await other.query('ROLLBACK');
    return await writing;
  } finally {
    await other.end();
  }
}
