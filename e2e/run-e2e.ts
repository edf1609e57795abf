// `pnpm test:e2e`: a real PostgreSQL (embedded, temp folder), migrated and seeded,
// production builds of both apps, then Playwright (which starts `next start` itself).
import './use-data-keys';
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startEmbeddedPostgres } from '@hibachi/core/db/embedded-postgres';
import { migrate, migrationsDirectory } from '@hibachi/core/db';
import { seedDatabase } from '@hibachi/core/seed/seed-database';
import { startMailSink } from './mail-sink';
import { SENTRY_SINK_PORT } from './ports';
import { startSentrySink } from './sentry-sink';

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
const sentryDir = path.join(dataDir, 'sentry');
const sinks: { close(): Promise<void> }[] = [];
let status = 1;
try {
  const mail = await startMailSink(mailDir);
  sinks.push(mail);
  const sentry = await startSentrySink(sentryDir, SENTRY_SINK_PORT).catch((error: unknown) => {
    throw new Error(`the local Sentry sink needs port ${SENTRY_SINK_PORT}: ${String(error)}`);
  });
  sinks.push(sentry);
  // Builds and servers report to the local Sentry sink, as production would to Sentry.
  const appEnv = { ...process.env, SENTRY_DSN: sentry.dsn };
  await server.ensureDatabase('hibachi_e2e');
  const databaseUrl = server.url('hibachi_e2e');
  await migrate({ databaseUrl, migrationsDir: migrationsDirectory() });
  const summary = await seedDatabase({ databaseUrl });
  console.log(`e2e database seeded: ${summary.stations} stations, ${summary.bookings} bookings`);

  if (process.env.E2E_SKIP_BUILD !== '1') {
    status = await run(
      'pnpm',
      [
        'turbo',
        'build',
        '--filter=@hibachi/customer',
        '--filter=@hibachi/admin',
        '--output-logs=errors-only',
      ],
      appEnv,
    );
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
      ...appEnv,
      E2E_SENTRY_DIR: sentryDir,
      E2E_DATABASE_URL: databaseUrl,
      E2E_SMTP_URL: mail.url,
      E2E_MAIL_DIR: mailDir,
    },
  );
  // No test provokes a server-side bug, so any server error event in Sentry is one.
  const serverErrors = serverErrorEvents(sentryDir);
  if (serverErrors.length > 0) {
    console.error(`Sentry received ${serverErrors.length} server error event(s):`);
    for (const event of serverErrors) console.error(event.slice(0, 2_000));
    status = 1;
  } else console.log('Sentry: no server error events during the run');
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
  status = status === 0 ? 1 : status;
} finally {
  for (const sink of sinks) await sink.close();
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
process.exit(status);

/** The error events (not sessions or browser reports) in the Sentry sink's envelopes. */
function serverErrorEvents(directory: string): string[] {
  return readdirSync(directory)
    .map((file) => readFileSync(path.join(directory, file), 'utf8'))
    .filter(
      (envelope) => /^\{"type":"event"/m.test(envelope) && !envelope.includes('"side":"browser"'),
    );
}
