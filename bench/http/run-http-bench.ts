// `pnpm bench:http`: the production customer app (`next start`) against a bare Next.js route
// (bench/bare-next, same Next version) on this machine, driven by autocannon. Demo scale at
// 50 connections (throughput as a share of the bare route), booking creation on two instances
// sharing one database (then: no chef double-booked), and --scale 100 at one connection
// (latency). Prints a table, writes results/http-bench.json, exits 1 past a target.
//
//   pnpm bench:http [--duration 15] [--rounds 5] [--build] [--skip-scale-100] [--only booking]
//                   [--profile]
// (--duration: seconds per case, split into --rounds rounds for the throughput and latency cases;
// --only booking: the two-instance booking case alone, for iterating on the write path;
// --profile: during the booking case, samples what the app's database connections do, and
// the customer servers write CPU profiles to .data/http-profiles; not a measurement)
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import autocannon from 'autocannon';
import pg from 'pg';
import { withReusedSeededDatabase, withSeededDatabase } from '../../packages/core/bench/harness';
import { countCpu } from './cpu-budget';
import { sampleDatabase } from './database-sampler';
import { probeWriteSteps } from './write-steps';
import {
  bookingBody,
  bookingHeaders,
  findOpenStarts,
  isGenuineConflict,
  refusalOf,
  type BookableStation,
} from './booking-load';
import {
  BARE,
  CUSTOMER,
  customerEnv,
  ensureBuilt,
  startServer,
  stopServer,
  type Server,
} from './servers';

const args = process.argv.slice(2);
const flag = (name: string) => args.includes(`--${name}`);
const option = (name: string, fallback: number) => {
  const index = args.indexOf(`--${name}`);
  return index >= 0 ? Number(args[index + 1]) : fallback;
};
const DURATION = option('duration', 15);
const ROUNDS = option('rounds', 5);
const ONLY = args.includes('--only') ? args[args.indexOf('--only') + 1] : undefined;
if (ONLY !== undefined && ONLY !== 'booking') throw new Error('--only takes: booking');
const BOOKING_ONLY = ONLY === 'booking';
const PROFILE = flag('profile');
const PROFILES_DIR = path.join(import.meta.dirname, '../../.data/http-profiles');
/** How far ahead the booking case books (the booking page offers a year). */
const BOOKING_DAYS = 300;

/**
 * Targets from issue 10: shares of the bare route, and milliseconds at scale 100; booking
 * creation's p95 from issue 37 (it had been 38-42 ms on 2026-12-01).
 */
const TARGETS = {
  healthShare: 0.8,
  stationsShare: 0.6,
  availabilityShare: 0.5,
  availabilityP95Ms: 20,
  daysP95Ms: 50,
  stationsP95Ms: 5,
  bookingP95Ms: 50,
};

type Row = {
  name: string;
  connections: number;
  requests: number;
  reqPerSec: number;
  p50: number;
  p95: number;
  p99: number;
  errors: number;
  statuses: Record<string, number>;
  /** Answers that were not 2xx, by status and reason (cases that read their bodies). */
  refusals?: Record<string, number>;
  share?: number;
  /** Latency cases: the median of the rounds' p95s (the figure checked against its target). */
  p95OfRounds?: number;
  seconds: number;
  /** Every response time, kept only to merge rounds (not written to the results file). */
  latencies?: number[];
};

// ---------------------------------------------------------------------------------------------
// Builds and servers

// ---------------------------------------------------------------------------------------------
// Load

let addressCounter = 0;
/** A different client address per request (documentation range), so per-IP limits never bind. */
function nextAddress(): string {
  addressCounter += 1;
  return `198.18.${(addressCounter >> 8) & 255}.${addressCounter & 255}`;
}

type RequestShape = {
  method?: 'GET' | 'POST';
  path: () => string;
  body?: () => string;
  headers?: () => Record<string, string>;
  /** Reads each answer's body and names a refusal (`409 SLOT_TAKEN`); undefined for a 2xx. */
  refusal?: (status: number, body: string) => string | undefined;
};

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)]!;
};

