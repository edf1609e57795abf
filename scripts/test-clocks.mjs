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

/**
 * Each clock: how far to move it, in seconds from the real now. Both are instants that
 * matter to a calendar, always at least two months ahead of the real date (so each is also
 * "a date in the future": a test that only passes on today's date fails under both), and
 * the same instants for months at a time, so runs are reproducible.
 */
export const CLOCKS = [
  {
    // New York's clocks jump from 02:00 EST to 03:00 EDT at 07:00 UTC, half a minute in.
    name: 'us-spring-forward',
    label: 'the night US clocks change',
    offset: () => secondsUntil(nextUsSpringForward(Date.now() + 60 * DAY_SECONDS * 1000)),
  },
  {
    // Noon UTC: the 29th in every station zone, Honolulu (UTC-10) to London.
    name: 'leap-day',
    label: 'a leap day',
    offset: () => secondsUntil(nextLeapDayNoon(Date.now() + 60 * DAY_SECONDS * 1000)),
  },
];

/** 06:59:30 UTC on the second Sunday of March (US clocks spring forward at 07:00 UTC) after `after`. */
export function nextUsSpringForward(after) {
  for (let year = new Date(after).getUTCFullYear(); ; year += 1) {
    const firstOfMarch = new Date(Date.UTC(year, 2, 1)).getUTCDay();
    const secondSunday = 1 + ((7 - firstOfMarch) % 7) + 7;
    const instant = Date.UTC(year, 2, secondSunday, 6, 59, 30);
    if (instant > after) return new Date(instant).toISOString();
  }
}

/** Noon UTC on the first 29 February after `after`. */
export function nextLeapDayNoon(after) {
  for (let year = new Date(after).getUTCFullYear(); ; year += 1) {
    const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    const instant = Date.UTC(year, 1, 29, 12);
    if (leap && instant > after) return new Date(instant).toISOString();
  }
}

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
  process.stdout.write(
    `\n--- Vitest with the clock at ${clock.label}, ${new Date(Date.now() + offset * 1000).toISOString()} (offset ${offset} s) ---\n`,
  );
  // One package at a time, each run whatever the one before did: pnpm's recursive run stops
  // at the first failing package (--no-bail is not honoured), which left the others uncounted.
  const statuses = PACKAGES.map(
    (name) =>
      spawnSync(
        'faketime',
        ['-f', `${offset >= 0 ? '+' : ''}${offset}`, 'pnpm', '--filter', name, 'test'],
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
      ).status,
  );
  const report = readClockReport(directory);
  process.stdout.write(
    `Vitest at ${clock.label}: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped (${report.files} packages)\n`,
  );
  return (
    statuses.every((status) => status === 0) &&
    report.failed === 0 &&
    report.files === PACKAGES.length
  );
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
