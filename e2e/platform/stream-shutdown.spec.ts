import { spawn, type ChildProcess } from 'node:child_process';
import { once } from 'node:events';
import path from 'node:path';
import { expect, test } from '@playwright/test';
import { addressFor } from '../fixtures';
import { freePort } from '../ports';

const CUSTOMER_APP = path.resolve(import.meta.dirname, '../../apps/customer');

/**
 * An open live stream must not keep an instance from stopping: on SIGTERM the instance ends
 * its streams (the clients reconnect elsewhere) and exits, instead of waiting for them forever.
 */
test('SIGTERM ends open conversation streams and the instance exits', async () => {
  test.setTimeout(90_000);
  const port = await freePort();
  // The app's own start command: packages/web/serve.mjs.
  const child: ChildProcess = spawn(
    process.execPath,
    [path.resolve(CUSTOMER_APP, '../../packages/web/serve.mjs'), '--port', String(port)],
    {
      cwd: CUSTOMER_APP,
      detached: true,
      stdio: 'ignore',
      env: {
        ...process.env,
        NODE_ENV: 'production',
        PAYMENT_SIMULATOR: 'true',
        TRUSTED_PROXY_HOPS: '1',
        LOG_LEVEL: 'warn',
        BOOKING_TOKEN_SECRET: 'e2e-only-booking-token-secret-0123456789',
        DATABASE_URL: process.env.E2E_DATABASE_URL,
        SHUTDOWN_DRAIN_MS: '1000',
      },
    },
  );
  const exited = once(child, 'exit');
  const base = `http://127.0.0.1:${port}`;
  try {
    await expect
      .poll(
        () =>
          fetch(`${base}/api/health/live`).then(
            (r) => r.status,
            () => 0,
          ),
        {
          timeout: 60_000,
        },
      )
      .toBe(200);
    const address = addressFor(`shutdown:${Math.random()}`);
    const opened = await fetch(`${base}/api/conversations`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/json', 'X-Forwarded-For': address },
      body: JSON.stringify({
        station: 'seattle',
        name: 'Shut Down',
        email: 'shutdown@example.com',
      }),
    });
    expect(opened.status).toBe(201);
    const cookie = opened.headers.getSetCookie()[0]!.split(';')[0]!;
    const stream = await fetch(`${base}/api/conversations/current/events`, {
      headers: { Cookie: cookie, 'X-Forwarded-For': address },
    });
    expect(stream.headers.get('content-type')).toContain('text/event-stream');
    const reader = stream.body!.getReader();
    const first = new TextDecoder().decode((await reader.read()).value);
    expect(first).toContain('retry: 1000');

    const signalled = Date.now();
    process.kill(-child.pid!, 'SIGTERM');
    // The stream ends (the client would now reconnect to another instance) …
    for (;;) {
      const chunk = await reader.read();
      if (chunk.done) break;
    }
    expect(Date.now() - signalled).toBeLessThan(5_000);
    // Draining: still serving, but no longer ready, and closing each connection it answers.
    const ready = await fetch(`${base}/api/health/ready`).catch(() => undefined);
    if (ready) {
      expect(ready.status).toBe(503);
      expect(ready.headers.get('connection')).toBe('close');
    }
    // … and nothing holds the instance open any more.
    await Promise.race([
      exited,
      new Promise((_, reject) => setTimeout(() => reject(new Error('still running')), 20_000)),
    ]);
  } finally {
    try {
      process.kill(-child.pid!, 'SIGKILL');
    } catch {
      // already gone
    }
  }
});
