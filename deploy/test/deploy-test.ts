// `pnpm test:deploy`: the deployment as docs/deploy.md describes it, on this machine. Real
// nginx (deploy/nginx/render-config.mjs) in front of two instances of each app (the
// production build, packages/web/serve.mjs), embedded PostgreSQL, Redis. Under a mixed load
// (customer reads, quotes, bookings with Idempotency-Keys, admin reads and reschedules):
// two rolling restarts of each app through deploy/rolling-deploy.sh, Redis killed and
// started again, PostgreSQL stopped and started again. Then every booking that was answered
// 201 exists exactly once, no chef holds overlapping bookings, and the alert rules are valid.
// Prints `deploy: N requests, F failed` and exits non-zero on any failure.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { chmodSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { findFreePort, startEmbeddedPostgres } from '../../packages/core/src/db/embedded-postgres';
import { migrate } from '../../packages/core/src/db/migrate';
import { migrationsDirectory } from '../../packages/core/src/db/paths';
import { getServerEnv } from '../../packages/core/src/env';
import { seedDatabase } from '../../packages/core/src/seed/seed-database';

const ROOT = path.resolve(import.meta.dirname, '../..');
// Each round restarts all four instances one by one under load (~77 s a round here); two
// rounds take each instance out and back twice, and keep verify's time (DEPLOY_ROUNDS=5 for
// a longer soak).
const ROUNDS = Number(process.env.DEPLOY_ROUNDS ?? 2);
const WORKERS = Number(process.env.DEPLOY_WORKERS ?? 12);
const STATION = 'seattle';
const ZONE = 'America/Los_Angeles';

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const log = (text: string) =>
  process.stdout.write(`${new Date().toISOString().slice(11, 19)} ${text}\n`);
let address = 0;
const nextAddress = () => {
  address += 1;
  return `10.${(address >> 16) & 255}.${(address >> 8) & 255}.${address & 255}`;
};

type Outcome = { phase: string; label: string; status: number; ms: number; sample?: string };
const outcomes: Outcome[] = [];
let phase = 'warm-up';
const booked = new Map<string, string>(); // reference → idempotency key

/** An answer the load expects: 2xx, 304, or a conflict (a time taken, a version moved). */
const expected = (status: number, label: string) =>
  (status >= 200 && status < 300) ||
  status === 304 ||
  (status === 409 && (label === 'booking' || label === 'reschedule'));
/** While PostgreSQL is down, a 503 envelope is the right answer too. */
const allowedNow = (outcome: Outcome) =>
  expected(outcome.status, outcome.label) ||
  (outcome.phase === 'postgres-down' && outcome.status === 503);

function localDate(days: number): string {
  return new Date(Date.now() + days * 86_400_000).toLocaleDateString('en-CA', { timeZone: ZONE });
}

type Answer = { status: number; body: unknown };

/** The connection was closed under the request before any answer (what a reused idle one does). */
const closedUnder = (error: unknown) => {
  const code = (error as { cause?: { code?: string } }).cause?.code ?? '';
  return ['ECONNRESET', 'UND_ERR_SOCKET', 'EPIPE'].includes(code);
};

/**
 * One request, its whole answer read (a body cut off counts as no answer). Like a browser,
 * it is sent once more when the connection it went out on was closed before any answer:
 * nginx closes its idle client connections when it reloads, and a client may reuse one at
 * that instant. Any other error, and every answer, counts.
 */
async function call(
  label: string,
  url: string,
  init: RequestInit & { headers?: Record<string, string> } = {},
): Promise<Answer | undefined> {
  const started = performance.now();
  let lastError: unknown;
  // (the first resend may pick another idle connection the same reload is closing)
  for (let attempt = 0; attempt < 4; attempt += 1) {
    try {
      const response = await fetch(url, {
        ...init,
        headers: { 'X-Forwarded-For': nextAddress(), ...init.headers },
        signal: AbortSignal.timeout(15_000),
      });
      const text = await response.text();
      outcomes.push({
        phase,
        label,
        status: response.status,
        ms: performance.now() - started,
        ...(response.status >= 400 && response.status !== 409
          ? { sample: text.slice(0, 160) }
          : {}),
      });
      let body: unknown;
      try {
        body = JSON.parse(text);
      } catch {
        body = undefined;
      }
      return { status: response.status, body };
    } catch (error) {
      lastError = error;
      if (!closedUnder(error)) break;
      resent += 1;
      // The reload closes the old workers' idle connections within milliseconds: a short
      // pause lets the pool see them closed instead of picking another one of them.
      await new Promise((resolve) => setTimeout(resolve, 20 * (attempt + 1)));
    }
  }
  const cause = (lastError as { cause?: { code?: string } }).cause?.code ?? String(lastError);
  outcomes.push({ phase, label, status: 0, ms: performance.now() - started, sample: cause });
  return undefined;
}
let resent = 0;

