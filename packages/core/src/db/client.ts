import 'server-only';
import { createHash } from 'node:crypto';
import { PrismaPg } from '@prisma/adapter-pg';
import pg from 'pg';
import { Prisma, PrismaClient } from '../generated/prisma/client';
import { openDeep } from '../crypto/field-crypto';
import { getServerEnv } from '../env';
import { describeError } from '../errors/describe-error';
import { logger } from '../logger';
import { openingSealedValues } from './opening-sealed-values';

export type DbClient = PrismaClient;

const globalForDb = globalThis as unknown as { hibachiDb?: PrismaClient; hibachiPool?: pg.Pool };

/**
 * The process's one Prisma client, created on first use (so importing core never
 * needs a database) and kept on globalThis to survive dev hot reloads.
 */
export function getDb(): PrismaClient {
  if (!globalForDb.hibachiDb) {
    const lost = (error: Error) =>
      logger.warn({ error: describeError(error) }, 'database connection lost');
    const adapter = new PrismaPg(getPool(), {
      statementNameGenerator: preparedName,
      onConnectionError: lost,
    });
    globalForDb.hibachiDb = openingSealedValues(new PrismaClient({ adapter }));
  }
  return globalForDb.hibachiDb;
}

/** The connection pool under the Prisma client: the process's one pool. */
function getPool(): pg.Pool {
  if (!globalForDb.hibachiPool) {
    const env = getServerEnv();
    const pool = new pg.Pool({
      connectionString: env.DATABASE_URL,
      max: env.DATABASE_POOL_SIZE,
      connectionTimeoutMillis: 5_000,
      idleTimeoutMillis: 30_000,
      application_name: 'hibachi',
      // Prisma loads a record's relations concurrently (its query plan's joins), and inside
      // an interactive transaction all of them go to the transaction's one connection. pg
      // queues them with a DeprecationWarning today and will refuse them in pg 9; pipeline
      // mode is pg's own way of taking several queries at once on one connection (sent
      // in order, answered in order). A query on the pool holds its connection alone.
      pipeline: true,
    });
    // An idle connection the server ends is dropped and replaced on next use; unheard, the
    // pool's error would end the process.
    const lost = (error: Error) =>
      logger.warn({ error: describeError(error) }, 'database connection lost');
    pool.on('error', lost);
    // A connection's own listener for its whole life. The pool listens only while it is
    // idle and a user only once it has it; a connection handed to a waiting transaction
    // while the same network read still carries the server's "terminating connection"
    // (PostgreSQL stopping) would emit its error with nobody listening, and end the process
    // (measured: a pool of 10 under load, PostgreSQL stopped 8 times, crashed 1 run in 4).
    // Its queries still fail, and the pool still drops it. It logs only when it is the only
    // listener (the pool's and Prisma's log the error themselves).
    pool.on('connect', (client) =>
      client.on('error', (error) => {
        if (client.listenerCount('error') === 1) lost(error);
      }),
    );
    globalForDb.hibachiPool = pool;
  }
  return globalForDb.hibachiPool;
}

/** Closes the pool (graceful shutdown, end of tests). */
export async function disconnectDb(): Promise<void> {
  const client = globalForDb.hibachiDb;
  const pool = globalForDb.hibachiPool;
  globalForDb.hibachiDb = undefined;
  globalForDb.hibachiPool = undefined;
  await client?.$disconnect();
  await pool?.end();
}

/**
 * Runs one hot statement on the Prisma client's pool without Prisma: composed with
 * Prisma.sql and marked with `preparedAs` as usual, prepared once per connection under the
 * same name, answered with its sealed values opened. For a statement on every request of a
 * hot write with many values, where Prisma's raw-query path costs more than the statement
 * (POST /api/bookings: decision 26). Dates travel as ISO instants, as Prisma sends them.
 */
export async function runPrepared<Row>(sql: Prisma.Sql): Promise<Row[]> {
  const name = preparedName({ sql: sql.text });
  if (!name) throw new Error('runPrepared runs statements marked with preparedAs');
  const values = sql.values.map((value) => (value instanceof Date ? value.toISOString() : value));
  const { rows } = await getPool().query<Row & pg.QueryResultRow>({ name, text: sql.text, values });
  return openDeep(rows);
}

const PREPARED = /^\/\* prepared:([a-z_]+) \*\//;

/**
 * Put first in a raw statement that runs on every request of a hot path: the statement is
 * prepared once per connection (named after `name` and a hash of its text) instead of being
 * parsed and planned on every run. PostgreSQL re-plans it by itself after a schema change.
 * Every other statement stays unnamed: Prisma's generated texts vary (one per IN-list length)
 * and would fill each connection with plans.
 */
export function preparedAs(name: string): Prisma.Sql {
  if (!/^[a-z_]+$/.test(name)) throw new Error(`prepared statement name ${name}: a-z and _ only`);
  return Prisma.raw(`/* prepared:${name} */`);
}

/** Each marked text's name, hashed once (the texts are fixed: their values are parameters). */
const preparedNames = new Map<string, string>();

function preparedName(query: { sql: string }): string {
  const known = preparedNames.get(query.sql);
  if (known) return known;
  const name = PREPARED.exec(query.sql)?.[1];
  // The adapter treats an empty name as unnamed (pg prepares only with a name).
  if (!name) return '';
  const prepared = `${name}_${createHash('sha1').update(query.sql).digest('hex').slice(0, 16)}`;
  preparedNames.set(query.sql, prepared);
  return prepared;
}
