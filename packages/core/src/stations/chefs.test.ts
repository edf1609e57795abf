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
import { insertStation } from '../../test/factories';
import type { StaffScope } from '../auth/staff-scope';
import { getAvailability } from '../availability';
import { createBooking } from '../bookings';
import { activateChef } from './activate-chef';
import { createChef } from './create-chef';
import { deactivateChef } from './deactivate-chef';
import { listChefs } from './list-chefs';
import { updateChef } from './update-chef';

describe('chefs', () => {
  let client: pg.Client;
  let chefIds: string[];
  let manager: StaffScope;
  let staff: StaffScope;
  let otherManager: StaffScope;

  const freeAt = async (date: string, time: string) =>
    (await getAvailability({ query: { station: STATION, date } })).slots.find(
      (slot) => slot.time === time,
    )?.available;
  const chefOf = async (reference: string) =>
    (
      await client.query<{ chefId: string; version: number }>(
        `SELECT "chefId", version FROM "Booking" WHERE reference = $1`,
        [reference],
      )
    ).rows[0]!;

  beforeEach(async () => {
    client = await connect();
    let stationId: string;
    ({ stationId, chefIds } = await resetStation(client, 2));
    const other = await insertStation(client, 'elsewhere');
    manager = await staffScope(client, 'MANAGER', stationId);
    staff = await staffScope(client, 'STAFF', stationId);
    otherManager = await staffScope(client, 'MANAGER', other);
    return () => client.end();
  });

  it('adds a chef (one more free at every time), renames them, audited; staff 403, other station 404', async () => {
    const date = daysAhead(10);
    expect(await freeAt(date, '18:00')).toBe(2);
    const added = await createChef({
      scope: manager,
      slug: STATION,
      input: { name: '  Chef Nova ', color: '#3A86FF' },
    });
    expect(added).toMatchObject({ name: 'Chef Nova', color: '#3a86ff', active: true });
    expect(await freeAt(date, '18:00')).toBe(3);
    const renamed = await updateChef({
      scope: manager,
      chefId: added.id,
      input: { name: 'Chef Nova Reyes' },
    });
    expect(renamed.name).toBe('Chef Nova Reyes');
    expect((await listChefs({ scope: manager, slug: STATION })).map((chef) => chef.name)).toEqual([
      'Chef 1',
      'Chef 2',
      'Chef Nova Reyes',
    ]);
    const { rows } = await client.query(
      `SELECT action, before, after FROM "AuditLog" WHERE "entityId" = $1 ORDER BY "createdAt"`,
      [added.id],
    );
    expect(rows).toEqual([
      { action: 'chef.created', before: null, after: { name: 'Chef Nova', color: '#3a86ff' } },
      {
        action: 'chef.updated',
        before: { name: 'Chef Nova', color: '#3a86ff' },
        after: { name: 'Chef Nova Reyes', color: '#3a86ff' },
      },
    ]);

    expect(
      await refusal(
        createChef({ scope: staff, slug: STATION, input: { name: 'X', color: '#000000' } }),
      ),
    ).toMatchObject({ status: 403 });
    for (const chefId of [added.id, 'not-a-uuid', '00000000-0000-4000-8000-000000000000'])
      expect(
        await refusal(updateChef({ scope: otherManager, chefId, input: { name: 'Mine now' } })),
      ).toMatchObject({ status: 404 });
    expect(
      await refusal(
        createChef({ scope: manager, slug: STATION, input: { name: '', color: 'blue' } }),
      ),
    ).toMatchObject({
      status: 400,
      details: { name: expect.any(Array), color: ['Choose a colour'] },
    });
  });

  it('refuses to deactivate a chef with upcoming bookings unless told to reassign them', async () => {
    const { reference } = await heldBooking({ time: '18:00' });
    const holder = (await chefOf(reference)).chefId;
    const refused = await refusal(deactivateChef({ scope: manager, chefId: holder, input: {} }));
    expect(refused).toMatchObject({
      status: 409,
      details: { reason: 'CHEF_HAS_BOOKINGS', bookings: [{ reference, time: '18:00' }] },
    });
    expect((await chefOf(reference)).chefId).toBe(holder);

    const before = await chefOf(reference);
    const done = await deactivateChef({
      scope: manager,
      chefId: holder,
      input: { reassign: true },
    });
    expect(done.chef).toMatchObject({ active: false, futureBookings: 0 });
    expect(done.moved).toMatchObject([{ reference, chef: expect.any(String) }]);
    const after = await chefOf(reference);
    expect(after.chefId).not.toBe(holder);
    expect(after.version).toBe(before.version + 1);
    // Availability counts only the active chef now (who holds the 18:00 booking).
    expect(await freeAt(daysAhead(10), '18:00')).toBe(0);
    expect(await freeAt(daysAhead(10), '12:00')).toBe(1);
    const { rows } = await client.query(
      `SELECT action FROM "AuditLog" WHERE action IN ('booking.chef_reassigned', 'chef.deactivated')`,
    );
    expect(rows.map((row) => row.action).sort()).toEqual([
      'booking.chef_reassigned',
      'chef.deactivated',
    ]);
    // Back on the roster: free again where nothing holds them.
    await activateChef({ scope: manager, chefId: holder });
    expect(await freeAt(daysAhead(10), '18:00')).toBe(1);
  });

  it('moves all or nothing: one booking without a free chef fails the whole request', async () => {
    // Chef 1 has two events; at 18:00 Chef 2 is busy too, at 12:00 Chef 2 is free.
    const noon = await heldBooking({ time: '12:00', date: daysAhead(10) });
    const evening = await heldBooking({ time: '18:00', date: daysAhead(10) });
    const eveningOther = await heldBooking({ time: '18:00', date: daysAhead(10) });
    const leaving = (await chefOf(evening.reference)).chefId;
    if ((await chefOf(noon.reference)).chefId !== leaving)
      await client.query(`UPDATE "Booking" SET "chefId" = $1 WHERE reference = $2`, [
        leaving,
        noon.reference,
      ]);
    expect((await chefOf(eveningOther.reference)).chefId).not.toBe(leaving);

    const refused = await refusal(
      deactivateChef({ scope: manager, chefId: leaving, input: { reassign: true } }),
    );
    expect(refused).toMatchObject({
      status: 409,
      details: { reason: 'CHEF_BOOKINGS_UNMOVABLE', bookings: [{ reference: evening.reference }] },
    });
    expect((await chefOf(noon.reference)).chefId).toBe(leaving);
    expect((await chefOf(evening.reference)).chefId).toBe(leaving);
    expect(
      (await listChefs({ scope: manager, slug: STATION })).find((chef) => chef.id === leaving),
    ).toMatchObject({ active: true, futureBookings: 2 });
  });

  it('races a reassignment against a customer booking the same window: exactly one gets the free chef', async () => {
    const outcomes = new Set<string>();
    for (let round = 0; round < 6; round += 1) {
      const date = daysAhead(10 + round);
      const { reference } = await heldBooking({ time: '18:00', date });
      const leaving = (await chefOf(reference)).chefId;
      const [deactivation, booking] = await Promise.allSettled([
        deactivateChef({ scope: manager, chefId: leaving, input: { reassign: true } }),
        createBooking({ input: bookingInput({ time: '18:00', date }) }),
      ]);
      // Never both: the other chef is the only free one at 18:00.
      expect(
        [deactivation.status, booking.status].filter((status) => status === 'fulfilled'),
      ).toHaveLength(1);
      const overlaps = await client.query(
        `SELECT count(*)::int AS n FROM "Booking" a JOIN "Booking" b
            ON a."chefId" = b."chefId" AND a.id < b.id
           AND a.status IN ('PENDING_PAYMENT', 'CONFIRMED') AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED')
           AND tstzrange(a."startsAt", a."blockedUntil") && tstzrange(b."startsAt", b."blockedUntil")`,
      );
      expect(overlaps.rows[0].n).toBe(0);
      const inactiveHolders = await client.query(
        `SELECT count(*)::int AS n FROM "Booking" b JOIN "Chef" c ON c.id = b."chefId"
          WHERE NOT c.active AND b.status IN ('PENDING_PAYMENT', 'CONFIRMED') AND b."startsAt" > now()`,
      );
      expect(inactiveHolders.rows[0].n).toBe(0);
      outcomes.add(deactivation.status === 'fulfilled' ? 'reassigned' : 'customer booked');
      // Back to two active chefs and a free evening for the next round.
      await client.query(`UPDATE "Chef" SET active = true`);
      await client.query(`UPDATE "Booking" SET status = 'CANCELLED' WHERE "eventDate" = $1`, [
        date,
      ]);
    }
    expect(outcomes.size).toBeGreaterThan(0);
    expect(chefIds).toHaveLength(2);
  });

  it('never lets a booking land on a chef whose deactivation is committing meanwhile', async () => {
    const date = daysAhead(10);
    const { reference } = await heldBooking({ time: '18:00', date });
    const busy = (await chefOf(reference)).chefId;
    const leaving = chefIds.find((id) => id !== busy)!;
    // A deactivation in flight: the chef row locked and marked inactive, not yet committed.
    const deactivation = await connect();
    await deactivation.query('BEGIN');
    await deactivation.query(`SELECT id FROM "Chef" WHERE id = $1 FOR UPDATE`, [leaving]);
    await deactivation.query(`UPDATE "Chef" SET active = false WHERE id = $1`, [leaving]);
    const booking = refusal(createBooking({ input: bookingInput({ time: '18:00', date }) }));
    // Only once the booking is queued behind the deactivation (it has read the chef as active).
    await untilWaitingOnLock(client);
    await deactivation.query('COMMIT');
    await deactivation.end();
    // It waited for the chef, saw them leave, and found nobody else free at 18:00.
    expect(await booking).toMatchObject({ status: 409, details: { reason: 'SLOT_TAKEN' } });
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM "Booking" WHERE "chefId" = $1`,
      [leaving],
    );
    expect(rows[0].n).toBe(0);
  });
});