/** Several runs of one case as one row: requests and statuses summed, latencies pooled. */
function merge(name: string, runs: Row[]): Row {
  const latencies = runs.flatMap((run) => run.latencies ?? []).sort((a, b) => a - b);
  const seconds = runs.reduce((sum, run) => sum + run.seconds, 0);
  const statuses: Record<string, number> = {};
  for (const run of runs)
    for (const [status, count] of Object.entries(run.statuses))
      statuses[status] = (statuses[status] ?? 0) + count;
  return {
    name,
    connections: runs[0]!.connections,
    requests: latencies.length,
    reqPerSec: latencies.length / seconds,
    seconds,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: runs.reduce((sum, run) => sum + run.errors, 0),
    statuses,
  };
}

function percentile(sorted: number[], share: number): number {
  return sorted.length === 0
    ? 0
    : sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * share))]!;
}

/** One autocannon run; latencies and statuses are collected per response (autocannon has no p95). */
async function drive(
  name: string,
  baseUrl: string,
  shape: RequestShape,
  connections: number,
  duration = DURATION,
): Promise<Row> {
  const latencies: number[] = [];
  const statuses: Record<string, number> = {};
  const refusals: Record<string, number> = {};
  const { refusal } = shape;
  const options: autocannon.Options = {
    url: baseUrl,
    connections,
    duration,
    requests: [
      {
        method: shape.method ?? 'GET',
        setupRequest: (request) => ({
          ...request,
          path: shape.path(),
          headers: {
            ...request.headers,
            'x-forwarded-for': nextAddress(),
            ...(shape.body ? { 'content-type': 'application/json' } : {}),
            ...shape.headers?.(),
          },
          ...(shape.body ? { body: shape.body() } : {}),
        }),
        ...(refusal
          ? {
              onResponse: (status: number, body: string) => {
                const name = refusal(status, body);
                if (name) refusals[name] = (refusals[name] ?? 0) + 1;
              },
            }
          : {}),
      },
    ],
  };
  const result = await new Promise<autocannon.Result>((resolve, reject) => {
    const instance = autocannon(options, (error, finished) =>
      error ? reject(error as Error) : resolve(finished),
    );
    instance.on('response', (_client, statusCode, _bytes, responseTime) => {
      latencies.push(responseTime);
      statuses[statusCode] = (statuses[statusCode] ?? 0) + 1;
    });
  });
  latencies.sort((a, b) => a - b);
  return {
    name,
    connections,
    requests: latencies.length,
    reqPerSec: latencies.length / duration,
    seconds: duration,
    latencies,
    p50: percentile(latencies, 0.5),
    p95: percentile(latencies, 0.95),
    p99: percentile(latencies, 0.99),
    errors: result.errors + result.timeouts,
    statuses,
    ...(refusal ? { refusals } : {}),
  };
}

/**
 * ROUNDS rounds of a case, each paired with a round of the bare route right next to it. The
 * order alternates (bare first, then the case first, …): on this shared host the speed drifts
 * within seconds, and a fixed order would hand the drift to one side of every pair.
 */
async function pairedRounds(
  runBare: () => Promise<Row>,
  runCase: () => Promise<Row>,
): Promise<{ bare: Row; row: Row }[]> {
  const rounds: { bare: Row; row: Row }[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    if (round % 2 === 0) {
      const bare = await runBare();
      rounds.push({ bare, row: await runCase() });
    } else {
      const row = await runCase();
      rounds.push({ bare: await runBare(), row });
    }
  }
  return rounds;
}

type StationInfo = BookableStation & {
  serviceHours: { firstStart: string; lastStart: string; slotIntervalMinutes: number };
};

async function stationsOf(baseUrl: string): Promise<StationInfo[]> {
  const response = await fetch(`${baseUrl}/api/stations`);
  return ((await response.json()) as { data: StationInfo[] }).data;
}

