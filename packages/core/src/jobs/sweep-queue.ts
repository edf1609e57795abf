import { PgBoss } from 'pg-boss';

/** The periodic work every instance shares (holds, refunds, planned messages, clean-up). */
export const SWEEP_QUEUE = 'sweep';
/** Once a minute, for the whole cluster (pg-boss runs a cron schedule once, not per instance). */
export const SWEEP_CRON = '* * * * *';
/** Customer data past the stations' retention is anonymised once a day, at a quiet hour. */
export const RETENTION_QUEUE = 'retention';
export const RETENTION_CRON = '17 3 * * *';

/**
 * Asks the cluster's sweep to run now rather than at the next minute (the next free worker of
 * any instance takes it; a sweep already waiting makes this one a no-op). For operators after
 * a restore, and for tests that should not wait for the clock. Sends only: no schedules, no
 * maintenance, no migration from this process.
 */
export async function requestSweep(connectionString: string): Promise<void> {
  const boss = new PgBoss({
    connectionString,
    schema: 'pgboss',
    max: 1,
    supervise: false,
    schedule: false,
    migrate: false,
  });
  await boss.start();
  try {
    await boss.send(SWEEP_QUEUE, {});
  } finally {
    await boss.stop({ graceful: false, close: true });
  }
}
