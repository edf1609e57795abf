// `pnpm test:e2e`: a real PostgreSQL (embedded, temp folder), migrated and seeded,
// production builds of both apps, then Playwright (which starts `next start` itself).
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startEmbeddedPostgres } from '@hibachi/core/db/embedded-postgres';
import { migrate, migrationsDirectory } from '@hibachi/core/db';
import { seedDatabase } from '@hibachi/core/seed';
import { startMailSink } from './mail-sink';

/** Runs a command to completion without blocking this process (the mail sink lives here). */
const run = (command: string, args: string[], env: NodeJS.ProcessEnv = process.env) =>
  new Promise<number>((resolve) => {
    spawn(command, args, { stdio: 'inherit', env, cwd: path.resolve(import.meta.dirname, '..') })
      .on('error', () => resolve(1))
      .on('exit', (code) => resolve(code ?? 1));
  });

const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hibachi-e2e-pg-'));
const server = await startEmbeddedPostgres({
  port: await findFreePort(),
  dataDir,
  persistent: false,
});
// Ctrl-C reaches the children too (one process group); wait for them, then clean up.
process.on('SIGINT', () => {});

const mailDir = path.join(dataDir, 'mail');
const mail = await startMailSink(mailDir);
let status = 1;
try {
  await server.ensureDatabase('hibachi_e2e');
  const databaseUrl = server.url('hibachi_e2e');
  await migrate({ databaseUrl, migrationsDir: migrationsDirectory() });
  const summary = await seedDatabase({ databaseUrl });
  console.log(`e2e database seeded: ${summary.stations} stations, ${summary.bookings} bookings`);

  if (process.env.E2E_SKIP_BUILD !== '1') {
    status = await run('pnpm', [
      'turbo',
      'build',
      '--filter=@hibachi/customer',
      '--filter=@hibachi/admin',
      '--output-logs=errors-only',
    ]);
    if (status !== 0) throw new Error('next build failed');
  }
  status = await run(
    'pnpm',
    [
      '--filter',
      '@hibachi/e2e',
      'exec',
      'playwright',
      'test',
      ...process.argv.slice(2).filter((arg) => arg !== '--'),
    ],
    {
      ...process.env,
      E2E_DATABASE_URL: databaseUrl,
      E2E_SMTP_URL: mail.url,
      E2E_MAIL_DIR: mailDir,
    },
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  status = status === 0 ? 1 : status;
} finally {
  await mail.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);
