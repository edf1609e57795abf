// `pnpm test:dev`: the development tool as a developer starts it. `pnpm dev` (turbo: the
// database task, then both apps under `next dev`) on its own fresh embedded PostgreSQL, which
// `pnpm dev` migrates and seeds itself, on ports of its own; then Playwright opens every page of
// both apps as each role (dev/smoke.spec.ts) and fails on an error boundary, an uncaught error
// or a console error. Production builds hide what only development does (Strict Mode's double
// effects, dev-only React checks, on-demand compilation), so the e2e suite cannot see it.
import './use-data-keys';
import { spawn, type ChildProcess } from 'node:child_process';
import { cpSync, createWriteStream, existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startEmbeddedPostgres } from '@hibachi/core/db/embedded-postgres';

const root = path.resolve(import.meta.dirname, '..');
const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hibachi-dev-smoke-'));
// Everything written while the apps run stays outside the checkout: `next dev` watches it
// (the workspace root), and a file that changes there (this log, a trace) makes the admin's
// pages rebuild and reload themselves, again and again. Copied to TEST_RESULTS_DIR at the end.
const outputDir = mkdtempSync(path.join(os.tmpdir(), 'hibachi-dev-smoke-output-'));
const logFile = path.join(outputDir, 'dev-smoke-server.log');
const READY_TIMEOUT_MS = 300_000;

const server = await startEmbeddedPostgres({
  port: await findFreePort(),
  dataDir,
  persistent: false,
});
const [customerPort, adminPort] = [await findFreePort(), await findFreePort()];
const customerUrl = `http://localhost:${customerPort}`;
const adminUrl = `http://localhost:${adminPort}`;
// Ctrl-C or a stop reaches the children too; the cleanup below still stops `pnpm dev` and PostgreSQL.
process.on('SIGINT', () => {});
process.on('SIGTERM', () => {});

/**
 * The environment a developer's shell would give `pnpm dev`: this runner's own (tsx's and
 * pnpm's module paths, npm_* and turbo variables, the e2e package's bin folder) left out.
 */
function developerEnv(): NodeJS.ProcessEnv {
  const runnerOnly =
    /^(npm_|pnpm_|PNPM_|TURBO_|__TURBO|NODE_PATH$|NODE$|INIT_CWD$|NODE_ENV$|TEST_RESULTS_DIR$|SENTRY_DSN$|NEXT_PUBLIC_SENTRY_DSN$)/;
  const env = Object.fromEntries(
    Object.entries(process.env).filter(([name]) => !runnerOnly.test(name)),
  );
  env.PATH = (process.env.PATH ?? '')
    .split(path.delimiter)
    .filter((entry) => !entry.includes(`${path.sep}e2e${path.sep}node_modules`))
    .join(path.delimiter);
  return env;
}

/** `pnpm dev` in a process group of its own, so stopping it stops turbo, both apps and their workers. */
function startDev(databaseUrl: string): ChildProcess {
  const log = createWriteStream(logFile);
  const child = spawn('pnpm', ['dev'], {
    cwd: root,
    detached: true,
    env: {
      ...developerEnv(),
      DATABASE_URL: databaseUrl,
      CUSTOMER_DEV_PORT: String(customerPort),
      ADMIN_DEV_PORT: String(adminPort),
      PUBLIC_CUSTOMER_URL: customerUrl,
      PUBLIC_ADMIN_URL: adminUrl,
      TURBO_TELEMETRY_DISABLED: '1',
      NEXT_TELEMETRY_DISABLED: '1',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.stdout?.pipe(log);
  child.stderr?.pipe(log);
  return child;
}

/** Resolves once `url` answers 200, or rejects when `pnpm dev` exits or time runs out. */
async function waitForOk(url: string, dev: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (dev.exitCode !== null) throw new Error(`pnpm dev exited (${dev.exitCode}); see ${logFile}`);
    const ok = await fetch(url, { signal: AbortSignal.timeout(120_000) })
      .then((response) => response.ok)
      .catch(() => false);
    if (ok) return;
    await new Promise((resolve) => setTimeout(resolve, 1_000));
  }
  throw new Error(`${url} did not answer within ${READY_TIMEOUT_MS / 1000} s; see ${logFile}`);
}

/** The seed runs in the database task beside the apps: the demo stations are there once it is done. */
async function waitForSeed(dev: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!(existsSync(logFile) && readFileSync(logFile, 'utf8').includes('database ready'))) {
    if (dev.exitCode !== null) throw new Error(`pnpm dev exited (${dev.exitCode}); see ${logFile}`);
    if (Date.now() > deadline) throw new Error(`the dev database was not ready; see ${logFile}`);
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

/** Signals a process group; one that has exited already is not an error. */
function signalGroup(group: number, signal: NodeJS.Signals): void {
  try {
    process.kill(group, signal);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== 'ESRCH') throw error;
  }
}

/** Resolves once neither app answers any more, or after `ms`. */
async function appsStopped(ms: number): Promise<void> {
  const deadline = Date.now() + ms;
  const answers = (url: string) =>
    fetch(`${url}/api/health/live`, { signal: AbortSignal.timeout(2_000) }).then(
      () => true,
      () => false,
    );
  while (Date.now() < deadline) {
    const up = await Promise.all([answers(customerUrl), answers(adminUrl)]);
    if (!up.includes(true)) return;
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
}

const run = (args: string[], env: NodeJS.ProcessEnv) =>
  new Promise<number>((resolve) => {
    spawn('pnpm', args, { stdio: 'inherit', cwd: root, env })
      .on('error', () => resolve(1))
      .on('exit', (code) => resolve(code ?? 1));
  });

let dev: ChildProcess | undefined;
let status = 1;
try {
  await server.ensureDatabase('hibachi_dev_smoke');
  dev = startDev(server.url('hibachi_dev_smoke'));
  await waitForSeed(dev);
  await Promise.all([
    waitForOk(`${customerUrl}/api/health/ready`, dev),
    waitForOk(`${adminUrl}/api/health/ready`, dev),
  ]);
  status = await run(
    [
      '--filter',
      '@hibachi/e2e',
      'exec',
      'playwright',
      'test',
      '--config',
      'playwright.dev.config.ts',
      ...process.argv.slice(2).filter((arg) => arg !== '--'),
    ],
    {
      ...process.env,
      DEV_SMOKE_CUSTOMER_URL: customerUrl,
      DEV_SMOKE_ADMIN_URL: adminUrl,
      DEV_SMOKE_OUTPUT_DIR: outputDir,
    },
  );
} catch (error) {
  console.error(error instanceof Error ? error.message : error);
} finally {
  if (dev?.pid !== undefined) {
    // Ctrl-C, as a developer stops it: turbo passes it on to both apps (each in a process group
    // of its own) and waits for them; only what is still up after that is killed.
    signalGroup(-dev.pid, 'SIGINT');
    await appsStopped(30_000);
    signalGroup(-dev.pid, 'SIGKILL');
  }
  await server.stop();
  rmSync(dataDir, { recursive: true, force: true });
}
const results = process.env.TEST_RESULTS_DIR;
if (results) {
  cpSync(outputDir, results, { recursive: true });
  rmSync(outputDir, { recursive: true, force: true });
}
if (status !== 0)
  console.error(
    `pnpm dev's output: ${results ? path.join(results, 'dev-smoke-server.log') : logFile}`,
  );
process.exit(status);