const pick = <T>(items: T[]): T => items[Math.floor(Math.random() * items.length)]!;
/** A UTC date `days` ahead (comfortably past every station's notice for days ≥ 4). */
const daysAhead = (days: number) =>
  new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

async function overlappingBookings(databaseUrl: string): Promise<number> {
  const client = new pg.Client({ connectionString: databaseUrl });
  await client.connect();
  const { rows } = await client.query<{ n: number }>(`
    SELECT count(*)::int AS n FROM "Booking" a JOIN "Booking" b
      ON a."chefId" = b."chefId" AND a.id < b.id
     AND a.status IN ('PENDING_PAYMENT', 'CONFIRMED') AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
     AND tstzrange(a."startsAt", a."blockedUntil") && tstzrange(b."startsAt", b."blockedUntil")`);
  await client.end();
  return rows[0]!.n;
}

// ---------------------------------------------------------------------------------------------
// Runs

const rows: Row[] = [];
const notes: string[] = [];
let overlaps = -1;

async function demoScale(bare: Server): Promise<void> {
  await withSeededDatabase(1, async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    const env = {
      ...customerEnv(databaseUrl),
      ...(PROFILE ? { NODE_OPTIONS: `--cpu-prof --cpu-prof-dir=${PROFILES_DIR}` } : {}),
    };
    const first = await startServer(CUSTOMER, env);
    const second = await startServer(CUSTOMER, env);
    try {
      const stations = await stationsOf(first.url);
      const chicago = stations.find((station) => station.slug === 'chicago') ?? stations[0]!;
      // Warm every server (JIT, pools, caches) before anything is timed: a sequential pass,
      // then load. A freshly started `next start` takes several seconds of load to reach its
      // steady speed, and the first case measured used to pay for it.
      for (const server of [first, second])
        for (let index = 0; index < 50; index += 1) {
          await fetch(`${server.url}/api/stations`);
          await fetch(
            `${server.url}/api/availability?station=${chicago.slug}&date=${daysAhead(10)}`,
          );
        }
      await drive('warm-up', bare.url, { path: () => '/api/ping' }, 50, 5);
      await drive('warm-up', first.url, { path: () => '/api/health/live' }, 50, 5);
      // Throughput as a share of the bare route. The machine is shared and noisy, so each case
      // runs in ROUNDS short rounds, each next to a round of the bare route (both warmed
      // first); the share is the median of the rounds' ratios, and req/s and latencies are
      // over all rounds.
      const bareRoute: RequestShape = { path: () => '/api/ping' };
      const cases: [string, RequestShape][] = [
        ['health (live)', { path: () => '/api/health/live' }],
        ['stations', { path: () => '/api/stations' }],
        [
          'availability (one day)',
          {
            path: () =>
              `/api/availability?station=${pick(stations).slug}&date=${daysAhead(4 + Math.floor(Math.random() * 60))}`,
          },
        ],
        [
          'quote',
          {
            method: 'POST',
            path: () => '/api/quotes',
            body: () => JSON.stringify({ station: pick(stations).slug, adults: 6, children: 2 }),
          },
        ],
      ];
      const roundSeconds = Math.max(2, Math.round(DURATION / ROUNDS));
      const bareRounds: Row[] = [];
      for (const [name, shape] of BOOKING_ONLY ? [] : cases) {
        await drive('warm-up', bare.url, bareRoute, 50, 2);
        await drive('warm-up', first.url, shape, 50, 2);
        const rounds = await pairedRounds(
          () => drive('bare Next.js route', bare.url, bareRoute, 50, roundSeconds),
          () => drive(name, first.url, shape, 50, roundSeconds),
        );
        bareRounds.push(...rounds.map((round) => round.bare));
        const ratios = rounds.map(({ bare, row }) => row.reqPerSec / bare.reqPerSec);
        rows.push({
          ...merge(
            name,
            rounds.map(({ row }) => row),
          ),
          share: median(ratios),
        });
        notes.push(
          `${name}: share per round ${ratios.map((ratio) => `${(ratio * 100).toFixed(0)}%`).join(', ')}`,
        );
      }
      if (!BOOKING_ONLY) rows.unshift({ ...merge('bare Next.js route', bareRounds), share: 1 });
      // Booking creation: two instances on one database, 5 connections each (10 in all), each
      // request with its own Idempotency-Key as the booking page sends, for a start time the
      // station offers (an open date, inside its hours and notice) and an address it serves,
      // so every request is a booking attempt: the only refusal expected is 409 SLOT_TAKEN,
      // when requests racing for a station's last free chef at one time outnumber its chefs.
      const openStarts = await findOpenStarts(first.url, stations, BOOKING_DAYS, nextAddress);
      notes.push(
        `booking: ${openStarts.length} open start times over ${BOOKING_DAYS} days of ${stations.length} stations to pick from`,
      );
      const booking: RequestShape = {
        method: 'POST',
        path: () => '/api/bookings',
        body: () => bookingBody(openStarts),
        headers: bookingHeaders,
        refusal: refusalOf,
      };
      // Both instances warm up on the booking route first. The second also serves the cases
      // above for a few seconds each (with --only booking, both do), so both have the same
      // history (heap grown, every route compiled): a young instance's first seconds are not
      // what is measured, its steady speed is.
      for (const server of BOOKING_ONLY ? [first, second] : [second])
        for (const [, shape] of cases) await drive('warm-up', server.url, shape, 50, 3);
      await Promise.all(
        [first, second].map((server) => drive('warm-up', server.url, booking, 5, 10)),
      );
      const steps = await probeWriteSteps([first.url, second.url]);
      const cpu = await countCpu(databaseUrl);
      const sampler = PROFILE ? await sampleDatabase(databaseUrl) : undefined;
      const [onFirst, onSecond] = await Promise.all([
        drive('booking creation (instance 1)', first.url, booking, 5),
        drive('booking creation (instance 2)', second.url, booking, 5),
      ]);
      notes.push(cpu.report(onFirst.requests + onSecond.requests));
      if (sampler) notes.push(...(await sampler.stop()));
      notes.push(...(await steps.report()));
      rows.push(onFirst, onSecond);
      for (const row of [onFirst, onSecond])
        notes.push(
          `${row.name}: ${row.requests - (row.statuses['201'] ?? 0)} of ${row.requests} answers not 201 ${JSON.stringify(row.refusals)}`,
        );
      overlaps = await overlappingBookings(databaseUrl);
    } finally {
      stopServer(first);
      stopServer(second);
    }
  });
}

