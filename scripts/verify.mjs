// The whole test suite: formatting, lint, typecheck, unit/integration (Vitest on a real PostgreSQL),
// the same Vitest suites under moved clocks, and e2e (Playwright on production builds), then one
// closing count line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { CLOCKS, readClockReport } from './test-clocks.mjs';

const root = path.resolve(import.meta.dirname, '..');
const results = path.join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  TEST_RESULTS_DIR: results,
};
const step = (name, args) => {
  process.stdout.write(`\n=== ${name} ===\n`);
  return spawnSync('pnpm', args, { stdio: 'inherit', cwd: root, env }).status ?? 1;
};

const statuses = {
  format: step('format (Prettier)', ['exec', 'prettier', '--check', '.', '--log-level=warn']),
  'lint + typecheck': step('lint + typecheck', [
    'turbo',
    'lint',
    'typecheck',
    '--concurrency=2',
    '--output-logs=errors-only',
  ]),
  'unit + integration': step('unit + integration (Vitest)', [
    'turbo',
    'test',
    '--output-logs=full',
  ]),
  'shifted clocks': step('unit + integration under moved clocks (Vitest + faketime)', [
    'test:clocks',
  ]),
  e2e: step('end to end (Playwright)', ['test:e2e']),
  // (after e2e: it runs the production builds e2e made, behind real nginx)
  deploy: step('deployment (nginx, rolling restarts, outages)', ['test:deploy']),
};

let passed = 0;
let failed = 0;
const vitestReports = existsSync(results)
  ? readdirSync(results).filter((file) => /^vitest-.+\.json$/.test(file))
  : [];
if (vitestReports.length > 0) {
  const totals = { passed: 0, failed: 0, total: 0 };
  for (const file of vitestReports) {
    const report = JSON.parse(readFileSync(path.join(results, file), 'utf8'));
    totals.passed += report.numPassedTests;
    totals.failed += report.numFailedTests;
    totals.total += report.numTotalTests;
  }
  passed += totals.passed;
  failed += totals.failed;
  process.stdout.write(
    `\nVitest: ${totals.passed} passed, ${totals.failed} failed of ${totals.total} (${vitestReports.length} packages)\n`,
  );
}
for (const clock of CLOCKS) {
  const report = readClockReport(path.join(results, `clock-${clock.name}`));
  passed += report.passed;
  failed += report.failed;
  process.stdout.write(
    `Vitest at ${clock.label}: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped\n`,
  );
}
const playwrightFile = path.join(results, 'playwright.json');
if (existsSync(playwrightFile)) {
  const { stats } = JSON.parse(readFileSync(playwrightFile, 'utf8'));
  passed += stats.expected;
  failed += stats.unexpected + stats.flaky;
  process.stdout.write(
    `Playwright: ${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped\n`,
  );
}
const deployFile = path.join(results, 'deploy.json');
if (existsSync(deployFile)) {
  const report = JSON.parse(readFileSync(deployFile, 'utf8'));
  passed += report.passed;
  failed += report.failed;
  process.stdout.write(
    `Deploy: ${report.passed} checks passed, ${report.failed} failed (${report.requests} requests)\n`,
  );
}
// Which tests failed, by name, next to the counts (CI shows the log's tail).
const firstLine = (text) =>
  String(text ?? '')
    .split('\n')
    .find((line) => line.trim()) ?? '';
const failures = [];
/** A Vitest JSON report's failed tests, and failed files that have none (a hook that threw). */
const vitestFailures = (file, tag = '') => {
  const report = JSON.parse(readFileSync(file, 'utf8'));
  for (const suite of report.testResults ?? []) {
    const where = `${path.relative(root, suite.name)}${tag}`;
    const failedTests = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests)
      failures.push(`${where}: ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (suite.status === 'failed' && failedTests.length === 0)
      failures.push(`${where}: ${firstLine(suite.message)}`);
  }
};
for (const file of vitestReports) vitestFailures(path.join(results, file));
for (const clock of CLOCKS) {
  const directory = path.join(results, `clock-${clock.name}`);
  if (!existsSync(directory)) continue;
  for (const file of readdirSync(directory).filter((name) => /^vitest-.+\.json$/.test(name)))
    vitestFailures(path.join(directory, file), ` (at ${clock.name})`);
}
if (existsSync(deployFile)) {
  const report = JSON.parse(readFileSync(deployFile, 'utf8'));
  for (const failure of report.failures ?? []) failures.push(`deploy: ${failure}`);
}
const playwrightSpecs = (suite) => [
  ...(suite.specs ?? []),
  ...(suite.suites ?? []).flatMap((child) => playwrightSpecs(child)),
];
if (existsSync(playwrightFile)) {
  const report = JSON.parse(readFileSync(playwrightFile, 'utf8'));
  for (const spec of (report.suites ?? []).flatMap((suite) => playwrightSpecs(suite))) {
    if (spec.ok) continue;
    const result = spec.tests
      ?.flatMap((test) => test.results ?? [])
      .find((r) => r.error ?? r.errors?.[0]);
    const error = firstLine((result?.error ?? result?.errors?.[0])?.message).replace(
      /\u001b\[[0-9;]*m/g,
      '',
    );
    failures.push(`e2e/${spec.file}:${spec.line}: ${spec.title}: ${error}`);
  }
}
for (const failure of failures) process.stdout.write(`failed: ${failure.slice(0, 400)}\n`);
for (const [name, status] of Object.entries(statuses)) {
  process.stdout.write(`${status === 0 ? 'ok  ' : 'FAIL'} ${name}\n`);
}
const ok = Object.values(statuses).every((status) => status === 0) && failed === 0 && passed > 0;
process.stdout.write(`${passed} passed, ${failed} failed\n`);
process.exit(ok ? 0 : 1);
