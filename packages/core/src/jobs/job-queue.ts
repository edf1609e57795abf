import { PgBoss } from 'pg-boss';
import { describeError } from '../errors/describe-error';
import { logger } from '../logger';
import { RETENTION_CRON, RETENTION_QUEUE, SWEEP_CRON, SWEEP_QUEUE } from './sweep-queue';

export { RETENTION_CRON, RETENTION_QUEUE, SWEEP_CRON, SWEEP_QUEUE } from './sweep-queue';

/**
 * The job engine, pg-boss, in its own `pgboss` schema of the application database (it creates
 * and migrates it on start, under an advisory lock, so instances may start together). Its pool
 * is small: the engine polls and schedules, the work itself uses the app's pool.
 */
export function createJobQueue(connectionString: string): PgBoss {
  const boss = new PgBoss({ connectionString, schema: 'pgboss', max: 2 });
  boss.on('error', (error: unknown) =>
    logger.warn({ error: describeError(error) }, 'job queue error; it keeps retrying'),
  );
  return boss;
}

/**
 * Starts the engine and the sweep on it (and the daily retention pass, when given): each queue
 * (`singleton`: one run active at a time across instances), its cron schedule and this
 * instance's worker. Safe to call on every
 * instance at once; everything it creates already existing is fine.
 */
export async function startSweepOn(
  boss: PgBoss,
  sweep: () => Promise<void>,
  daily?: () => Promise<void>,
): Promise<void> {
  await boss.start();
  const schedules = [
    { queue: SWEEP_QUEUE, cron: SWEEP_CRON, work: sweep },
    ...(daily ? [{ queue: RETENTION_QUEUE, cron: RETENTION_CRON, work: daily }] : []),
  ];
  for (const { queue, cron, work } of schedules) {
    await boss.createQueue(queue, { policy: 'singleton', retryLimit: 0, expireInSeconds: 300 });
    await boss.schedule(queue, cron);
    await boss.work(queue, async () => {
      await work();
    });
  }
}
