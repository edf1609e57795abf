import type { PgBoss } from 'pg-boss';
import { proposalAttachments } from '../bookings/proposal-attachments';
import { expireHolds } from '../bookings/expire-holds';
import { getDb } from '../db/client';
import { getServerEnv } from '../env';
import { describeError } from '../errors/describe-error';
import { reportError } from '../errors/report-error';
import { translateDatabaseError } from '../errors/translate-database-error';
import { logger } from '../logger';
import { BATCH_SIZE as EMAIL_BATCH_SIZE, deliverDueEmails } from '../notifications/deliver-outbox';
import { planBookingMessages } from '../notifications/plan-booking-messages';
import { createSmtpTransport, type EmailTransport } from '../notifications/email-transport';
import { processAllOwedRefunds } from '../money/process-all-owed-refunds';
import { backoffMs } from '../platform/backoff';
import { anonymiseLapsedCustomers } from '../privacy/anonymise-lapsed-customers';
import { RATE_LIMIT_TABLE } from '../rate-limit/rate-limiter';
import { createJobQueue, startSweepOn } from './job-queue';

const EMAIL_INTERVAL_MS = 5_000;
const EMAIL_BATCHES_PER_TICK = 20;

type Jobs = {
  timers: NodeJS.Timeout[];
  running: Set<Promise<void>>;
  transport?: EmailTransport;
  boss?: PgBoss;
  stopped: boolean;
};
const globalForJobs = globalThis as unknown as { hibachiJobs?: Jobs };

/**
 * Periodic work: once a minute for the whole cluster on the job engine (pg-boss, decision
 * 15) queue the planned booking messages that fell due, expire lapsed holds, retry owed
 * refunds (idempotency keys make a repeated refund the same refund), drop old rate-limit
 * counters and expired idempotency keys; and on every instance, when SMTP_URL is set,
 * deliver the e-mail outbox every few seconds (rows leased, so instances share it).
 */
export function startBackgroundJobs(): void {
  if (globalForJobs.hibachiJobs) return;
  const jobs: Jobs = { timers: [], running: new Set(), stopped: false };
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

  // The sweep runs on the job engine, once a minute for the whole cluster.
  const starting = startScheduler(jobs);
  jobs.running.add(starting);
  void starting.finally(() => jobs.running.delete(starting));
  const smtpUrl = getServerEnv().SMTP_URL;
  if (smtpUrl) {
    const transport = createSmtpTransport(smtpUrl);
    jobs.transport = transport;
    every(EMAIL_INTERVAL_MS, 'email', async () => {
      // Batch after batch while full ones come back, so a backlog drains within a tick or a
      // few instead of ten e-mails every five seconds (bounded, so a tick ends).
      for (let batch = 0; batch < EMAIL_BATCHES_PER_TICK; batch += 1) {
        const result = await deliverDueEmails({ transport, attachmentsFor: proposalAttachments });
        const handled = Object.values(result).reduce((sum, count) => sum + count, 0);
        if (handled > 0) logger.info(result, 'e-mail outbox');
        if (handled < EMAIL_BATCH_SIZE) break;
      }
    });
  } else {
    logger.info('SMTP_URL is not set: e-mails are kept in the outbox, not sent');
  }
}

/**
 * The engine starts when the database answers: while it does not (an outage at start-up),
 * this instance retries with back-off and serves requests meanwhile.
 */
async function startScheduler(jobs: Jobs): Promise<void> {
  for (let attempt = 1; !jobs.stopped; attempt += 1) {
    const boss = createJobQueue(getServerEnv().DATABASE_URL);
    try {
      await startSweepOn(boss, sweep, retention);
      if (jobs.stopped) await boss.stop({ graceful: false });
      else jobs.boss = boss;
      return;
    } catch (error) {
      logger.warn({ attempt, error: describeError(error) }, 'job queue not started; will retry');
      await boss.stop({ graceful: false }).catch(() => undefined);
      await new Promise((resolve) =>
        setTimeout(resolve, backoffMs(attempt, 2_000, 60_000)).unref(),
      );
    }
  }
}

async function sweep(): Promise<void> {
  const planned = await planBookingMessages();
  if (planned.reminders + planned.dayBefore + planned.thankYou > 0)
    logger.info(planned, 'queued planned booking messages');
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

/** Once a day: customers and conversations past their station's retention are anonymised. */
async function retention(): Promise<void> {
  const result = await anonymiseLapsedCustomers();
  if (result.customers + result.conversations > 0)
    logger.info(result, 'anonymised customer data past its retention');
}

/**
 * Stops the timers (on shutdown) and waits for the runs in progress, so an e-mail being
 * sent is finished and recorded; a message cut off anyway is retried after its lease.
 */
export async function stopBackgroundJobs(): Promise<void> {
  const jobs = globalForJobs.hibachiJobs;
  if (!jobs) return;
  globalForJobs.hibachiJobs = undefined;
  jobs.stopped = true;
  for (const timer of jobs.timers) clearInterval(timer);
  await Promise.allSettled([...jobs.running]);
  // (graceful: the sweep in progress finishes first)
  await jobs.boss?.stop({ graceful: true, timeout: 30_000 });
  jobs.transport?.close();
}
