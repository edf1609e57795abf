// What a run of the suite left in its results folder, read back: each runner's count line,
// then each failed test by file and name (CI shows the log's tail, so they sit by the counts).
//   node scripts/test-report.mjs [folder]    reads .test-results/ unless told another
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { stripVTControlCharacters } from 'node:util';
import { CLOCKS, readClockReport, vitestReportFiles } from './test-clocks.mjs';

const root = path.resolve(import.meta.dirname, '..');
const readJson = (file) => JSON.parse(readFileSync(file, 'utf8'));
const firstLine = (text) =>
  String(text ?? '')
    .split('\n')
    .find((line) => line.trim()) ?? '';

/** A Vitest JSON report's failed tests, and failed files that have none (a hook that threw). */
function vitestFailures(file, tag = '') {
  const failures = [];
  for (const suite of readJson(file).testResults ?? []) {
    const where = `${path.relative(root, suite.name)}${tag}`;
    const failedTests = (suite.assertionResults ?? []).filter((test) => test.status === 'failed');
    for (const test of failedTests)
      failures.push(`${where}: ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
    if (suite.status === 'failed' && failedTests.length === 0)
      failures.push(`${where}: ${firstLine(suite.message)}`);
  }
  return failures;
}

const playwrightSpecs = (suite) => [
  ...(suite.specs ?? []),
  ...(suite.suites ?? []).flatMap((child) => playwrightSpecs(child)),
];

function playwrightFailures(report) {
  const failures = [];
  for (const spec of (report.suites ?? []).flatMap((suite) => playwrightSpecs(suite))) {
    if (spec.ok) continue;
    const result = spec.tests
      ?.flatMap((test) => test.results ?? [])
      .find((r) => r.error ?? r.errors?.[0]);
    const error = stripVTControlCharacters(
      firstLine((result?.error ?? result?.errors?.[0])?.message),
    );
    failures.push(`e2e/${spec.file}:${spec.line}: ${spec.title}: ${error}`);
  }
  return failures;
}

/** The count lines and failures of every runner that wrote a report into `results`. */
export function summarise(results) {
  const lines = [];
  const failures = [];
  let passed = 0;
  let failed = 0;

  const vitestReports = vitestReportFiles(results);
  if (vitestReports.length > 0) {
    const totals = { passed: 0, failed: 0, total: 0 };
    for (const file of vitestReports) {
      const report = readJson(file);
      totals.passed += report.numPassedTests;
      totals.failed += report.numFailedTests;
      totals.total += report.numTotalTests;
      failures.push(...vitestFailures(file));
    }
    passed += totals.passed;
    failed += totals.failed;
    lines.push(
      `Vitest: ${totals.passed} passed, ${totals.failed} failed of ${totals.total} (${vitestReports.length} packages)`,
    );
  }
  for (const clock of CLOCKS) {
    const directory = path.join(results, `clock-${clock.name}`);
    const report = readClockReport(directory);
    passed += report.passed;
    failed += report.failed;
    lines.push(
      `Vitest at ${clock.label}: ${report.passed} passed, ${report.failed} failed, ${report.skipped} skipped`,
    );
    for (const file of vitestReportFiles(directory))
      failures.push(...vitestFailures(file, ` (at ${clock.name})`));
  }
  for (const [file, runner] of [
    ['playwright-dev.json', 'Playwright on pnpm dev'],
    ['playwright.json', 'Playwright'],
  ]) {
    const playwrightFile = path.join(results, file);
    if (!existsSync(playwrightFile)) continue;
    const report = readJson(playwrightFile);
    const { stats } = report;
    passed += stats.expected;
    failed += stats.unexpected + stats.flaky;
    lines.push(
      `${runner}: ${stats.expected} passed, ${stats.unexpected} failed, ${stats.flaky} flaky, ${stats.skipped} skipped`,
    );
    failures.push(...playwrightFailures(report));
  }
  const deployFile = path.join(results, 'deploy.json');
  if (existsSync(deployFile)) {
    const report = readJson(deployFile);
    passed += report.passed;
    failed += report.failed;
    lines.push(
      `Deploy: ${report.passed} checks passed, ${report.failed} failed (${report.requests} requests)`,
    );
    failures.push(...(report.failures ?? []).map((failure) => `deploy: ${failure}`));
  }
  lines.push(...failures.map((failure) => `failed: ${failure.slice(0, 400)}`));
  return { lines, passed, failed };
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const folder = path.resolve(process.argv[2] ?? path.join(root, '.test-results'));
  if (!existsSync(folder) || readdirSync(folder).length === 0) {
    process.stderr.write(`no test results in ${folder}\n`);
    process.exit(2);
  }
  const { lines, passed, failed } = summarise(folder);
  process.stdout.write(`${lines.join('\n')}\n${passed} passed, ${failed} failed\n`);
  process.exit(failed === 0 ? 0 : 1);
}
