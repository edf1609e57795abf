import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import { daysAhead, resetStation } from '../../test/booking-fixtures';
import { insertBooking, insertCustomer } from '../../test/factories';
import { localToInstant } from '../time';

const TZ = 'America/New_York';
const ROUNDS = 40;

/** One writer's whole transaction; true when it committed, false when the database refused it. */
async function attempt(client: pg.Client, write: () => Promise<unknown>): Promise<boolean> {
  await client.query('BEGIN');
  try {
    await write();
    await client.query('COMMIT');
    return true;
  } catch (error) {
    await client.query('ROLLBACK');
    if ((error as { code?: string }).code === '23P01') return false;
    throw error;
  }
}

describe('a booking and time off racing for one chef (two connections)', () => {
  let setup: pg.Client;
  let bookingSide: pg.Client;
  let timeOffSide: pg.Client;

  beforeEach(async () => {
    [setup, bookingSide, timeOffSide] = await Promise.all([connect(), connect(), connect()]);
  });
  afterEach(async () => {
    await Promise.all([setup.end(), bookingSide.end(), timeOffSide.end()]);
  });

  it(`never lets both win, in ${ROUNDS} rounds`, async () => {
    const { stationId, chefIds } = await resetStation(setup, 1);
    const chefId = chefIds[0]!;
    let bookingsWon = 0;
    let timeOffWon = 0;
    for (let round = 0; round < ROUNDS; round += 1) {
      const date = daysAhead(20 + round);
      const startsAt = localToInstant({ date, time: '18:00' }, TZ)!;
      const customerId = await insertCustomer(setup, `race${round}@example.com`);
      const jitter = () => new Promise((resolve) => setTimeout(resolve, Math.random() * 3));
      const [booked, off] = await Promise.all([
        attempt(bookingSide, async () => {
          await jitter();
          return insertBooking(bookingSide, {
            stationId,
            customerId,
            chefId,
            startsAt: startsAt.toISOString(),
          });
        }),
        attempt(timeOffSide, async () => {
          await jitter();
          // Hours off 17:00–19:00 on the same evening, written as a client would.
          return timeOffSide.query(
            `INSERT INTO "ChefTimeOff" ("stationId", "chefId", "startsAt", "endsAt", "updatedAt")
             VALUES ($1, $2, $3::timestamptz - interval '1 hour', $3::timestamptz + interval '1 hour', now())`,
            [stationId, chefId, startsAt.toISOString()],
          );
        }),
      ]);
      expect(booked && off, `round ${round}: both won`).toBe(false);
      expect(booked || off, `round ${round}: neither won`).toBe(true);
      if (booked) bookingsWon += 1;
      else timeOffWon += 1;
    }
    // The database holds what the winners wrote, and no booking overlaps time off.
    const { rows } = await setup.query(
      `SELECT count(*)::int AS n FROM "Booking" b JOIN "ChefTimeOff" t ON t."chefId" = b."chefId"
        WHERE tstzrange(b."startsAt", b."blockedUntil") && tstzrange(t."startsAt", t."endsAt")`,
    );
    expect(rows[0].n).toBe(0);
    expect(bookingsWon + timeOffWon).toBe(ROUNDS);
  }, 60_000);

  it('refuses a weekly day off over a coming booking and a booking on one, in SQL too', async () => {
    const { stationId, chefIds } = await resetStation(setup, 1);
    const date = daysAhead(20);
    const startsAt = localToInstant({ date, time: '18:00' }, TZ)!;
    const customerId = await insertCustomer(setup, 'weekly-sql@example.com');
    await insertBooking(setup, {
      stationId,
      customerId,
      chefId: chefIds[0]!,
      startsAt: startsAt.toISOString(),
    });
    const weekday = ((new Date(`${date}T12:00:00Z`).getUTCDay() + 6) % 7) + 1;
    await expect(
      setup.query(
        `INSERT INTO "ChefWeeklyOff" ("chefId", weekday, "stationId") VALUES ($1, $2, $3)`,
        [chefIds[0], weekday, stationId],
      ),
    ).rejects.toMatchObject({ code: '23P01' });
    const otherDay = (weekday % 7) + 1;
    await setup.query(
      `INSERT INTO "ChefWeeklyOff" ("chefId", weekday, "stationId") VALUES ($1, $2, $3)`,
      [chefIds[0], otherDay, stationId],
    );
    const next = localToInstant({ date: daysAhead(21), time: '18:00' }, TZ)!;
    await expect(
      insertBooking(setup, {
        stationId,
        customerId: await insertCustomer(setup, 'weekly-sql-2@example.com'),
        chefId: chefIds[0]!,
        startsAt: next.toISOString(),
      }),
    ).rejects.toMatchObject({ code: '23P01' });
  });
});