async function scale100(bare: Server): Promise<void> {
  await withReusedSeededDatabase(100, async () => {
    const databaseUrl = process.env.DATABASE_URL!;
    const server = await startServer(CUSTOMER, customerEnv(databaseUrl));
    try {
      const stations = await stationsOf(server.url);
      const station = stations[0]!;
      for (let index = 0; index < 50; index += 1) {
        await fetch(`${server.url}/api/stations`);
        await fetch(`${server.url}/api/availability?station=${station.slug}&date=${daysAhead(10)}`);
        await fetch(
          `${server.url}/api/availability/days?station=${station.slug}&from=${daysAhead(4)}`,
        );
      }
      // One connection: latency. Each case runs in ROUNDS rounds, each next to a round of the
      // bare route; its p95 is checked as the median of the rounds' p95s, so a burst from
      // another tenant of this shared host that lands in one round does not decide the run.
      // Pooled figures (all rounds together) are in the table, per-round ones in the notes.
      const listBytes = (
        await (
          await fetch(`${server.url}/api/stations`, { headers: { 'accept-encoding': 'identity' } })
        ).arrayBuffer()
      ).byteLength;
      const latencyCases: [string, string, RequestShape][] = [
        // What sending an answer this large costs in bare Next.js on this machine: the floor
        // under the station list's latency.
        [
          `scale 100 · bare route, ${Math.round(listBytes / 1000)} kB body, 1 connection`,
          bare.url,
          { path: () => `/api/sized?bytes=${listBytes}` },
        ],
        ['scale 100 · stations, 1 connection', server.url, { path: () => '/api/stations' }],
        // No target: what a browser's request costs. Next.js gzips a route's answer on every
        // request that accepts gzip, and a route handler cannot send a body it encoded once
        // (Next drops its Content-Encoding), so this is the plain case plus ~100 kB of gzip.
        [
          'scale 100 · stations, browser (gzip), 1 connection',
          server.url,
          {
            path: () => '/api/stations',
            headers: () => ({ 'accept-encoding': 'gzip, deflate, br' }),
          },
        ],
        [
          'scale 100 · availability, 1 connection',
          server.url,
          {
            path: () =>
              `/api/availability?station=${pick(stations).slug}&date=${daysAhead(4 + Math.floor(Math.random() * 60))}`,
          },
        ],
        [
          'scale 100 · date picker (35 days), 1 connection',
          server.url,
          {
            path: () =>
              `/api/availability/days?station=${pick(stations).slug}&from=${daysAhead(4 + Math.floor(Math.random() * 30))}`,
          },
        ],
      ];
      const roundSeconds = Math.max(2, Math.round(DURATION / ROUNDS));
      const bareRounds: Row[] = [];
      const caseRows: Row[] = [];
      for (const [name, url, shape] of latencyCases) {
        const rounds = await pairedRounds(
          () => drive('bare', bare.url, { path: () => '/api/ping' }, 1, roundSeconds),
          () => drive(name, url, shape, 1, roundSeconds),
        );
        bareRounds.push(...rounds.map((round) => round.bare));
        const p95OfRounds = median(rounds.map(({ row }) => row.p95));
        caseRows.push({
          ...merge(
            name,
            rounds.map(({ row }) => row),
          ),
          p95OfRounds,
        });
        const listed = (values: number[]) => values.map((value) => value.toFixed(1)).join(', ');
        notes.push(
          `${name}: p95 per round ${listed(rounds.map(({ row }) => row.p95))} ms (median ${p95OfRounds.toFixed(1)}); bare route in the same rounds ${listed(rounds.map(({ bare }) => bare.p95))} ms`,
        );
      }
      rows.push(
        {
          ...merge('scale 100 · bare route, 1 connection', bareRounds),
          p95OfRounds: median(bareRounds.map((row) => row.p95)),
        },
        ...caseRows,
      );
    } finally {
      stopServer(server);
    }
  });
}

