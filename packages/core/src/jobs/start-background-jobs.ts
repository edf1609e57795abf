import { expireHolds } from '../bookings/expire-holds';
import { getDb } from '../db/client';
import { getServerEnv } from '../env';
import { describeError } from '../errors/describe-error';
import { reportError } from '../errors/report-error';
import { translateDatabaseError } from '../errors/translate-database-error';
import { logger } from '../logger';
import { BATCH_SIZE as EMAIL_BATCH_SIZE, deliverDueEmails } from '../notifications/deliver-outbox';
import { createSmtpTransport, type EmailTransport } from '../notifications/email-transport';
import { processAllOwedRefunds } from '../money/process-owed-refund';
import { RATE_LIMIT_TABLE } from '../rate-limit/rate-limiter';

const SWEEP_INTERVAL_MS = 60_000;
const EMAIL_INTERVAL_MS = 5_000;
const EMAIL_BATCHES_PER_TICK = 20;

type Jobs = { timers: NodeJS.Timeout[]; running: Set<Promise<void>>; transport?: EmailTransport };
const globalForJobs = globalThis as unknown as { hibachiJobs?: Jobs };

/**
 * Periodic work on every instance (each step is safe to run on several instances at
 * once): expire lapsed holds, retry owed refunds (idempotency keys make a repeated
 * refund the same refund), drop old rate-limit counters and expired idempotency keys,
 * and, when SMTP_URL is set, deliver the e-mail outbox every few seconds.
 */
export function startBackgroundJobs(): void {
  if (globalForJobs.hibachiJobs) return;
  const jobs: Jobs = { timers: [], running: new Set() };
  globalForJobs.hibachiJobs = jobs;
  const every = (intervalMs: number, name: string, step: () => Promise<void>) => {
    let busy = false;
    const timer = setInterval(() => {
      if (busy) return;
      busy = true;
      const run = step()
        .catch((error: unknown) => {
          logger.warn(
            { job: name, error: describeError(error) },
            'background job failed; will retry',
          );
          // A database outage is expected noise here; anything else is a bug worth reporting.
          if (!translateDatabaseError(error)) reportError(error, { job: name });
        })
        .finally(() => {
          busy = false;
          jobs.running.delete(run);
        });
      jobs.running.add(run);
    }, intervalMs);
    timer.unref();
    jobs.timers.push(timer);
  };

  every(SWEEP_INTERVAL_MS, 'sweep', sweep);
  const smtpUrl = getServerEnv().SMTP_URL;
  if (smtpUrl) {
    const transport = createSmtpTransport(smtpUrl);
    jobs.transport = transport;
    every(EMAIL_INTERVAL_MS, 'email', async () => {
      // Batch after batch while full ones come back, so a backlog drains within a tick or a
      // few instead of ten e-mails every five seconds (bounded, so a tick ends).
      for (let batch = 0; batch < EMAIL_BATCHES_PER_TICK; batch += 1) {
        const result = await deliverDueEmails({ transport });
        const handled = Object.values(result).reduce((sum, count) => sum + count, 0);
        if (handled > 0) logger.info(result, 'e-mail outbox');
        if (handled < EMAIL_BATCH_SIZE) break;
      }
    });
  } else {
    logger.info('SMTP_URL is not set: e-mails are kept in the outbox, not sent');
  }
}

async function sweep(): Promise<void> {
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
}

/**
 * Stops the timers (on shutdown) and waits for the runs in progress, so an e-mail being
 * sent is finished and recorded; a message cut off anyway is retried after its lease.
 */
export async function stopBackgroundJobs(): Promise<void> {
  const jobs = globalForJobs.hibachiJobs;
  if (!jobs) return;
  globalForJobs.hibachiJobs = undefined;
  for (const timer of jobs.timers) clearInterval(timer);
  await Promise.allSettled([...jobs.running]);
  jobs.transport?.close();
}
