import type pg from 'pg';
import { connect } from './database';
import { eventually } from './eventually';

/**
 * Waits until a session waits for a lock `holder` has (a concurrent write has reached its
 * conflict). Only `holder`'s waiters count: another test file running at the same time may
 * have sessions of its own waiting.
 */
export async function untilBlocked(client: pg.Client, holder: pg.Client): Promise<void> {
  const { rows } = await holder.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
  const pid = rows[0]!.pid;
  await eventually(async () => {
    const waiting = await client.query<{ count: number }>(
      `SELECT count(*)::int AS count FROM pg_stat_activity WHERE $1 = ANY (pg_blocking_pids(pid))`,
      [pid],
    );
    return waiting.rows[0]!.count > 0;
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
    await untilBlocked(client, other);
    await other.query(...second);
    await other.query('ROLLBACK');
    return await writing;
  } finally {
    await other.end();
  }
}
