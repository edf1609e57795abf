import { execFileSync } from 'node:child_process';

/**
 * A free local port, found synchronously (in a child process), for a test that must put a
 * server's address in the environment before any core module reads it (inside vi.hoisted).
 */
export function pickPortSync(): number {
  return Number(
    execFileSync(process.execPath, [
      '-e',
      "const s = require('net').createServer().listen(0, '127.0.0.1', () => { process.stdout.write(String(s.address().port)); s.close(); })",
    ]).toString(),
  );
}