// ---------------------------------------------------------------------------------------------

ensureBuilt(flag('build'));
const bare = await startServer(BARE, {});
let failures: string[] = [];
try {
  await demoScale(bare);
  if (!flag('skip-scale-100') && !BOOKING_ONLY) await scale100(bare);
  else notes.push('scale 100 skipped');
} finally {
  stopServer(bare);
}

const find = (name: string) => rows.find((row) => row.name === name);
const check = (ok: boolean | undefined, message: string) => {
  if (!ok) failures.push(message);
};
if (!BOOKING_ONLY) {
  check(
    (find('health (live)')?.share ?? 0) >= TARGETS.healthShare,
    `health below ${TARGETS.healthShare * 100}% of the bare route`,
  );
  check(
    (find('stations')?.share ?? 0) >= TARGETS.stationsShare,
    `stations below ${TARGETS.stationsShare * 100}% of the bare route`,
  );
  check(
    (find('availability (one day)')?.share ?? 0) >= TARGETS.availabilityShare,
    `availability below ${TARGETS.availabilityShare * 100}% of the bare route`,
  );
}
for (const name of ['booking creation (instance 1)', 'booking creation (instance 2)']) {
  const row = find(name);
  check(
    (row?.p95 ?? Infinity) <= TARGETS.bookingP95Ms,
    `${name} p95 over ${TARGETS.bookingP95Ms} ms`,
  );
  // Every request books an offered time: any refusal but a lost race is the bench or a bug.
  const unexpected = Object.entries(row?.refusals ?? {}).filter(
    ([refusal, count]) => count > 0 && !isGenuineConflict(refusal),
  );
  check(
    unexpected.length === 0,
    `${name}: refusals other than 409 SLOT_TAKEN: ${unexpected.map(([refusal, count]) => `${count}× ${refusal}`).join('; ')}`,
  );
}
if (!flag('skip-scale-100') && !BOOKING_ONLY) {
  check(
    (find('scale 100 · stations, 1 connection')?.p95OfRounds ?? Infinity) <= TARGETS.stationsP95Ms,
    `scale 100 stations p95 (median of rounds) over ${TARGETS.stationsP95Ms} ms`,
  );
  check(
    (find('scale 100 · availability, 1 connection')?.p95OfRounds ?? Infinity) <=
      TARGETS.availabilityP95Ms,
    `scale 100 availability p95 (median of rounds) over ${TARGETS.availabilityP95Ms} ms`,
  );
  check(
    (find('scale 100 · date picker (35 days), 1 connection')?.p95OfRounds ?? Infinity) <=
      TARGETS.daysP95Ms,
    `scale 100 date picker p95 (median of rounds) over ${TARGETS.daysP95Ms} ms`,
  );
}
for (const row of rows) {
  const serverErrors = Object.entries(row.statuses)
    .filter(([status]) => status.startsWith('5'))
    .reduce((sum, [, count]) => sum + count, 0);
  check(
    serverErrors === 0 && row.errors === 0,
    `${row.name}: ${serverErrors} 5xx, ${row.errors} socket errors/timeouts`,
  );
}
check(overlaps === 0, `${overlaps} pairs of overlapping active bookings of one chef`);
failures = failures.filter(Boolean);

