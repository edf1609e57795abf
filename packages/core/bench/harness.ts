// Shared by the benchmarks: a throwaway embedded PostgreSQL seeded at a scale, and a timer
// that prints p50/p95 of many calls. Never touches the development database.
import { chmodSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort, startEmbeddedPostgres } from '../src/db/embedded-postgres';
import { migrate } from '../src/db/migrate';
import { migrationsDirectory } from '../src/db/paths';
import { SEED_FORMAT, seedDatabase } from '../src/seed/seed-database';

/** Runs `body` against a fresh database seeded with `scale` × 5,000 bookings, then removes it. */
export async function withSeededDatabase(scale: number, body: () => Promise<void>): Promise<void> {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'hibachi-bench-'));
  chmodSync(dataDir, 0o755);
  const server = await startEmbeddedPostgres({
    port: await findFreePort(),
    dataDir: path.join(dataDir, 'pg'),
    persistent: false,
  });
  try {
    await server.ensureDatabase('bench');
    const url = server.url('bench');
    // Before the seed: it reads the environment (its data keys), which is read once.
    process.env.DATABASE_URL = url;
    process.env.LOG_LEVEL = 'silent';
    await migrate({ databaseUrl: url, migrationsDir: migrationsDirectory() });
    const seeded = await seedDatabase({ databaseUrl: url, scale });
    console.log(
      `seeded ${seeded.bookings} bookings, ${seeded.chefs} chefs, ${seeded.stations} stations in ${seeded.seconds}s`,
    );
    await body();
  } finally {
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

/**
 * Like withSeededDatabase, but the seeded database is kept under `.data/bench-scale-N` at the
 * repository root (git-ignored) and reused by later runs: seeding 500,000 bookings takes minutes.
 * Never the development database. New migrations are applied on reuse; a new SEED_FORMAT seeds
 * again, as does `fresh` (e.g. when the seed's dates have drifted far from today).
 */
export async function withReusedSeededDatabase(
  scale: number,
  body: () => Promise<void>,
  options: { fresh?: boolean } = {},
): Promise<void> {
  const root = path.resolve(import.meta.dirname, '../../..', '.data');
  const dataDir = path.join(root, `bench-scale-${scale}`);
  const marker = path.join(root, `bench-scale-${scale}.json`);
  const kept = existsSync(marker)
    ? (JSON.parse(readFileSync(marker, 'utf8')) as {
        bookings: number;
        at: string;
        format?: number;
      })
    : undefined;
  // A database seeded by an older seed lacks what newer benchmarks read: seeded again.
  const reuse = !options.fresh && kept?.format === SEED_FORMAT;
  if (!reuse) rmSync(dataDir, { recursive: true, force: true });
  const server = await startEmbeddedPostgres({ port: await findFreePort(), dataDir });
  try {
    await server.ensureDatabase('bench');
    const url = server.url('bench');
    // Before the seed: it reads the environment (its data keys), which is read once.
    process.env.DATABASE_URL = url;
    process.env.LOG_LEVEL = 'silent';
    await migrate({ databaseUrl: url, migrationsDir: migrationsDirectory() });
    if (reuse && kept) {
      console.log(`reusing ${kept.bookings} bookings seeded ${kept.at} (${dataDir})`);
    } else {
      const seeded = await seedDatabase({ databaseUrl: url, scale });
      writeFileSync(
        marker,
        JSON.stringify({ ...seeded, format: SEED_FORMAT, at: new Date().toISOString() }),
      );
      console.log(`seeded ${seeded.bookings} bookings in ${seeded.seconds}s, kept in ${dataDir}`);
    }
    // Statistics and the visibility map for index-only scans (also after a new migration).
    const pg = await import('pg');
    const client = new pg.default.Client({ connectionString: url });
    await client.connect();
    await client.query('VACUUM ANALYZE');
    await client.end();
    await body();
  } finally {
    await server.stop();
  }
}

export type Timing = { p50: number; p95: number };

/** Warms up on the first five inputs, then times `iterations` calls cycling through `inputs`. */
export async function measure<Input>(
  label: string,
  inputs: Input[],
  iterations: number,
  run: (input: Input) => Promise<unknown>,
  warmUp = 5,
): Promise<Timing> {
  for (const input of inputs.slice(0, warmUp)) await run(input);
  const samples: number[] = [];
  for (let index = 0; index < iterations; index += 1) {
    const started = performance.now();
    await run(inputs[index % inputs.length]!);
    samples.push(performance.now() - started);
  }
  samples.sort((a, b) => a - b);
  const p50 = samples[Math.floor(samples.length * 0.5)]!;
  const p95 = samples[Math.floor(samples.length * 0.95)]!;
  console.log(
    `${label.padEnd(48)} p50 ${p50.toFixed(2).padStart(7)} ms   p95 ${p95.toFixed(2).padStart(7)} ms`,
  );
  return { p50, p95 };
}
