import { chmodSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  EmbeddedPostgresError,
  findFreePort,
  runningPostmasterPid,
  startEmbeddedPostgres,
} from './embedded-postgres';

/** A temp folder the `postgres` user can traverse (mkdtemp makes 0700 folders). */
function traversableTempDir(prefix: string): string {
  const dir = mkdtempSync(path.join(os.tmpdir(), prefix));
  chmodSync(dir, 0o755);
  return dir;
}

describe('embedded PostgreSQL', () => {
  it('fails fast with a clear message when the port is taken', async () => {
    const port = await findFreePort();
    const blocker = net.createServer().listen(port, '127.0.0.1');
    await new Promise((resolve) => blocker.once('listening', resolve));
    const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hibachi-port-'));
    try {
      const attempt = startEmbeddedPostgres({ port, dataDir });
      await expect(attempt).rejects.toThrow(EmbeddedPostgresError);
      await expect(startEmbeddedPostgres({ port, dataDir })).rejects.toThrow(
        /Port \d+ is already in use.*EMBEDDED_PG_PORT.*DATABASE_URL/,
      );
    } finally {
      blocker.close();
      rmSync(dataDir, { recursive: true, force: true });
    }
  });

  it('removes a stale lock file left by a crashed run and starts', async () => {
    const dataDir = path.join(traversableTempDir('hibachi-stale-'), 'pg');
    mkdirSync(dataDir);
    // A pid far above pid_max cannot be alive.
    writeFileSync(path.join(dataDir, 'postmaster.pid'), '999999999\n/tmp\n');
    expect(runningPostmasterPid(dataDir)).toBeUndefined();
    const server = await startEmbeddedPostgres({
      port: await findFreePort(),
      dataDir,
      persistent: false,
    });
    try {
      expect(runningPostmasterPid(dataDir)).toBeGreaterThan(0);
      await server.ensureDatabase('stale_check');
    } finally {
      await server.stop();
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });

  it.runIf(process.getuid?.() === 0)(
    'explains when the postgres user cannot reach the data folder',
    async () => {
      const dataDir = path.join(mkdtempSync(path.join(os.tmpdir(), 'hibachi-private-')), 'pg');
      await expect(startEmbeddedPostgres({ port: await findFreePort(), dataDir })).rejects.toThrow(
        /must be traversable/,
      );
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    },
  );

  it('refuses to start a second server on a data folder that is in use', async () => {
    const dataDir = path.join(traversableTempDir('hibachi-busy-'), 'pg');
    const server = await startEmbeddedPostgres({
      port: await findFreePort(),
      dataDir,
      persistent: false,
    });
    try {
      await expect(startEmbeddedPostgres({ port: await findFreePort(), dataDir })).rejects.toThrow(
        /already running on/,
      );
    } finally {
      await server.stop();
      rmSync(path.dirname(dataDir), { recursive: true, force: true });
    }
  });
});