let running = true;

async function customerWorker(base: string, index: number): Promise<void> {
  for (let turn = 0; running; turn += 1) {
    await call('stations', `${base}/api/stations`);
    // Spread over months: the seed and the run's own bookings fill nearer dates.
    const date = localDate(20 + ((index * 13 + turn * 7) % 300));
    const times = await call(
      'availability',
      `${base}/api/availability?station=${STATION}&date=${date}`,
    );
    const free =
      times?.status === 200
        ? (times.body as { data: { slots: { time: string; available: number }[] } }).data.slots
            .filter((slot) => slot.available > 0)
            .map((slot) => slot.time)
        : [];
    await call('quote', `${base}/api/quotes`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json' },
      body: JSON.stringify({ station: STATION, adults: 6 + (turn % 10), children: 1 }),
    });
    // A time the station showed as free (it may be taken meanwhile: 409).
    const time = free[turn % Math.max(1, free.length)];
    if (turn % 8 === 0 && time) await book(base, date, time);
  }
}

async function book(base: string, date: string, time: string): Promise<void> {
  const key = randomUUID();
  const body = JSON.stringify({
    station: STATION,
    date,
    time,
    durationMinutes: 120,
    adults: 8,
    children: 0,
    customer: { name: 'Load Tester', email: `load.${key}@example.com`, phone: '+1 555 010 4000' },
    address: { line1: '1 Test Way', city: 'Seattle', postalCode: '98101' },
  });
  // A lost answer is retried with the same key: the booking exists once either way.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const response = await call('booking', `${base}/api/bookings`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'Idempotency-Key': key },
      body,
    });
    if (!response) continue;
    if (response.status === 201)
      booked.set((response.body as { data: { reference: string } }).data.reference, key);
    return;
  }
}

async function adminWorker(base: string): Promise<void> {
  const signIn = await fetch(`${base}/api/session`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': nextAddress() },
    body: JSON.stringify({
      email: `manager@${STATION}.demo.hibachi.test`,
      password: 'demo-password-123',
    }),
  });
  if (!signIn.ok) throw new Error(`admin sign-in through nginx: ${signIn.status}`);
  const cookie = signIn.headers
    .getSetCookie()
    .map((value) => value.split(';')[0])
    .join('; ');
  const headers = { Cookie: cookie };
  for (let turn = 0; running; turn += 1) {
    const list = await call('admin-list', `${base}/api/admin/bookings?station=${STATION}`, {
      headers,
    });
    const items =
      list?.status === 200
        ? (list.body as { data: { items: { id: string; status: string }[] } }).data.items
        : [];
    const target = items.find(
      (item) => item.status === 'PENDING_PAYMENT' || item.status === 'CONFIRMED',
    );
    if (!target || turn % 2 === 1) continue;
    const detail = await call('admin-detail', `${base}/api/admin/bookings/${target.id}`, {
      headers,
    });
    if (detail?.status !== 200) continue;
    const { data } = detail.body as { data: { date: string; time: string; version: number } };
    await call('reschedule', `${base}/api/admin/bookings/${target.id}`, {
      method: 'PATCH',
      headers: { ...headers, 'Content-Type': 'application/json' },
      body: JSON.stringify({
        date: data.date,
        time: data.time === '13:00' ? '13:30' : '13:00',
        version: data.version,
      }),
    });
  }
}

async function waitReady(port: number, timeoutMs = 90_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    const status = await fetch(`http://127.0.0.1:${port}/api/health/ready`)
      .then((r) => r.status)
      .catch(() => 0);
    if (status === 200) return;
    await sleep(250);
  }
  throw new Error(`port ${port} not ready`);
}

