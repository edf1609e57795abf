import { describe, expect, it } from 'vitest';
import { AppError } from '../errors/app-error';
import { connect } from '../../test/database';
import { clientIp, consumeRateLimit } from '.';
import { RATE_LIMIT_POOL_NAME } from './rate-limiter';

describe('rate limiter (PostgreSQL store)', () => {
  it('allows the policy budget, then answers 429 with Retry-After', async () => {
    for (let attempt = 0; attempt < 5; attempt += 1)
      await consumeRateLimit('bookingCreate', 'ip:198.51.100.7');
    const error = await consumeRateLimit('bookingCreate', 'ip:198.51.100.7').catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ status: 429, code: 'RATE_LIMITED' });
    const retryAfter = Number((error as AppError).headers?.['Retry-After']);
    expect(retryAfter).toBeGreaterThan(0);
    expect(retryAfter).toBeLessThanOrEqual(60);
    await consumeRateLimit('bookingCreate', 'ip:198.51.100.8');
    await consumeRateLimit('bookingLookup', 'ip:198.51.100.7');
  });

  it('survives the server ending its idle connections (a restart, a failover)', async () => {
    await consumeRateLimit('bookingLookup', 'ip:198.51.100.20');
    const admin = await connect();
    try {
      const { rows } = await admin.query<{ ended: boolean }>(
        `SELECT pg_terminate_backend(pid) AS ended FROM pg_stat_activity WHERE application_name = $1`,
        [RATE_LIMIT_POOL_NAME],
      );
      expect(rows.length).toBeGreaterThan(0);
    } finally {
      await admin.end();
    }
    // The idle client's error arrives on its own; the process keeps running (an unhandled
    // 'error' event would fail this run) and the next count opens a new connection.
    await new Promise((resolve) => setTimeout(resolve, 200));
    await consumeRateLimit('bookingLookup', 'ip:198.51.100.20');
  });

  it('counts atomically under concurrency', async () => {
    const results = await Promise.allSettled(
      Array.from({ length: 20 }, () => consumeRateLimit('bookingLookup', 'ip:203.0.113.9')),
    );
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(10);
  });

  it('reads the client address one trusted hop from the right of X-Forwarded-For', () => {
    expect(
      clientIp(
        new Request('http://x', { headers: { 'x-forwarded-for': '10.0.0.1, 198.51.100.20' } }),
      ),
    ).toBe('198.51.100.20');
    expect(clientIp(new Request('http://x', { headers: { 'x-forwarded-for': '::1' } }))).toBe(
      '::1',
    );
    expect(clientIp(new Request('http://x'))).toBe('unknown');
  });

  it('counts public reads (search) in memory: the budget holds and PostgreSQL is not written', async () => {
    const { getDb } = await import('../db/client');
    const before = await getDb().$queryRaw<[{ n: bigint }]>`SELECT count(*) AS n FROM rate_limits`;
    for (let attempt = 0; attempt < 60; attempt += 1)
      await consumeRateLimit('search', 'ip:198.51.100.60');
    await expect(consumeRateLimit('search', 'ip:198.51.100.60')).rejects.toMatchObject({
      status: 429,
    });
    const after = await getDb().$queryRaw<[{ n: bigint }]>`SELECT count(*) AS n FROM rate_limits`;
    expect(after[0].n).toBe(before[0].n);
  });
});
