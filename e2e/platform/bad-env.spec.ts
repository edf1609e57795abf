import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';

/** Starts `next start` with the given env and resolves with its exit code and output. */
function startCustomerApp(port: number, env: Record<string, string>): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve) => {
    const child = spawn('pnpm', ['--filter', '@hibachi/customer', 'exec', 'next', 'start', '--port', String(port)], {
      cwd: path.resolve(import.meta.dirname, '..', '..'),
      env: { ...process.env, NODE_ENV: 'production', ...env },
    });
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => child.kill('SIGKILL'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test.describe('start-up environment validation', () => {
  test('a malformed DATABASE_URL stops start-up with a message naming it', async () => {
    const { code, output } = await startCustomerApp(3198, { DATABASE_URL: 'not-a-url' });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain('environment variable DATABASE_URL');
  });

  test('a missing DATABASE_URL in production stops start-up too', async () => {
    const { code, output } = await startCustomerApp(3199, { DATABASE_URL: '' });
    expect(code).not.toBe(0);
    expect(output).toContain('DATABASE_URL is required in production');
  });
});