/** A command run without blocking the load (execFileSync would stop every worker). */
function run(
  command: string,
  args: string[],
  options: { env: NodeJS.ProcessEnv; stdio: 'inherit' },
): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, options);
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${command} exited with ${code}`)),
    );
  });
}

function startRedis(port: number): ChildProcess {
  return spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    {
      stdio: 'ignore',
    },
  );
}

function p(values: number[], q: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return (
    Math.round((sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? NaN) * 10) /
    10
  );
}

async function main(): Promise<void> {
  const started = performance.now();
  const work = mkdtempSync(path.join(os.tmpdir(), 'hibachi-deploy-'));
  chmodSync(work, 0o755);
  const state = path.join(work, 'state');
  mkdirSync(state);
  const pgPort = await findFreePort();
  const pgDir = path.join(work, 'pg');
  let postgres = await startEmbeddedPostgres({ port: pgPort, dataDir: pgDir, persistent: true });
  await postgres.ensureDatabase('hibachi');
  const databaseUrl = postgres.url('hibachi');
  await migrate({ databaseUrl, migrationsDir: migrationsDirectory() });
  await seedDatabase({ databaseUrl, scale: 1 });
  const redisPort = await findFreePort();
  let redis = startRedis(redisPort);

  const ports = {
    customer: [await findFreePort(), await findFreePort()],
    admin: [await findFreePort(), await findFreePort()],
  };
  const front = { customer: await findFreePort(), admin: await findFreePort() };
  const common = {
    DATABASE_URL: databaseUrl,
    REDIS_URL: `redis://127.0.0.1:${redisPort}`,
    BOOKING_TOKEN_SECRET: 'deploy-test-booking-token-secret-0123456789',
    // The keys this process seeded with (development's), so the servers open what it sealed.
    DATA_ENCRYPTION_KEYS: getServerEnv().DATA_ENCRYPTION_KEYS,
    DATA_INDEX_KEY: getServerEnv().DATA_INDEX_KEY,
    PAYMENT_SIMULATOR: 'true',
    // nginx appends the load generator's own X-Forwarded-For (it stands for a CDN here).
    TRUSTED_PROXY_HOPS: '2',
    LOG_LEVEL: 'warn',
    PUBLIC_CUSTOMER_URL: `http://127.0.0.1:${front.customer}`,
  };
  writeFileSync(path.join(state, 'customer.env.json'), JSON.stringify(common));
  writeFileSync(
    path.join(state, 'admin.env.json'),
    JSON.stringify({ ...common, AUTH_SECRET: 'deploy-test-admin-session-secret-0123456789' }),
  );
  const instance = (command: string, app: string, port: number) =>
    execFileSync(
      process.execPath,
      [path.join(ROOT, 'deploy/test/local-instance.mjs'), command, app, String(port)],
      {
        env: { ...process.env, STATE_DIR: state },
        stdio: 'inherit',
      },
    );
  const instances = [
    ...ports.customer.map((port) => ['customer', port] as const),
    ...ports.admin.map((port) => ['admin', port] as const),
  ];
  const nginxDir = path.join(work, 'nginx');
  mkdirSync(nginxDir);
  let nginx: ChildProcess | undefined;
  const failures: string[] = [];
  try {
    for (const [app, port] of instances) instance('start', app, port);
    for (const [, port] of instances) await waitReady(port);
    const renderArgs = [
      path.join(ROOT, 'deploy/nginx/render-config.mjs'),
      '--customer',
      ports.customer.join(','),
      '--admin',
      ports.admin.join(','),
      '--listen',
      String(front.customer),
      '--admin-listen',
      String(front.admin),
      '--prefix',
      nginxDir,
      '--forwarded',
      'append',
      '--standalone',
    ];
    const nginxConf = path.join(nginxDir, 'nginx.conf');
    writeFileSync(nginxConf, execFileSync(process.execPath, renderArgs).toString());
    nginx = spawn(
      'nginx',
      ['-c', path.join(nginxDir, 'nginx.conf'), '-p', nginxDir, '-g', 'daemon off;'],
      {
        stdio: 'inherit',
      },
    );
    const customerBase = `http://127.0.0.1:${front.customer}`;
    const adminBase = `http://127.0.0.1:${front.admin}`;
    await waitReady(front.customer);
    await waitReady(front.admin);
    log(`nginx on ${front.customer} (customer) and ${front.admin} (admin), two instances each`);

    const load = [
      ...Array.from({ length: WORKERS - 2 }, (_, index) => customerWorker(customerBase, index)),
      adminWorker(adminBase),
      adminWorker(adminBase),
    ].map((worker) =>
      worker.catch((error: unknown) => failures.push(`a load worker stopped: ${String(error)}`)),
    );
    await sleep(3_000);

    // Rolling restarts of each app, as a release would do them.
    phase = 'rolling-restarts';
    const rollStarted = performance.now();
    for (let round = 1; round <= ROUNDS; round += 1) {
      await run(path.join(ROOT, 'deploy/rolling-deploy.sh'), ['--no-build', '--no-migrate'], {
        env: {
          ...process.env,
          INSTANCES: instances.map(([app, port]) => `${app}:${port}`).join(' '),
          RESTART: `STATE_DIR=${state} node ${path.join(ROOT, 'deploy/test/local-instance.mjs')} restart {app} {port}`,
          READY_TIMEOUT: '90',
          // Each instance out of nginx's rotation while it restarts, as on a host.
          NGINX_RENDER: [process.execPath, ...renderArgs].join(' '),
          NGINX_CONF: nginxConf,
          NGINX_RELOAD: `nginx -c ${nginxConf} -p ${nginxDir} -s reload`,
        },
        stdio: 'inherit',
      });
      log(`rolling restart ${round}/${ROUNDS} of both apps done`);
    }
    const rollSeconds = (performance.now() - rollStarted) / 1000;

    // Redis goes away: rate limits fall back; nothing fails.
    phase = 'redis-up';
    await sleep(4_000);
    phase = 'redis-down';
    redis.kill('SIGKILL');
    await sleep(8_000);
    const metrics = await fetch(`http://127.0.0.1:${ports.customer[0]}/api/metrics`).then((r) =>
      r.text(),
    );
    log(
      `while Redis is down: ${/^hibachi_circuit_breaker_open\{breaker="redis"\} \d/m.exec(metrics)?.[0] ?? 'no breaker metric'}`,
    );
    redis = startRedis(redisPort);
    phase = 'redis-back';
    await sleep(4_000);

    // PostgreSQL goes away: 503 envelopes only while it is down; the apps recover by themselves.
    phase = 'postgres-down';
    await postgres.stop();
    await sleep(5_000);
    postgres = await startEmbeddedPostgres({ port: pgPort, dataDir: pgDir, persistent: true });
    for (const [, port] of instances) await waitReady(port, 60_000);
    phase = 'postgres-back';
    await sleep(6_000);
    running = false;
    await Promise.all(load);

    // Everything answered 201 exists once; no chef is double-booked.
    const db = new pg.Client({ connectionString: databaseUrl });
    await db.connect();
    const references = [...booked.keys()];
    const { rows: found } = await db.query<{ reference: string; n: number }>(
      `SELECT reference, count(*)::int AS n FROM "Booking" WHERE reference = ANY($1) GROUP BY reference`,
      [references],
    );
    const { rows: overlaps } = await db.query<{ n: number }>(
      `SELECT count(*)::int AS n FROM "Booking" a JOIN "Booking" b
          ON a."chefId" = b."chefId" AND a.id < b.id
         AND a.status IN ('PENDING_PAYMENT', 'CONFIRMED') AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
         AND tstzrange(a."startsAt", a."blockedUntil") && tstzrange(b."startsAt", b."blockedUntil")`,
    );
    await db.end();
    if (found.length !== references.length || found.some((row) => row.n !== 1))
      failures.push(
        `bookings answered 201: ${references.length}, found once: ${found.filter((row) => row.n === 1).length}`,
      );
    if (overlaps[0]!.n !== 0) failures.push(`${overlaps[0]!.n} overlapping chef bookings`);

    const bad = outcomes.filter((outcome) => !allowedNow(outcome));
    const kinds = new Map<string, { count: number; sample?: string }>();
    for (const outcome of bad) {
      const kind = `${outcome.phase} ${outcome.label}: ${outcome.status || 'no answer'}`;
      const seen = kinds.get(kind) ?? { count: 0, sample: outcome.sample };
      seen.count += 1;
      kinds.set(kind, seen);
    }
    for (const [kind, { count, sample }] of kinds)
      failures.push(`${count} × ${kind}${sample ? ` (${sample})` : ''}`);
    const limited = (name: string) =>
      outcomes
        .filter(
          (outcome) =>
            outcome.phase === name &&
            outcome.label === 'booking' &&
            (outcome.status === 201 || outcome.status === 409),
        )
        .map((o) => o.ms);
    const byPhase: Record<string, Outcome[]> = {};
    for (const outcome of outcomes) (byPhase[outcome.phase] ??= []).push(outcome);
    console.table(
      Object.fromEntries(
        Object.entries(byPhase).map(([name, list]) => [
          name,
          {
            requests: list.length,
            failed: list.filter((outcome) => !allowedNow(outcome)).length,
            '503': list.filter((outcome) => outcome.status === 503).length,
            bookings: list.filter((outcome) => outcome.label === 'booking').length,
            'p50 ms': p(
              list.map((o) => o.ms),
              0.5,
            ),
            'p95 ms': p(
              list.map((o) => o.ms),
              0.95,
            ),
          },
        ]),
      ),
    );
    log(
      `bookings p50 with Redis up ${p(limited('redis-up'), 0.5)} ms, while it is down ${p(limited('redis-down'), 0.5)} ms; ` +
        `${ROUNDS} rolling restarts of each app took ${Math.round(rollSeconds)} s`,
    );
    // Every metric the dashboard and the alert rules read is one the apps serve.
    const served = (
      await Promise.all(
        [ports.customer[0], ports.admin[0]].map((port) =>
          fetch(`http://127.0.0.1:${port}/api/metrics`).then((r) => r.text()),
        ),
      )
    ).join('\n');
    const used = new Set(
      [
        readFileSync(path.join(ROOT, 'deploy/prometheus/alerts.yml'), 'utf8'),
        readFileSync(path.join(ROOT, 'deploy/grafana/hibachi-dashboard.json'), 'utf8'),
      ]
        .join('\n')
        .match(/\b(hibachi|http)_[a-z_]+\b/g),
    );
    const missing = [...used].filter((name) => !new RegExp(`^${name}[ {]`, 'm').test(served));
    if (missing.length > 0) failures.push(`metrics not served: ${missing.join(', ')}`);
    let rulesValid = true;
    try {
      execFileSync(
        'promtool',
        ['check', 'rules', path.join(ROOT, 'deploy/prometheus/alerts.yml')],
        {
          stdio: 'inherit',
        },
      );
    } catch {
      rulesValid = false;
      failures.push('promtool refused deploy/prometheus/alerts.yml');
    }
    log(`${resent} requests sent again after their connection to nginx closed under them`);
    log(
      `${booked.size} bookings made; whole test ${Math.round((performance.now() - started) / 1000)} s`,
    );
    // One check per promise of the issue, counted by `npm run verify`.
    const failedIn = (...names: string[]) =>
      bad.filter((outcome) => names.includes(outcome.phase)).length === 0;
    const checks: Record<string, boolean> = {
      [`${ROUNDS} rolling restarts of each app fail no request`]: failedIn('rolling-restarts'),
      'Redis killed and restarted: no request fails': failedIn(
        'redis-up',
        'redis-down',
        'redis-back',
      ),
      'PostgreSQL stopped: only 503 envelopes, then recovery without a restart': failedIn(
        'postgres-down',
        'postgres-back',
      ),
      'every booking answered 201 exists exactly once': !failures.some((f) =>
        f.startsWith('bookings answered'),
      ),
      'no chef has overlapping bookings': overlaps[0]!.n === 0,
      'the alert rules are valid': rulesValid,
      'every metric the dashboard and the rules use is served': missing.length === 0,
    };
    const passedChecks = Object.values(checks).filter(Boolean).length;
    for (const [name, ok] of Object.entries(checks)) log(`${ok ? 'ok  ' : 'FAIL'} ${name}`);
    if (process.env.TEST_RESULTS_DIR)
      writeFileSync(
        path.join(process.env.TEST_RESULTS_DIR, 'deploy.json'),
        JSON.stringify({
          passed: passedChecks,
          failed: Object.keys(checks).length - passedChecks,
          requests: outcomes.length,
          failures,
        }),
      );
    process.stdout.write(
      `deploy: ${outcomes.length} requests, ${bad.length} failed; ${passedChecks} checks passed, ${Object.keys(checks).length - passedChecks} failed\n`,
    );
  } finally {
    running = false;
    nginx?.kill('SIGQUIT');
    for (const [app, port] of instances) {
      try {
        instance('stop', app, port);
      } catch {
        // already gone
      }
    }
    redis.kill();
    await postgres.stop().catch(() => undefined);
    rmSync(work, { recursive: true, force: true });
  }
  if (failures.length > 0) {
    for (const failure of failures) process.stderr.write(`FAILED: ${failure}\n`);
    process.exit(1);
  }
}

await main();
