import 'server-only';
import { Redis } from 'ioredis';
import pg from 'pg';
import { Histogram } from 'prom-client';
import {
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
  RateLimiterRes,
  type RateLimiterAbstract,
} from 'rate-limiter-flexible';
import { getServerEnv } from '../env';
import { AppError } from '../errors/app-error';
import { describeError } from '../errors/describe-error';
import { logger } from '../logger';
import { breakerFor, isBrokenCircuit } from '../platform/breakers';
import { RATE_LIMIT_POLICIES, type RateLimitCategory } from './policies';

/** Created by migration 20261122010000_rate_limits, written only by rate-limiter-flexible. */
export const RATE_LIMIT_TABLE = 'rate_limits';

/** A category's limiter; with Redis, the memory one that stands in while Redis is away. */
type Limiter = { store: RateLimiterAbstract; fallback?: RateLimiterAbstract };
type Limiters = Map<RateLimitCategory, Limiter>;
const globalForLimits = globalThis as unknown as {
  hibachiRateLimiters?: Limiters;
  hibachiRateLimitStore?: pg.Pool | Redis;
  hibachiRateLimitSeconds?: Histogram<'category'>;
};

/** How long spending a point takes per category (a round trip to the shared store for shared ones); getMetrics registers it. */
export function rateLimitHistogram(): Histogram<'category'> {
  globalForLimits.hibachiRateLimitSeconds ??= new Histogram({
    name: 'hibachi_rate_limit_seconds',
    help: 'Wall time of one rate-limit check, by category',
    labelNames: ['category'],
    buckets: [0.0005, 0.001, 0.002, 0.005, 0.01, 0.02, 0.05, 0.1, 0.25, 1],
    registers: [],
  });
  return globalForLimits.hibachiRateLimitSeconds;
}

let lastRedisWarning = 0;

/** Commands give up after 500 ms so an outage falls through to the in-memory insurance limiter quickly. */
function createRedis(url: string): Redis {
  const redis = new Redis(url, {
    maxRetriesPerRequest: 1,
    connectTimeout: 2_000,
    commandTimeout: 500,
  });
  redis.on('error', (error: NodeJS.ErrnoException) => {
    if (Date.now() - lastRedisWarning < 30_000) return;
    lastRedisWarning = Date.now();
    logger.warn(
      { code: error.code },
      'Redis rate-limit store unreachable; limiting in memory per instance',
    );
  });
  return redis;
}

function limiterFor(category: RateLimitCategory): Limiter {
  const limiters = (globalForLimits.hibachiRateLimiters ??= new Map<RateLimitCategory, Limiter>());
  const existing = limiters.get(category);
  if (existing) return existing;
  const env = getServerEnv();
  const policy = RATE_LIMIT_POLICIES[category];
  const common = { keyPrefix: category, points: policy.points, duration: policy.durationSeconds };
  let limiter: Limiter;
  if (!policy.shared) {
    limiter = { store: new RateLimiterMemory(common) };
  } else if (env.REDIS_URL) {
    const redis = (globalForLimits.hibachiRateLimitStore ??= createRedis(env.REDIS_URL));
    // If Redis is unreachable, limit per instance in memory rather than failing requests:
    // through the breaker, so only the first few calls wait for Redis's timeout.
    limiter = {
      store: new RateLimiterRedis({ ...common, storeClient: redis }),
      fallback: new RateLimiterMemory(common),
    };
  } else {
    const pool = (globalForLimits.hibachiRateLimitStore ??= createPool(env.DATABASE_URL));
    const store = new RateLimiterPostgres({
      ...common,
      storeClient: pool,
      storeType: 'pool',
      tableName: RATE_LIMIT_TABLE,
      tableCreated: true,
      clearExpiredByTimeout: false,
    });
    limiter = { store };
  }
  limiters.set(category, limiter);
  return limiter;
}

/** Redis's own failures (not a limit reached) open the breaker. */
const redisFailed = (error: unknown) => !(error instanceof RateLimiterRes);

/** Runs `call` on the category's store, or on its memory fallback while Redis fails. */
async function onStore<T>(
  limiter: Limiter,
  call: (store: RateLimiterAbstract) => Promise<T>,
): Promise<T> {
  const { fallback } = limiter;
  if (!fallback) return call(limiter.store);
  try {
    return await breakerFor('redis', redisFailed).execute(() => call(limiter.store));
  } catch (error) {
    if (error instanceof RateLimiterRes) throw error;
    if (Date.now() - lastRedisWarning >= 30_000) {
      lastRedisWarning = Date.now();
      logger.warn(
        { open: isBrokenCircuit(error) },
        'Redis rate-limit store unreachable; limiting in memory per instance',
      );
    }
    return call(fallback);
  }
}

/** Its own small pool, named in pg_stat_activity. */
function createPool(connectionString: string): pg.Pool {
  const pool = new pg.Pool({
    connectionString,
    max: 4,
    connectionTimeoutMillis: 5_000,
    application_name: RATE_LIMIT_POOL_NAME,
  });
  // An idle connection the server ends (a restart, a failover, an administrator) is dropped
  // and replaced on next use. Without a listener the pool would throw the error out of the
  // process (uncaughtException).
  pool.on('error', (error) =>
    logger.warn({ error: describeError(error) }, 'rate-limit database connection lost while idle'),
  );
  return pool;
}

export const RATE_LIMIT_POOL_NAME = 'hibachi-rate-limits';

/**
 * Spends one point for `key` in the category; over the limit throws 429 RATE_LIMITED with
 * Retry-After. For shared policies the count is one atomic upsert in the shared store
 * (PostgreSQL, or Redis when REDIS_URL is set), so every app instance sees the same count;
 * the others count in this instance's memory.
 */
export async function consumeRateLimit(category: RateLimitCategory, key: string): Promise<void> {
  const started = performance.now();
  try {
    await onStore(limiterFor(category), (store) => store.consume(key));
  } catch (rejection) {
    if (rejection instanceof RateLimiterRes) {
      const retryAfter = Math.max(1, Math.ceil(rejection.msBeforeNext / 1000));
      throw new AppError(
        'RATE_LIMITED',
        `Too many requests. Please wait ${retryAfter} seconds and try again.`,
        {
          details: { retryAfterSeconds: retryAfter },
          headers: {
            'Retry-After': String(retryAfter),
          },
        },
      );
    }
    throw rejection;
  } finally {
    rateLimitHistogram().observe({ category }, (performance.now() - started) / 1000);
  }
}

/** Forgets `key`'s count in the category (a successful sign-in clears its account's failures). */
export async function resetRateLimit(category: RateLimitCategory, key: string): Promise<void> {
  await onStore(limiterFor(category), (store) => store.delete(key));
}
