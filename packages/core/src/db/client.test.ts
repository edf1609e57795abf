import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { getDb } from './client';

/** The pool under the process's Prisma client (kept on globalThis for dev reloads). */
function appPool(): pg.Pool {
  getDb();
  return (globalThis as unknown as { hibachiPool: pg.Pool }).hibachiPool;
}

describe('the connection pool', () => {
  it('hears a checked-out connection fail, so PostgreSQL stopping never ends the process', async () => {
    const client = await appPool().connect();
    // The pool stops listening when it hands a connection out; the connection's own listener
    // is what remains while its user has not attached one yet.
    expect(client.listenerCount('error')).toBeGreaterThan(0);
    const { rows } = await client.query<{ pid: number }>('SELECT pg_backend_pid() AS pid');
    const ended = new Promise((resolve) => client.once('end', resolve));
    const admin = await connect();
    await admin.query('SELECT pg_terminate_backend($1)', [rows[0]!.pid]);
    await admin.end();
    // The server's "terminating connection" arrives with nobody but that listener; unheard,
    // it would be an uncaught error here.
    await ended;
    await expect(client.query('SELECT 1')).rejects.toThrow(/not queryable|terminat/);
    client.release(new Error('terminated by the test'));
    const { rows: after } = await appPool().query<{ one: number }>('SELECT 1 AS one');
    expect(after).toEqual([{ one: 1 }]);
  });
});
