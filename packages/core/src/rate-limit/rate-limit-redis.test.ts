import type { ChildProcess } from 'node:child_process';
import { Redis } from 'ioredis';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { connect } from '../../test/database';
import { findFreePort } from '../db/embedded-postgres';
import { startRedisServer } from '../../test/redis-server';

/** With REDIS_URL set, the limiter keeps its counters in Redis (a real redis-server, started here). */
describe('rate limiter (Redis store)', () => {
  let server: ChildProcess;
  let port: number;

  beforeAll(async () => {
    port = await findFreePort();
    server = await startRedisServer(port);
    process.env.REDIS_URL = `redis://127.0.0.1:${port}`;
  });

  afterAll(() => {
    server.kill();
  });

  it('limits in Redis and writes nothing to PostgreSQL', async () => {
    const { consumeRateLimit } = await import('.');
    for (let attempt = 0; attempt < 5; attempt += 1)
      await consumeRateLimit('bookingCreate', 'ip:192.0.2.44');
    await expect(consumeRateLimit('bookingCreate', 'ip:192.0.2.44')).rejects.toMatchObject({
      status: 429,
    });

    const redis = new Redis({ port });
    const keys = await redis.keys('bookingCreate:*');
    await redis.quit();
    expect(keys).toEqual(['bookingCreate:ip:192.0.2.44']);
    const client = await connect();
    const { rows } = await client.query('SELECT count(*)::int AS count FROM rate_limits');
    await client.end();
    expect(rows[0].count).toBe(0);
  });

  it('keeps limiting in memory, without failing requests, while Redis is down', async () => {
    const { consumeRateLimit } = await import('.');
    server.kill();
    await new Promise((resolve) => server.once('exit', resolve));
    for (let attempt = 0; attempt < 5; attempt += 1)
      await consumeRateLimit('bookingCreate', 'ip:192.0.2.45');
    await expect(consumeRateLimit('bookingCreate', 'ip:192.0.2.45')).rejects.toMatchObject({
      status: 429,
    });
    // The breaker is open after the first failures: the next calls do not wait for Redis.
    const { breakerOpen } = await import('../platform/breakers');
    expect(breakerOpen('redis')).toBe(true);
    const started = performance.now();
    for (let attempt = 0; attempt < 20; attempt += 1)
      await consumeRateLimit('bookingLookup', `ip:192.0.2.${100 + attempt}`);
    expect((performance.now() - started) / 20).toBeLessThan(25);
  });
});
