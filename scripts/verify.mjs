// The whole test suite: formatting, lint, typecheck, unit/integration (Vitest on a real PostgreSQL),
// every page under `pnpm dev`, the same Vitest suites under moved clocks, e2e (Playwright on
// production builds) and the
// deployment test, then each runner's counts and failed tests (scripts/test-report.mjs) and one
// closing count line.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { summarise } from './test-report.mjs';

const root = path.resolve(import.meta.dirname, '..');
// Everything runs on the project's Node.js (the root devDependency `node`), whichever started this.
const projectNode = path.join(root, 'node_modules', '.bin', 'node');
if (process.env.VERIFY_ON_PROJECT_NODE !== '1' && existsSync(projectNode)) {
  const again = spawnSync(projectNode, [import.meta.filename, ...process.argv.slice(2)], {
    stdio: 'inherit',
    env: {
      ...process.env,
      VERIFY_ON_PROJECT_NODE: '1',
      PATH: `${path.dirname(projectNode)}${path.delimiter}${process.env.PATH ?? ''}`,
    },
  });
  process.exit(again.status ?? 1);
}
process.stdout.write(`Node.js ${process.version}\n`);
const results = path.join(root, '.test-results');
rmSync(results, { recursive: true, force: true });
mkdirSync(results, { recursive: true });

const env = {
  ...process.env,
  TURBO_TELEMETRY_DISABLED: '1',
  NEXT_TELEMETRY_DISABLED: '1',
  TEST_RESULTS_DIR: results,
};
const started = Date.now();
const minutes = (ms) => `${(ms / 60_000).toFixed(1)} min`;
/** Each step's wall time in order, printed with the counts (the whole run must stay under 30 minutes). */
const took = [];
const step = (name, args) => {
  process.stdout.write(`\n=== ${name} ===\n`);
  const start = Date.now();
  const status = spawnSync('pnpm', args, { stdio: 'inherit', cwd: root, env }).status ?? 1;
  took.push(Date.now() - start);
  return status;
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
    // (every package runs even when one fails, so the count covers them all)
    '--continue=always',
  ]),
  'dev smoke': step('pnpm dev: every page as each role (Playwright on next dev)', ['test:dev']),
  'shifted clocks': step('unit + integration under moved clocks (Vitest + faketime)', [
    'test:clocks',
  ]),
  e2e: step('end to end (Playwright)', ['test:e2e']),
  // (after e2e: it runs the production builds e2e made, behind real nginx)
  deploy: step('deployment (nginx, rolling restarts, outages)', ['test:deploy']),
};

const { lines, passed, failed } = summarise(results);
process.stdout.write(`\n${lines.join('\n')}\n`);
for (const [index, [name, status]] of Object.entries(statuses).entries()) {
  process.stdout.write(
    `${status === 0 ? 'ok  ' : 'FAIL'} ${name} (${minutes(took[index] ?? 0)})\n`,
  );
}
const ok = Object.values(statuses).every((status) => status === 0) && failed === 0 && passed > 0;
process.stdout.write(
  `${passed} passed, ${failed} failed (Node.js ${process.version}, ${minutes(Date.now() - started)})\n`,
);
process.exit(ok ? 0 : 1);
