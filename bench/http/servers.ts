// The servers the HTTP benchmarks drive: production builds started with `next start`.
import { getServerEnv } from '../../packages/core/src/env';
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { findFreePort } from '../../packages/core/src/db/embedded-postgres';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const CUSTOMER = path.join(ROOT, 'apps/customer');
export const ADMIN = path.join(ROOT, 'apps/admin');
export const BARE = path.join(ROOT, 'bench/bare-next');

/** `next build` of the customer app, with `env` over this process's environment. */
export function buildCustomer(env: NodeJS.ProcessEnv = {}): void {
  console.log('building the customer app…');
  execFileSync(
    'pnpm',
    ['turbo', 'build', '--filter=@hibachi/customer', '--output-logs=errors-only'],
    { cwd: ROOT, stdio: 'inherit', env: { ...process.env, ...env } },
  );
}

/** Builds the customer app and the bare app when they are not built yet (or `rebuild`). */
export function ensureBuilt(rebuild: boolean): void {
  const customerBuilt = existsSync(path.join(CUSTOMER, '.next/BUILD_ID'));
  if (rebuild || !customerBuilt) buildCustomer();
  // A build from before a route was added to the bare app is built again.
  const bareBuilt = ['ping', 'sized'].every((route) =>
    existsSync(path.join(BARE, `.next/server/app/api/${route}/route.js`)),
  );
  if (rebuild || !bareBuilt) {
    console.log('building the bare Next.js app…');
    execFileSync('pnpm', ['--filter', '@hibachi/bare-next', 'build:bench'], {
      cwd: ROOT,
      stdio: 'inherit',
    });
  }
}

export type Server = { url: string; process: ChildProcess };

/**
 * A built app's production server on a free port; resolves once it answers. `nodeFlags`
 * (the apps only) go to Node.js itself, e.g. `--inspect=127.0.0.1:PORT` to read its memory.
 */
export async function startServer(
  directory: string,
  env: NodeJS.ProcessEnv,
  nodeFlags: string[] = [],
): Promise<Server> {
  const port = await findFreePort();
  // The apps run their own production server (serve.mjs); the bare app runs `next start`.
  const [command, commandArgs] =
    directory === BARE
      ? [path.join(directory, 'node_modules/.bin/next'), ['start', '--port', String(port)]]
      : [
          process.execPath,
          [...nodeFlags, path.join(ROOT, 'packages/web/serve.mjs'), '--port', String(port)],
        ];
  const child = spawn(command, commandArgs, {
    cwd: directory,
    env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1', NODE_ENV: 'production', ...env },
    stdio: ['ignore', 'ignore', 'inherit'],
    detached: true,
  });
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    const ready = await fetch(`${url}/api/${directory === BARE ? 'ping' : 'health/live'}`)
      .then((response) => response.ok)
      .catch(() => false);
    if (ready) return { url, process: child };
    if (Date.now() > deadline || child.exitCode !== null)
      throw new Error(`next start in ${directory} did not come up`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
}

export function stopServer(server: Server): void {
  try {
    process.kill(-server.process.pid!, 'SIGTERM');
  } catch {
    // already gone
  }
}

export const customerEnv = (databaseUrl: string): NodeJS.ProcessEnv => ({
  DATABASE_URL: databaseUrl,
  LOG_LEVEL: 'info',
  BOOKING_TOKEN_SECRET: 'bench-only-booking-token-secret-0123456789',
  // The keys this process seeded with (development's), so the servers open what it sealed.
  DATA_ENCRYPTION_KEYS: getServerEnv().DATA_ENCRYPTION_KEYS,
  DATA_INDEX_KEY: getServerEnv().DATA_INDEX_KEY,
  PAYMENT_SIMULATOR: 'true',
  TRUSTED_PROXY_HOPS: '1',
  PUBLIC_CUSTOMER_URL: 'http://localhost:3000',
});

export const adminEnv = (databaseUrl: string): NodeJS.ProcessEnv => ({
  ...customerEnv(databaseUrl),
  AUTH_SECRET: 'bench-only-admin-session-secret-0123456789',
  LOG_LEVEL: 'warn',
});
