import { spawn } from 'node:child_process';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { freePort } from '../ports';

/** Starts `next start` with the given env and resolves with its exit code and output. */
async function startCustomerApp(
  env: Record<string, string>,
): Promise<{ code: number | null; output: string }> {
  const port = await freePort();
  return new Promise((resolve) => {
    const child = spawn(
      'pnpm',
      ['--filter', '@hibachi/customer', 'exec', 'next', 'start', '--port', String(port)],
      {
        cwd: path.resolve(import.meta.dirname, '..', '..'),
        // Own process group, so a server that does start (a regression) is killed with its children.
        detached: true,
        env: {
          ...process.env,
          NODE_ENV: 'production',
          PAYMENT_SIMULATOR: 'true',
          BOOKING_TOKEN_SECRET: 'e2e-only-booking-token-secret-0123456789',
          ...env,
        },
      },
    );
    let output = '';
    child.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    child.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    const timer = setTimeout(() => process.kill(-child.pid!, 'SIGKILL'), 45_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, output });
    });
  });
}

test.describe('start-up environment validation', () => {
  test('a malformed DATABASE_URL stops start-up with a message naming it', async () => {
    const { code, output } = await startCustomerApp({ DATABASE_URL: 'not-a-url' });
    expect(code).not.toBe(0);
    expect(code).not.toBeNull();
    expect(output).toContain('environment variable DATABASE_URL');
  });

  test('production without Stripe keys refuses to start unless the simulator is explicitly allowed', async () => {
    const { code, output } = await startCustomerApp({
      DATABASE_URL: 'postgres://db.invalid/x',
      PAYMENT_SIMULATOR: '',
    });
    expect(code).not.toBe(0);
    expect(output).toContain('STRIPE_SECRET_KEY is required in production');
  });

  test('production without the customer-data keys refuses to start, naming them', async () => {
    const { code, output } = await startCustomerApp({
      DATABASE_URL: 'postgres://db.invalid/x',
      DATA_ENCRYPTION_KEYS: '',
      DATA_INDEX_KEY: '',
    });
    expect(code).not.toBe(0);
    expect(output).toContain('DATA_ENCRYPTION_KEYS is required in production');
    expect(output).toContain('DATA_INDEX_KEY is required in production');
  });

  test('a missing DATABASE_URL in production stops start-up too', async () => {
    const { code, output } = await startCustomerApp({ DATABASE_URL: '' });
    expect(code).not.toBe(0);
    expect(output).toContain('DATABASE_URL is required in production');
  });
});
