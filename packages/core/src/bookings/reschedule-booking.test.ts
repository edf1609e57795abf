import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { daysAhead, resetStation, staffScope, refusal } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { loseADeadlock } from '../../test/locks';
import { insertBooking, insertChef, insertCustomer, insertStation } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { recordOfflinePayment } from '../payments';
import { localToInstant } from '../time';
import { getStaffBooking, rescheduleBooking } from '.';
import { itNeedsPostgresTimers } from '../../test/shifted-clock';

const at = (days: number, time: string) =>
  localToInstant({ date: daysAhead(days), time }, 'America/New_York')!.toISOString();

describe('rescheduleBooking', () => {
  let client: pg.Client;
  let stationId: string;
  let chefIds: string[];
  let manager: StaffScope;
  let customers = 0;

  beforeEach(async () => {
    client = await connect();
    ({ stationId, chefIds } = await resetStation(client, 2));
    manager = await staffScope(client, 'MANAGER', stationId);
    return () => client.end();
  });

  async function booking(days: number, time: string, chef = 0, status = 'CONFIRMED') {
    customers += 1;
    const customerId = await insertCustomer(client, `move${customers}.${Date.now()}@example.com`);
    return insertBooking(client, {
      stationId,
      customerId,
      chefId: chefIds[chef]!,
      startsAt: at(days, time),
      status,
    });
  }

  const move = (bookingId: string, input: Record<string, unknown>, scope = manager) =>
    rescheduleBooking({ scope, bookingId, input: { version: 1, ...input } });

  async function row(id: string) {
    return (
      await client.query(
        `SELECT to_char("eventDate", 'YYYY-MM-DD') AS date, "startTime", "durationMinutes", "chefId", version,
                "startsAt", "blockedUntil" FROM "Booking" WHERE id = $1`,
        [id],
      )
    ).rows[0];
  }

  it('moves a booking, keeps its chef when free, audits before/after and e-mails the customer', async () => {
    const id = await booking(10, '18:00');
    const result = await move(id, { date: daysAhead(11), time: '12:15' });
    expect(result).toMatchObject({
      moved: true,
      version: 2,
      date: daysAhead(11),
      time: '12:15',
      chef: { id: chefIds[0] },
    });
    expect(await row(id)).toMatchObject({
      date: daysAhead(11),
      startTime: '12:15',
      chefId: chefIds[0],
      version: 2,
    });
    const stored = await row(id);
    expect(stored.blockedUntil.getTime() - stored.startsAt.getTime()).toBe((120 + 60) * 60_000);

    const audit = await client.query(
      `SELECT action, before, after FROM "AuditLog" WHERE "entityId" = $1`,
      [id],
    );
    expect(audit.rows).toEqual([
      {
        action: 'booking.rescheduled',
        before: expect.objectContaining({ date: daysAhead(10), time: '18:00', chefId: chefIds[0] }),
        after: expect.objectContaining({
          date: daysAhead(11),
          time: '12:15',
          chefId: chefIds[0],
          durationMinutes: 120,
        }),
      },
    ]);
    const email = await client.query(
      `SELECT kind, subject FROM "OutboxMessage" WHERE "bookingId" = $1`,
      [id],
    );
    expect(email.rows).toEqual([
      { kind: 'BOOKING_RESCHEDULED', subject: expect.stringContaining('has moved') },
    ]);
  });

  it('hands the booking to the least busy free chef when its own is busy, or to the chef asked for', async () => {
    const id = await booking(10, '12:00', 0);
    await booking(12, '18:00', 0);
    const reassigned = await move(id, { date: daysAhead(12), time: '18:30' });
    expect(reassigned.chef.id).toBe(chefIds[1]);

    const asked = await move(
      id,
      { date: daysAhead(12), time: '12:00', chefId: chefIds[0] },
      manager,
    ).catch(() => undefined);
    expect(asked).toBeUndefined(); // version 1 is stale now
    await expect(
      rescheduleBooking({
        scope: manager,
        bookingId: id,
        input: { date: daysAhead(12), time: '12:00', chefId: chefIds[0], version: 2 },
      }),
    ).resolves.toMatchObject({ chef: { id: chefIds[0] }, version: 3 });
  });

  it('refuses a busy chef with 409 naming the chef and the clash in local time', async () => {
    const id = await booking(10, '12:00', 0);
    await booking(14, '18:00', 1);
    expect(
      await refusal(move(id, { date: daysAhead(14), time: '19:00', chefId: chefIds[1] })),
    ).toMatchObject({
      status: 409,
      message: 'Chef 2 is busy 18:00-20:00, plus travel time.',
      details: expect.objectContaining({
        reason: 'SLOT_TAKEN',
        chef: { id: chefIds[1], name: 'Chef 2' },
      }),
    });
    await booking(14, '18:00', 0);
    expect(await refusal(move(id, { date: daysAhead(14), time: '18:30' }))).toMatchObject({
      status: 409,
      details: { reason: 'SLOT_TAKEN' },
    });
    expect(await row(id)).toMatchObject({ date: daysAhead(10), version: 1 });
  });

  it('refuses the past, out-of-hours, off-grid, DST-gap and malformed moves with 400', async () => {
    const id = await booking(10, '18:00');
    const cases: [Record<string, unknown>, string, string][] = [
      [{ date: daysAhead(-1), time: '18:00' }, 'date', 'That time is in the past'],
      [{ date: daysAhead(11), time: '23:00' }, 'time', 'Outside service hours'],
      [{ date: daysAhead(11), time: '10:45' }, 'time', 'Outside service hours'],
      [
        { date: daysAhead(11), time: '18:10' },
        'time',
        'Start on the quarter hour (:00, :15, :30 or :45)',
      ],
      [
        { date: daysAhead(11), time: '18:00', durationMinutes: 30 },
        'durationMinutes',
        'Events last at least an hour',
      ],
      [
        { date: daysAhead(11), time: '18:00', chefId: '00000000-0000-4000-8000-000000000000' },
        'chefId',
        'Choose an active chef of this station',
      ],
      [{ date: '2027-02-30', time: '18:00' }, 'date', expect.any(String)],
      [{ date: daysAhead(11), time: '18:00', extra: true }, 'extra', 'Unknown field'],
    ];
    for (const [input, field, message] of cases) {
      const result = await refusal(move(id, input));
      expect(result.status, JSON.stringify(input)).toBe(400);
      expect(result.details?.[field], JSON.stringify(input)).toEqual([message]);
    }
    // A wall time skipped by the spring-forward change, at a station open at night.
    await client.query(`UPDATE "Station" SET "serviceStartMinute" = 0 WHERE id = $1`, [stationId]);
    const gap = await refusal(move(id, { date: '2027-03-14', time: '02:30' }));
    expect(gap.details).toEqual({
      time: ['That time does not exist on this date (clocks change)'],
    });
    expect(await row(id)).toMatchObject({ version: 1, startTime: '18:00' });
  });

  it('refuses inactive chefs and chefs of another station', async () => {
    const id = await booking(10, '18:00');
    await client.query(`UPDATE "Chef" SET active = false WHERE id = $1`, [chefIds[1]]);
    const elsewhere = await insertChef(
      client,
      await insertStation(client, 'elsewhere'),
      'Chef Away',
    );
    for (const chefId of [chefIds[1], elsewhere])
      expect(
        (await refusal(move(id, { date: daysAhead(11), time: '18:00', chefId }))).details,
      ).toEqual({
        chefId: ['Choose an active chef of this station'],
      });
  });

  it('only moves pending or confirmed bookings, and only the caller station’s', async () => {
    for (const status of ['CANCELLED', 'COMPLETED', 'NO_SHOW', 'EXPIRED']) {
      const id = await booking(10 + customers, '12:00', 0, status);
      expect(await refusal(move(id, { date: daysAhead(30), time: '12:00' }))).toMatchObject({
        status: 409,
        details: { reason: 'BAD_STATE' },
      });
    }
    const id = await booking(20, '12:00');
    const otherManager = await staffScope(client, 'MANAGER', await insertStation(client, 'other'));
    expect(
      await refusal(move(id, { date: daysAhead(21), time: '12:00' }, otherManager)),
    ).toMatchObject({ status: 404 });
    const staff = await staffScope(client, 'STAFF', stationId);
    await expect(move(id, { date: daysAhead(21), time: '12:00' }, staff)).resolves.toMatchObject({
      moved: true,
    });
  });

  it('answers a stale version with 409 and the booking as it is now', async () => {
    const id = await booking(10, '18:00');
    await move(id, { date: daysAhead(11), time: '18:00' });
    const stale = await refusal(move(id, { date: daysAhead(12), time: '18:00' }));
    expect(stale).toMatchObject({
      status: 409,
      details: {
        reason: 'STALE_VERSION',
        current: { version: 2, date: daysAhead(11), time: '18:00' },
      },
    });
  });

  it('keeps payments and the balance, changes nothing for a no-op move, and keeps the one-booking-a-day rule', async () => {
    const id = await booking(10, '18:00');
    await recordOfflinePayment({
      scope: manager,
      bookingId: id,
      input: { amountCents: 20_000, method: 'CASH' },
    });
    const before = await getStaffBooking({ scope: manager, bookingId: id });
    const moved = await rescheduleBooking({
      scope: manager,
      bookingId: id,
      input: { date: daysAhead(15), time: '13:00', durationMinutes: 180, version: before.version },
    });
    const after = await getStaffBooking({ scope: manager, bookingId: id });
    expect(after).toMatchObject({
      paidCents: before.paidCents,
      balanceCents: before.balanceCents,
      totalCents: before.totalCents,
      durationMinutes: 180,
      endTime: '16:00',
    });
    expect(after.payments).toEqual(before.payments);

    const counts = async () =>
      (
        await client.query(
          `SELECT (SELECT count(*) FROM "AuditLog")::int a, (SELECT count(*) FROM "OutboxMessage")::int o`,
        )
      ).rows[0];
    const baseline = await counts();
    await expect(
      rescheduleBooking({
        scope: manager,
        bookingId: id,
        input: { date: daysAhead(15), time: '13:00', durationMinutes: 180, version: moved.version },
      }),
    ).resolves.toMatchObject({ moved: false, version: moved.version });
    expect(await counts()).toEqual(baseline);

    // The same customer already has another booking on the target date.
    const { rows } = await client.query<{ customerId: string }>(
      'SELECT "customerId" FROM "Booking" WHERE id = $1',
      [id],
    );
    await insertBooking(client, {
      stationId,
      customerId: rows[0]!.customerId,
      chefId: chefIds[1]!,
      startsAt: at(16, '12:00'),
    });
    expect(
      await refusal(
        rescheduleBooking({
          scope: manager,
          bookingId: id,
          input: { date: daysAhead(16), time: '18:00', version: moved.version },
        }),
      ),
    ).toMatchObject({
      status: 409,
      details: { reason: 'DUPLICATE_BOOKING' },
    });
  });

  it('lets exactly one of two admins moving different bookings into one chef window succeed', async () => {
    await client.query(`UPDATE "Chef" SET active = false WHERE id = $1`, [chefIds[1]]);
    for (let round = 0; round < 5; round += 1) {
      const first = await booking(40 + round * 2, '12:00', 0);
      const second = await booking(40 + round * 2, '18:00', 0);
      const target = { date: daysAhead(41 + round * 2), time: '15:00' };
      const results = await Promise.allSettled([move(first, target), move(second, target)]);
      expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
      const rejected = results.find(
        (result) => result.status === 'rejected',
      ) as PromiseRejectedResult;
      expect(rejected.reason).toMatchObject({ status: 409, details: { reason: 'SLOT_TAKEN' } });
    }
  });

  itNeedsPostgresTimers(
    'runs a move again when PostgreSQL ends it to break a deadlock',
    async () => {
      const id = await booking(20, '18:00');
      const { rows } = await client.query<{ customerId: string }>(
        'SELECT "customerId" FROM "Booking" WHERE id = $1',
        [id],
      );
      // Another writer holds the customer's analytics row (which the move's trigger recomputes)
      // and then waits for the booking the move has locked: a deadlock.
      const moving = loseADeadlock(
        client,
        () => move(id, { date: daysAhead(21), time: '12:00' }),
        [`SELECT 1 FROM "CustomerTotal" WHERE "customerId" = $1 FOR UPDATE`, [rows[0]!.customerId]],
        [`SELECT 1 FROM "Booking" WHERE id = $1 FOR UPDATE`, [id]],
      );
      await expect(moving).resolves.toMatchObject({ moved: true, version: 2, date: daysAhead(21) });
    },
  );

  it('lets exactly one of two admins moving the same booking with the same version succeed', async () => {
    const id = await booking(10, '18:00');
    const results = await Promise.allSettled([
      move(id, { date: daysAhead(11), time: '12:00' }),
      move(id, { date: daysAhead(12), time: '12:00' }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find(
      (result) => result.status === 'rejected',
    ) as PromiseRejectedResult;
    expect(rejected.reason).toMatchObject({ status: 409, details: { reason: 'STALE_VERSION' } });
    expect((await row(id)).version).toBe(2);
  });
});