console.log('');
console.log(
  `${'case'.padEnd(50)} ${'conns'.padStart(5)} ${'req/s'.padStart(8)} ${'share'.padStart(6)} ${'p50'.padStart(7)} ${'p95'.padStart(7)} ${'p99'.padStart(7)} ${'p95 rds'.padStart(7)}  statuses`,
);
for (const row of rows)
  console.log(
    `${row.name.padEnd(50)} ${String(row.connections).padStart(5)} ${row.reqPerSec.toFixed(0).padStart(8)} ${(row.share === undefined ? '' : `${(row.share * 100).toFixed(0)}%`).padStart(6)} ${row.p50.toFixed(1).padStart(7)} ${row.p95.toFixed(1).padStart(7)} ${row.p99.toFixed(1).padStart(7)} ${(row.p95OfRounds?.toFixed(1) ?? '').padStart(7)}  ${JSON.stringify(row.statuses)}`,
  );
console.log(`overlapping active bookings of one chef after the two-instance run: ${overlaps}`);
for (const note of notes) console.log(note);

const resultsDir = path.join(import.meta.dirname, 'results');
mkdirSync(resultsDir, { recursive: true });
// The results file holds whole runs; --only booking prints its figures and leaves it alone.
if (!BOOKING_ONLY)
  writeFileSync(
    path.join(resultsDir, 'http-bench.json'),
    `${JSON.stringify(
      {
        at: new Date().toISOString(),
        machine: { cpus: os.cpus().length, node: process.version },
        durationSeconds: DURATION,
        targets: TARGETS,
        rows: rows.map(({ latencies: _latencies, ...row }) => ({
          ...row,
          reqPerSec: Math.round(row.reqPerSec),
          share: row.share === undefined ? undefined : Number(row.share.toFixed(3)),
        })),
        overlaps,
        failures,
      },
      null,
      2,
    )}\n`,
  );
if (failures.length > 0) {
  console.log(`\nPAST TARGET:\n- ${failures.join('\n- ')}`);
  process.exit(1);
}
console.log('\nall targets met');
process.exit(0);
