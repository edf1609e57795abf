import { spawn, type ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { realClockEnv } from './shifted-clock';

/** A real redis-server on `port` for a test file, resolved once it answers PING. */
export async function startRedisServer(port: number): Promise<ChildProcess> {
  const server = spawn(
    'redis-server',
    ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'],
    { stdio: 'ignore', env: realClockEnv() },
  );
  await waitForRedis(port);
  return server;
}

export async function waitForRedis(port: number): Promise<void> {
  for (let attempt = 0; attempt < 50; attempt += 1) {
    const probe = new Redis({
      port,
      lazyConnect: true,
      maxRetriesPerRequest: 0,
      retryStrategy: () => null,
    });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      await probe.ping();
      await probe.quit();
      return;
    } catch {
      probe.disconnect();
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`redis-server did not start on port ${port}`);
}
