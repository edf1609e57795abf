import { expireHolds } from '../bookings/expire-holds';
import { getDb } from '../db/client';
import { describeError } from '../errors/describe-error';
import { logger } from '../logger';
import { processAllOwedRefunds } from '../payments/process-owed-refund';
import { RATE_LIMIT_TABLE } from '../rate-limit/rate-limiter';

const SWEEP_INTERVAL_MS = 60_000;
const globalForJobs = globalThis as unknown as { hibachiJobs?: NodeJS.Timeout };

/**
 * Periodic housekeeping on every instance (each step is idempotent, so several
 * instances may run it at once): expire lapsed holds, retry owed refunds (idempotency
 * keys make a repeated refund the same refund), drop old rate-limit counters
 * and expired idempotency keys.
 */
export function startBackgroundJobs(): void {
  if (globalForJobs.hibachiJobs) return;
  const sweep = async () => {
    try {
      const expired = await expireHolds();
      if (expired > 0) logger.info({ expired }, 'expired lapsed booking holds');
      const refunded = await processAllOwedRefunds();
      if (refunded > 0) logger.info({ refunded }, 'retried owed refunds');
      const db = getDb();
      await db.$executeRawUnsafe(
        `DELETE FROM "${RATE_LIMIT_TABLE}" WHERE expire < $1`,
        Date.now() - 3_600_000,
      );
      await db.idempotencyKey.deleteMany({ where: { expiresAt: { lt: new Date() } } });
    } catch (error) {
      logger.warn({ error: describeError(error) }, 'background sweep failed; will retry');
    }
  };
  globalForJobs.hibachiJobs = setInterval(() => void sweep(), SWEEP_INTERVAL_MS);
  globalForJobs.hibachiJobs.unref();
}

/** Stops the sweep (on shutdown); a sweep already running finishes its current step. */
export function stopBackgroundJobs(): void {
  clearInterval(globalForJobs.hibachiJobs);
  globalForJobs.hibachiJobs = undefined;
}
