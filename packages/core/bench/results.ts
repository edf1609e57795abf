// Every benchmark writes its latest figures to a JSON file beside it (`results/<name>.json`):
// the figures live there and in git's history of the file, not in prose.
import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

function commit(): string {
  try {
    return execFileSync('git', ['rev-parse', '--short', 'HEAD'], { encoding: 'utf8' }).trim();
  } catch {
    return 'unknown';
  }
}

/** Writes `results` with when, on what commit and on what machine they were measured. */
export function writeBenchResults(file: string, results: Record<string, unknown>): void {
  mkdirSync(path.dirname(file), { recursive: true });
  const machine = {
    cpus: os.cpus().length,
    model: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
  };
  const body = { measuredAt: new Date().toISOString(), commit: commit(), machine, ...results };
  writeFileSync(file, `${JSON.stringify(body, null, 2)}\n`);
  console.log(`results written to ${path.relative(process.cwd(), file)}`);
}
