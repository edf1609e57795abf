import { PgBoss } from 'pg-boss';

/** The periodic work every instance shares (holds, refunds, planned messages, clean-up). */
export const SWEEP_QUEUE = 'sweep';
/** Once a minute, for the whole cluster (pg-boss runs a cron schedule once, not per instance). */
export const SWEEP_CRON = '* * * * *';

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
