// `pnpm test:clocks`: the Vitest suites of core, admin and web again, each under a moved
// clock (libfaketime; the embedded PostgreSQL the suite starts inherits it, so both clocks
// agree). A test that depends on the day it runs fails here, in the change that adds it.
//   node scripts/test-clocks.mjs            every clock below
//   node scripts/test-clocks.mjs leap-day   one of them
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const PACKAGES = ['@hibachi/core', '@hibachi/admin', '@hibachi/web'];
const DAY_SECONDS = 86_400;

/** Each clock: how far to move it, in seconds from the real now. Fixed instants keep runs reproducible. */
export const CLOCKS = [
  { name: 'plus-200-days', label: '200 days ahead', offset: () => 200 * DAY_SECONDS },
  {
    // New York's clocks jump from 02:00 EST to 03:00 EDT at 07:00 UTC, half a minute in.
    name: 'us-spring-forward',
    label: 'the night US clocks change (2027-03-14 06:59:30 UTC)',
    offset: () => secondsUntil('2027-03-14T06:59:30Z'),
  },
  {
    // Noon UTC: the 29th in every station zone, Honolulu (UTC-10) to London.
    name: 'leap-day',
    label: 'a leap day (2028-02-29 12:00 UTC)',
    offset: () => secondsUntil('2028-02-29T12:00:00Z'),
  },
];

function secondsUntil(instant) {
  return Math.round((Date.parse(instant) - Date.now()) / 1000);
}

/** The Vitest JSON reports in a results folder (one per package), as paths. */
export function vitestReportFiles(directory) {
  if (!existsSync(directory)) return [];
  return readdirSync(directory)
    .filter((name) => /^vitest-.+\.json$/.test(name))
    .map((name) => path.join(directory, name));
}

/** The report of one run: passed, failed and skipped over the packages' Vitest JSON files. */
export function readClockReport(directory) {
  const totals = { passed: 0, failed: 0, skipped: 0, files: 0 };
  for (const file of vitestReportFiles(directory)) {
    const report = JSON.parse(readFileSync(file, 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.skipped += report.numPendingTests + report.numTodoTests;
    totals.files += 1;
  }
  return totals;
}

function runUnder(clock, resultsRoot) {
  const offset = clock.offset();
  const directory = path.join(resultsRoot, `clock-${clock.name}`);
  mkdirSync(directory, { recursive: true });
  process.stdout.write(`\n--- Vitest with the clock at ${clock.label} (offset ${offset} s) ---\n`);
  const filters = PACKAGES.flatMap((name) => ['--filter', name]);
  const result = spawnSync(
    'faketime',
    [
      '-f',
      `${offset >= 0 ? '+' : ''}${offset}`,
      'pnpm',
      ...filters,
      '--workspace-concurrency=1',
      // (every package runs even when one fails, so the count covers them all)
      '--no-bail',
      'test',
    ],
    {
      cwd: root,
      stdio: 'inherit',
      env: {
        ...process.env,
        // Timers and lock waits use the real monotonic clock (libfaketime's own advice).
        FAKETIME_DONT_FAKE_MONOTONIC: '1',
        // Tests that need PostgreSQL's own timeouts stay out (see core/test/shifted-clock.ts).
        SHIFTED_CLOCK: '1',
        TEST_RESULTS_DIR: directory,
      },
    },
  );
  const report = readClockReport(directory);
  process.stdout.write(
    `Vitest at ${clock.label}: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped (${report.files} packages)\n`,
  );
  return result.status === 0 && report.failed === 0 && report.files === PACKAGES.length;
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const only = process.argv.slice(2).filter((arg) => arg !== '--');
  const clocks = only.length ? CLOCKS.filter((clock) => only.includes(clock.name)) : CLOCKS;
  if (clocks.length === 0) {
    process.stderr.write(
      `unknown clock; choose from ${CLOCKS.map((clock) => clock.name).join(', ')}\n`,
    );
    process.exit(2);
  }
  if (spawnSync('faketime', ['-f', '+0', 'true']).status !== 0) {
    process.stderr.write('faketime is missing: `node scripts/bootstrap.mjs --test` installs it\n');
    process.exit(1);
  }
  // (the Prisma client is generated code: a fresh checkout has none until this runs)
  const generate = spawnSync('pnpm', ['--filter', '@hibachi/core', 'generate'], {
    cwd: root,
    stdio: 'inherit',
  });
  if (generate.status !== 0) process.exit(generate.status ?? 1);
  const resultsRoot = process.env.TEST_RESULTS_DIR ?? path.join(root, '.test-results');
  const outcomes = clocks.map((clock) => runUnder(clock, resultsRoot));
  process.exit(outcomes.every(Boolean) ? 0 : 1);
}
