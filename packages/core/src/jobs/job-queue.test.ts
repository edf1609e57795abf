import type pg from 'pg';
import type { PgBoss } from 'pg-boss';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { resetStation } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { insertBooking, insertCustomer } from '../../test/factories';
import { getServerEnv } from '../env';
import { planBookingMessages } from '../notifications/plan-booking-messages';
import { createJobQueue, startSweepOn, SWEEP_CRON, SWEEP_QUEUE } from './job-queue';
import { requestSweep } from './sweep-queue';

const DAY = 86_400_000;

describe('the job engine (pg-boss)', () => {
  let client: pg.Client;
  let bosses: PgBoss[] = [];

  beforeEach(async () => {
    client = await connect();
    return () => client.end();
  });
  afterEach(async () => {
    await Promise.all(bosses.map((boss) => boss.stop({ graceful: false })));
    bosses = [];
  });

  it('runs the sweep on one of two instances per job, on a once-a-minute schedule', async () => {
    const runs: string[] = [];
    bosses = [
      createJobQueue(getServerEnv().DATABASE_URL),
      createJobQueue(getServerEnv().DATABASE_URL),
    ];
    // Both instances start at once (the engine migrates its schema under a lock).
    await Promise.all(
      bosses.map((boss, index) =>
        startSweepOn(boss, async () => {
          runs.push(`instance ${index}`);
          await new Promise((resolve) => setTimeout(resolve, 300));
        }),
      ),
    );
    const schedules = await bosses[0]!.getSchedules();
    expect(schedules).toEqual([expect.objectContaining({ name: SWEEP_QUEUE, cron: SWEEP_CRON })]);
    await bosses[1]!.send(SWEEP_QUEUE, {});
    await expect.poll(() => runs.length, { timeout: 15_000 }).toBe(1);
    await new Promise((resolve) => setTimeout(resolve, 3_000));
    expect(runs).toHaveLength(1);
    // Asked for from another process (an operator, a test): one more run, on either instance.
    await requestSweep(getServerEnv().DATABASE_URL);
    await expect.poll(() => runs.length, { timeout: 15_000 }).toBe(2);
  }, 40_000);

  it('two workers racing to plan the same due reminder queue it once', async () => {
    const { stationId, chefIds } = await resetStation(client, 1);
    const startsAt = new Date(Math.ceil(Date.now() / DAY) * DAY + 40 * DAY + 22 * 3_600_000);
    const id = await insertBooking(client, {
      stationId,
      customerId: await insertCustomer(client, 'race.reminder@example.com'),
      chefId: chefIds[0]!,
      startsAt: startsAt.toISOString(),
    });
    await client.query(
      `UPDATE "Booking" SET "createdAt" = now() - interval '60 days' WHERE id = $1`,
      [id],
    );
    const due = new Date(startsAt.getTime() - 7 * DAY + 60_000);
    bosses = [
      createJobQueue(getServerEnv().DATABASE_URL),
      createJobQueue(getServerEnv().DATABASE_URL),
    ];
    const planned: number[] = [];
    await Promise.all(
      bosses.map(async (boss) => {
        await boss.start();
        await boss.createQueue('plan-race');
        await boss.work('plan-race', { batchSize: 4 }, async (jobs) => {
          await Promise.all(
            jobs.map(async () => planned.push((await planBookingMessages(due)).reminders)),
          );
        });
      }),
    );
    await Promise.all(Array.from({ length: 8 }, () => bosses[0]!.send('plan-race', {})));
    await expect.poll(() => planned.length, { timeout: 20_000 }).toBe(8);
    expect(planned.reduce((sum, count) => sum + count, 0)).toBe(1);
    const { rows } = await client.query(`SELECT kind FROM "OutboxMessage" WHERE "bookingId" = $1`, [
      id,
    ]);
    expect(rows).toEqual([{ kind: 'BOOKING_REMINDER' }]);
  }, 40_000);
});
