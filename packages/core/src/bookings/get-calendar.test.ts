import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { daysAhead, resetStation, staffScope } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { insertBooking, insertCustomer, insertStation } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { localToInstant } from '../time';
import { getCalendar } from '.';

describe('getCalendar', () => {
  let client: pg.Client;
  let stationId: string;
  let chefIds: string[];
  let manager: StaffScope;

  beforeEach(async () => {
    client = await connect();
    ({ stationId, chefIds } = await resetStation(client, 2));
    manager = await staffScope(client, 'MANAGER', stationId);
    return () => client.end();
  });

  const at = (days: number, time: string) =>
    localToInstant({ date: daysAhead(days), time }, 'America/New_York')!.toISOString();

  async function booking(startsAt: string, status = 'CONFIRMED', chef = 0) {
    const customerId = await insertCustomer(
      client,
      `cal${Math.random().toString(36).slice(2)}@example.com`,
    );
    return insertBooking(client, {
      stationId,
      customerId,
      chefId: chefIds[chef]!,
      startsAt,
      status,
    });
  }

  it("returns the station's zone, hours, chefs and the events of local days, lapsed holds and cancellations left out", async () => {
    const late = await booking(at(10, '23:30'));
    const early = await booking(at(11, '00:30'), 'CONFIRMED', 1);
    await booking(at(10, '12:00'), 'CANCELLED');
    const held = await booking(at(10, '15:00'), 'PENDING_PAYMENT', 1);
    const lapsed = await booking(at(10, '18:00'), 'PENDING_PAYMENT', 0);
    await client.query(
      `UPDATE "Booking" SET "holdExpiresAt" = now() - interval '1 minute' WHERE id = $1`,
      [lapsed],
    );

    const calendar = await getCalendar({
      scope: manager,
      query: { from: daysAhead(10), to: daysAhead(10) },
    });
    expect(calendar.station).toMatchObject({
      slug: 'test-station',
      timezone: 'America/New_York',
      serviceStartMinute: 660,
    });
    expect(calendar.chefs.map((chef) => chef.name)).toEqual(['Chef 1', 'Chef 2']);
    expect(calendar.events.map((event) => event.id)).toEqual([held, late]);
    expect(calendar.events[1]).toMatchObject({
      reference: expect.stringMatching(/^HB-/),
      title: 'Test Customer · 4',
      status: 'CONFIRMED',
      version: 1,
      chef: { id: chefIds[0], name: 'Chef 1' },
      balanceCents: 60_000,
      startsAt: at(10, '23:30'),
    });
    const next = await getCalendar({
      scope: manager,
      query: { from: daysAhead(11), to: daysAhead(11) },
    });
    expect(next.events.map((event) => event.id)).toEqual([early]);
  });

  it('validates the range and keeps managers to their station', async () => {
    const tooLong = getCalendar({
      scope: manager,
      query: { from: '2027-01-01', to: '2027-03-04' },
    });
    await expect(tooLong).rejects.toMatchObject({
      status: 400,
      details: { to: ['Ask for at most 62 days at a time'] },
    });
    await expect(
      getCalendar({ scope: manager, query: { from: '2027-01-01', to: '2027-03-03' } }),
    ).resolves.toBeDefined();
    await expect(
      getCalendar({ scope: manager, query: { from: '2027-01-02', to: '2027-01-01' } }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      getCalendar({ scope: manager, query: { from: '2027-02-30', to: '2027-03-01' } }),
    ).rejects.toMatchObject({ status: 400 });
    await insertStation(client, 'other-station');
    await expect(
      getCalendar({
        scope: manager,
        query: { from: '2027-01-01', to: '2027-01-02', station: 'other-station' },
      }),
    ).rejects.toMatchObject({ status: 404 });
    const admin = await staffScope(client, 'SUPER_ADMIN', null);
    const chosen = await getCalendar({
      scope: admin,
      query: { from: '2027-01-01', to: '2027-01-02', station: 'other-station' },
    });
    expect(chosen.station.slug).toBe('other-station');
  });
});
