import { beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import { daysAhead, refusal, resetStation, staffScope } from '../../test/booking-fixtures';
import { insertBooking, insertCustomer } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { createStaff } from '../staff';
import { localToInstant } from '../time';
import { completeMyEvent, getMyEvents, getStaffBooking, listStaffBookings, startMyEvent } from '.';

describe('a chef account sees its own events only', () => {
  let client: pg.Client;
  let stationId: string;
  let chefIds: string[];
  let chef: StaffScope;

  beforeEach(async () => {
    client = await connect();
    ({ stationId, chefIds } = await resetStation(client, 2));
    const { rows } = await client.query<{ id: string }>(
      `INSERT INTO "StaffUser" (email, name, "passwordHash", role, "stationId", "chefId", "updatedAt")
       VALUES ('chef.one@test.example', 'Chef 1', 'x', 'CHEF', $1, $2, now()) RETURNING id`,
      [stationId, chefIds[0]],
    );
    chef = { staffId: rows[0]!.id, role: 'CHEF', stationId, chefId: chefIds[0]! };
    return () => client.end();
  });

  const at = (days: number, time = '18:00') =>
    localToInstant({ date: daysAhead(days), time }, 'America/New_York')!.toISOString();

  it('lists their events with what a chef needs, and nothing of other chefs', async () => {
    const customerId = await insertCustomer(client, 'guest@example.com');
    const mine = await insertBooking(client, {
      stationId,
      customerId,
      chefId: chefIds[0]!,
      startsAt: at(3),
      adults: 8,
      children: 2,
    });
    const other = await insertBooking(client, {
      stationId,
      customerId: await insertCustomer(client, 'other@example.com'),
      chefId: chefIds[1]!,
      startsAt: at(3),
    });
    const { events, chef: who } = await getMyEvents({ scope: chef });
    expect(who.name).toBe('Chef 1');
    expect(events.map((event) => event.id)).toEqual([mine]);
    expect(events[0]).toMatchObject({
      adults: 8,
      children: 2,
      time: '18:00',
      endTime: '20:00',
      address: { line1: '1 Test St', city: 'Testville', postalCode: '10001' },
      customer: { name: 'Test Customer', phone: '+15550000000' },
      balanceCents: 60_000,
      canComplete: false,
    });
    expect(events[0]!.mapsUrl).toContain(encodeURIComponent('1 Test St'));
    // Nothing else of the admin: the staff use cases refuse a chef.
    expect(await refusal(listStaffBookings({ scope: chef, query: {} }))).toMatchObject({
      status: 403,
    });
    expect(await refusal(getStaffBooking({ scope: chef, bookingId: other }))).toMatchObject({
      status: 403,
    });
  });

  it('marks a started event completed only where the station allows, and only their own', async () => {
    const customerId = await insertCustomer(client, 'started@example.com');
    const started = await insertBooking(client, {
      stationId,
      customerId,
      chefId: chefIds[0]!,
      startsAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    });
    const theirs = await insertBooking(client, {
      stationId,
      customerId: await insertCustomer(client, 'theirs@example.com'),
      chefId: chefIds[1]!,
      startsAt: new Date(Date.now() - 30 * 60_000).toISOString(),
    });
    expect(
      await refusal(completeMyEvent({ scope: chef, bookingId: started, input: { version: 1 } })),
    ).toMatchObject({ status: 403 });
    await client.query(`UPDATE "Station" SET "chefsMayComplete" = true WHERE id = $1`, [stationId]);
    expect((await getMyEvents({ scope: chef })).events[0]).toMatchObject({ canComplete: true });
    expect(
      await refusal(completeMyEvent({ scope: chef, bookingId: theirs, input: { version: 1 } })),
    ).toMatchObject({ status: 404 });
    expect(
      await completeMyEvent({ scope: chef, bookingId: started, input: { version: 1 } }),
    ).toEqual({ id: started, status: 'COMPLETED', version: 2 });
    const { rows } = await client.query(
      `SELECT action, "actorId" FROM "AuditLog" WHERE "entityId" = $1`,
      [started],
    );
    expect(rows).toEqual([{ action: 'booking.completed', actorId: chef.staffId }]);
  });

  it('is for chef accounts: staff get 403; the super admin links an account to a chef of its station', async () => {
    const staff = await staffScope(client, 'STAFF', stationId);
    expect(await refusal(getMyEvents({ scope: staff }))).toMatchObject({ status: 403 });
    const admin = await staffScope(client, 'SUPER_ADMIN', null);
    const made = await createStaff({
      scope: admin,
      input: {
        email: 'chef.two@test.example',
        name: 'Chef 2',
        role: 'CHEF',
        station: 'test-station',
        chef: chefIds[1],
      },
    });
    expect(made.account).toMatchObject({ role: 'CHEF', chef: { id: chefIds[1], name: 'Chef 2' } });
    expect(
      await refusal(
        createStaff({
          scope: admin,
          input: {
            email: 'chef.three@test.example',
            name: 'Again',
            role: 'CHEF',
            station: 'test-station',
            chef: chefIds[1],
          },
        }),
      ),
    ).toMatchObject({
      status: 400,
      details: { chef: [expect.stringContaining('has an account already')] },
    });
    expect(
      await refusal(
        createStaff({
          scope: admin,
          input: {
            email: 'chef.four@test.example',
            name: 'No chef',
            role: 'CHEF',
            station: 'test-station',
          },
        }),
      ),
    ).toMatchObject({ status: 400 });
  });
});

describe('a chef says an event has started', () => {
  it('from two hours before it, where the station allows it; staff see it on the booking', async () => {
    const client = await connect();
    try {
      const { stationId, chefIds } = await resetStation(client, 1);
      const { rows } = await client.query<{ id: string }>(
        `INSERT INTO "StaffUser" (email, name, "passwordHash", role, "stationId", "chefId", "updatedAt")
         VALUES ('chef.start@test.example', 'Chef 1', 'x', 'CHEF', $1, $2, now()) RETURNING id`,
        [stationId, chefIds[0]],
      );
      const chef: StaffScope = {
        staffId: rows[0]!.id,
        role: 'CHEF',
        stationId,
        chefId: chefIds[0]!,
      };
      const customerId = await insertCustomer(client, 'soon@example.com');
      const soon = await insertBooking(client, {
        stationId,
        customerId,
        chefId: chefIds[0]!,
        startsAt: new Date(Date.now() + 90 * 60_000).toISOString(),
      });
      const later = await insertBooking(client, {
        stationId,
        customerId: await insertCustomer(client, 'later@example.com'),
        chefId: chefIds[0]!,
        startsAt: new Date(Date.now() + 5 * 3_600_000).toISOString(),
      });
      await client.query(`UPDATE "Station" SET "chefsMayComplete" = true WHERE id = $1`, [
        stationId,
      ]);
      const events = (await getMyEvents({ scope: chef })).events;
      expect(events.map((event) => [event.id, event.canStart])).toEqual([
        [soon, true],
        [later, false],
      ]);
      expect(
        await refusal(startMyEvent({ scope: chef, bookingId: later, input: { version: 1 } })),
      ).toMatchObject({ status: 409, details: { reason: 'BAD_STATE' } });
      const started = await startMyEvent({ scope: chef, bookingId: soon, input: { version: 1 } });
      expect(started).toMatchObject({ id: soon, version: 2 });
      expect(
        await refusal(startMyEvent({ scope: chef, bookingId: soon, input: { version: 2 } })),
      ).toMatchObject({ status: 409 });
      const manager = await staffScope(client, 'MANAGER', stationId);
      expect((await getStaffBooking({ scope: manager, bookingId: soon })).startedAt).toBe(
        started.startedAt,
      );
    } finally {
      await client.end();
    }
  });
});
