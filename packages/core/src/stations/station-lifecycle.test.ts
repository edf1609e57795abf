import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  bookingInput,
  daysAhead,
  heldBooking,
  refusal,
  resetStation,
  STATION,
  staffScope,
} from '../../test/booking-fixtures';
import { connect, untilWaitingOnLock } from '../../test/database';
import type { StaffScope } from '../auth/staff-scope';
import { createBooking } from '../bookings';
import { createChef } from './create-chef';
import { listActiveStations } from './list-active-stations';
import { activateStation } from './activate-station';
import { createStation } from './create-station';
import { deactivateStation } from './deactivate-station';
import { listStationsAdmin } from './list-stations-admin';
import { getStationSettings } from './get-station-settings';

describe('station lifecycle', () => {
  let client: pg.Client;
  let superAdmin: StaffScope;
  let manager: StaffScope;
  let stationId: string;

  const customerSlugs = async () => (await listActiveStations()).map((station) => station.slug);

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 1));
    superAdmin = await staffScope(client, 'SUPER_ADMIN', null);
    manager = await staffScope(client, 'MANAGER', stationId);
    return () => client.end();
  });

  it('creates a closed station with the defaults; opens it once it has a chef; audited', async () => {
    const created = await createStation({
      scope: superAdmin,
      input: { slug: 'san-diego', name: ' San Diego ', timezone: 'America/Los_Angeles' },
    });
    expect(created).toMatchObject({
      slug: 'san-diego',
      name: 'San Diego',
      active: false,
      activeChefs: 0,
      upcomingBookings: 0,
      staff: 0,
    });
    expect(await customerSlugs()).toEqual([STATION]);
    // Settings work for a closed station: the super admin prepares it before opening.
    const { settings } = await getStationSettings({ scope: superAdmin, slug: 'san-diego' });
    expect(settings).toMatchObject({
      timezone: 'America/Los_Angeles',
      firstStart: '11:00',
      lastStart: '20:00',
      depositCents: 10_000,
      minimumCents: 60_000,
    });
    // A customer cannot book there while it is closed.
    expect(
      await refusal(createBooking({ input: bookingInput({ station: 'san-diego' }) })),
    ).toMatchObject({ status: 400, details: { station: ['We do not serve that location'] } });

    expect(await refusal(activateStation({ scope: superAdmin, slug: 'san-diego' }))).toMatchObject({
      status: 409,
      details: { reason: 'NO_ACTIVE_CHEFS' },
    });
    await createChef({
      scope: superAdmin,
      slug: 'san-diego',
      input: { name: 'Chef Mar', color: '#0077b6' },
    });
    expect(await activateStation({ scope: superAdmin, slug: 'san-diego' })).toMatchObject({
      active: true,
      activeChefs: 1,
    });
    expect(await customerSlugs()).toEqual(['san-diego', STATION]);

    const { rows } = await client.query(
      `SELECT action, before, after FROM "AuditLog" WHERE "entityId" = $1 ORDER BY "createdAt", id`,
      [created.id],
    );
    expect(rows.map((row) => row.action)).toEqual(['station.created', 'station.activated']);
    expect(rows[0].after).toMatchObject({ slug: 'san-diego', depositCents: 10_000 });
    expect(rows[1]).toMatchObject({ before: { active: false }, after: { active: true } });
  });

  it('refuses a taken or malformed address and inconsistent settings, with the fields named', async () => {
    expect(
      await refusal(
        createStation({
          scope: superAdmin,
          input: { slug: STATION, name: 'Again', timezone: 'America/New_York' },
        }),
      ),
    ).toMatchObject({ status: 400, details: { slug: ['Another station has this address'] } });
    const bad = await refusal(
      createStation({
        scope: superAdmin,
        input: {
          slug: 'San Diego!',
          name: '',
          timezone: 'Mars/Olympus',
          depositCents: 70_000,
          extra: 1,
        },
      }),
    );
    expect(bad.status).toBe(400);
    expect(Object.keys(bad.details ?? {}).sort()).toEqual([
      'depositCents',
      'extra',
      'name',
      'slug',
      'timezone',
    ]);
    const deposit = await refusal(
      createStation({
        scope: superAdmin,
        input: {
          slug: 'reno',
          name: 'Reno',
          timezone: 'America/Los_Angeles',
          depositCents: 70_000,
        },
      }),
    );
    expect(deposit.details).toEqual({
      depositCents: ['The deposit cannot be more than the event minimum'],
    });
    expect((await listStationsAdmin({ scope: superAdmin })).map((row) => row.slug)).toEqual([
      STATION,
    ]);
  });

  it('two super admins creating one address at once: one station, the other told the address is taken', async () => {
    const input = { slug: 'boise', name: 'Boise', timezone: 'America/Boise' };
    const results = await Promise.allSettled([
      createStation({ scope: superAdmin, input }),
      createStation({ scope: superAdmin, input }),
    ]);
    expect(results.filter((result) => result.status === 'fulfilled')).toHaveLength(1);
    const rejected = results.find(
      (result) => result.status === 'rejected',
    ) as PromiseRejectedResult;
    expect(await refusal(Promise.reject(rejected.reason as Error))).toMatchObject({
      status: 400,
      details: { slug: ['Another station has this address'] },
    });
  });

  it('refuses to close a station with upcoming bookings (with the count); closes it once they are gone', async () => {
    const { reference } = await heldBooking({ date: daysAhead(10) });
    expect(await refusal(deactivateStation({ scope: superAdmin, slug: STATION }))).toMatchObject({
      status: 409,
      details: { reason: 'FUTURE_BOOKINGS', count: 1 },
    });
    expect(await customerSlugs()).toEqual([STATION]);
    // A hold that lapsed does not keep a station open.
    await client.query(
      `UPDATE "Booking" SET "holdExpiresAt" = now() - interval '1 minute' WHERE reference = $1`,
      [reference],
    );
    expect(await deactivateStation({ scope: superAdmin, slug: STATION })).toMatchObject({
      active: false,
    });
    expect(await customerSlugs()).toEqual([]);
    // Closing twice changes nothing and writes one audit row.
    await deactivateStation({ scope: superAdmin, slug: STATION });
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM "AuditLog" WHERE action = 'station.deactivated'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('never lets a booking land on a station whose closure is committing meanwhile', async () => {
    // A closure in flight: the station row locked and marked closed, not yet committed.
    const closure = await connect();
    await closure.query('BEGIN');
    await closure.query(`SELECT id FROM "Station" WHERE id = $1 FOR UPDATE`, [stationId]);
    await closure.query(`UPDATE "Station" SET active = false WHERE id = $1`, [stationId]);
    const booking = refusal(createBooking({ input: bookingInput({ date: daysAhead(10) }) }));
    // Only once the booking is queued behind the closure (it has read the station as open).
    await untilWaitingOnLock(client);
    await closure.query('COMMIT');
    await closure.end();
    expect(await booking).toMatchObject({
      status: 400,
      details: { station: ['We do not serve that location'] },
    });
    const { rows } = await client.query(`SELECT count(*)::int AS n FROM "Booking"`);
    expect(rows[0].n).toBe(0);
  });

  it('only a super admin manages stations', async () => {
    for (const attempt of [
      listStationsAdmin({ scope: manager }),
      createStation({
        scope: manager,
        input: { slug: 'mine', name: 'Mine', timezone: 'America/New_York' },
      }),
      deactivateStation({ scope: manager, slug: STATION }),
      activateStation({ scope: manager, slug: STATION }),
    ])
      expect(await refusal(attempt)).toMatchObject({ status: 403 });
    expect(await refusal(deactivateStation({ scope: superAdmin, slug: 'nowhere' }))).toMatchObject({
      status: 404,
    });
  });
});
