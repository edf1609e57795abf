import { beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import { daysAhead, resetStation, STATION } from '../../test/booking-fixtures';
import { insertBooking, insertChef, insertCustomer } from '../../test/factories';
import { localToInstant } from '../time';
import { getAvailability, getAvailabilityDays } from '.';

const slotAt = (slots: { time: string; available: number }[], time: string) =>
  slots.find((slot) => slot.time === time)?.available;

describe('availability', () => {
  let client: pg.Client;
  let stationId: string;
  let chefIds: string[];

  beforeEach(async () => {
    client = await connect();
    ({ stationId, chefIds } = await resetStation(client, 2));
    return () => client.end();
  });

  it('lists every grid time inside service hours with the free chef count', async () => {
    const date = daysAhead(10);
    const result = await getAvailability({ query: { station: STATION, date, duration: '120' } });
    expect(result.timezone).toBe('America/New_York');
    expect(result.slots).toHaveLength(23); // 11:00 … 22:00 every 30 min
    expect(result.slots[0]).toEqual({
      time: '11:00',
      startsAt: localToInstant({ date, time: '11:00' }, 'America/New_York')!.toISOString(),
      available: 2,
    });
    expect(result.slots.at(-1)?.time).toBe('22:00');
  });

  it('counts a chef busy for the event plus the buffer on both sides', async () => {
    const date = daysAhead(10);
    const customer = await insertCustomer(client, 'busy@example.com');
    const startsAt = localToInstant({ date, time: '15:00' }, 'America/New_York')!.toISOString();
    await insertBooking(client, { stationId, chefId: chefIds[0]!, customerId: customer, startsAt }); // 15:00–17:00, blocked to 18:00
    const { slots } = await getAvailability({ query: { station: STATION, date, duration: 120 } });
    expect(slotAt(slots, '12:00')).toBe(2); // [12:00, 15:00) with buffer only touches [15:00, 18:00)
    expect(slotAt(slots, '12:30')).toBe(1); // its buffer would run into the 15:00 event
    expect(slotAt(slots, '15:00')).toBe(1);
    expect(slotAt(slots, '17:30')).toBe(1); // inside the 17:00–18:00 travel buffer
    expect(slotAt(slots, '18:00')).toBe(2);
  });

  it('ignores cancelled bookings and lapsed holds, and inactive chefs never count', async () => {
    const date = daysAhead(10);
    const customer = await insertCustomer(client, 'gone@example.com');
    const startsAt = localToInstant({ date, time: '18:00' }, 'America/New_York')!.toISOString();
    await insertBooking(client, {
      stationId,
      chefId: chefIds[0]!,
      customerId: customer,
      startsAt,
      status: 'CANCELLED',
    });
    const held = await insertBooking(client, {
      stationId,
      chefId: chefIds[1]!,
      customerId: customer,
      startsAt,
      status: 'PENDING_PAYMENT',
    });
    expect(
      slotAt((await getAvailability({ query: { station: STATION, date } })).slots, '18:00'),
    ).toBe(1);
    await client.query(
      `UPDATE "Booking" SET "holdExpiresAt" = now() - interval '1 minute' WHERE id = $1`,
      [held],
    );
    expect(
      slotAt((await getAvailability({ query: { station: STATION, date } })).slots, '18:00'),
    ).toBe(2);
    await client.query(`UPDATE "Chef" SET active = false WHERE id = $1`, [chefIds[0]]);
    expect(
      slotAt((await getAvailability({ query: { station: STATION, date } })).slots, '18:00'),
    ).toBe(1);
  });

  it('offers nothing inside the minimum notice and refuses past dates', async () => {
    const tomorrow = await getAvailability({ query: { station: STATION, date: daysAhead(1) } });
    expect(tomorrow.slots).toEqual([]);
    const partly = await getAvailability({ query: { station: STATION, date: daysAhead(2) } });
    expect(
      partly.slots.every(
        (slot) => new Date(slot.startsAt).getTime() >= Date.now() + 48 * 3_600_000,
      ),
    ).toBe(true);
    await expect(
      getAvailability({ query: { station: STATION, date: daysAhead(-1) } }),
    ).rejects.toMatchObject({ status: 400, details: { date: expect.any(Array) } });
  });

  it('handles DST days: skipped wall times vanish, the others map to the right instants', async () => {
    await client.query(
      `UPDATE "Station" SET "serviceStartMinute" = 0, "serviceEndMinute" = 1410 WHERE id = $1`,
      [stationId],
    );
    const now = new Date('2027-02-01T12:00:00Z');
    const spring = await getAvailability({ query: { station: STATION, date: '2027-03-14' }, now });
    expect(spring.slots).toHaveLength(46); // 02:00 and 02:30 do not exist
    expect(spring.slots.map((slot) => slot.time)).not.toContain('02:00');
    expect(spring.slots.find((slot) => slot.time === '11:00')?.startsAt).toBe(
      '2027-03-14T15:00:00.000Z',
    );
    const fall = await getAvailability({ query: { station: STATION, date: '2027-11-07' }, now });
    expect(fall.slots).toHaveLength(48);
    expect(fall.slots.find((slot) => slot.time === '01:30')?.startsAt).toBe(
      '2027-11-07T05:30:00.000Z',
    );
    expect(fall.slots.find((slot) => slot.time === '11:00')?.startsAt).toBe(
      '2027-11-07T16:00:00.000Z',
    );
  });

  it('rejects bad queries with field errors', async () => {
    await expect(
      getAvailability({ query: { station: STATION, date: '2027-02-30' } }),
    ).rejects.toMatchObject({ details: { date: expect.any(Array) } });
    await expect(
      getAvailability({ query: { station: STATION, date: daysAhead(5), duration: '30' } }),
    ).rejects.toMatchObject({ details: { duration: expect.any(Array) } });
    await expect(
      getAvailability({ query: { station: 'atlantis', date: daysAhead(5) } }),
    ).rejects.toMatchObject({ details: { station: expect.any(Array) } });
  });

  it('summarises open start times per day for the date picker', async () => {
    const third = await insertChef(client, stationId, 'Chef 3');
    await client.query(`UPDATE "Chef" SET active = false WHERE id = ANY($1::uuid[])`, [
      [...chefIds, third].slice(1),
    ]);
    const date = daysAhead(10);
    const customer = await insertCustomer(client, 'allday@example.com');
    await insertBooking(client, {
      stationId,
      chefId: chefIds[0]!,
      customerId: customer,
      startsAt: localToInstant({ date, time: '11:00' }, 'America/New_York')!.toISOString(),
      durationMinutes: 480,
      bufferMinutes: 300,
    });
    const { days } = await getAvailabilityDays({
      query: { station: STATION, from: daysAhead(9), days: '3' },
    });
    expect(days.map((day) => day.date)).toEqual([daysAhead(9), daysAhead(10), daysAhead(11)]);
    expect(days[0]!.openSlots).toBe(23);
    expect(days[1]!.openSlots).toBe(0);
    expect(days.map((day) => day.status)).toEqual(['OPEN', 'FULL', 'OPEN']);
  });

  it('says TOO_SOON, not FULL, for days inside the minimum notice', async () => {
    // Noon today, 48 h notice: today and tomorrow have no start far enough ahead; the day
    // after opens at noon (12:00-22:00, 21 times); the next is wholly open.
    const now = localToInstant({ date: daysAhead(0), time: '12:00' }, 'America/New_York')!;
    const { days } = await getAvailabilityDays({
      query: { station: STATION, from: daysAhead(0), days: '4' },
      now,
    });
    expect(days.map((day) => [day.status, day.openSlots])).toEqual([
      ['TOO_SOON', 0],
      ['TOO_SOON', 0],
      ['OPEN', 21],
      ['OPEN', 23],
    ]);
  });

  it('agrees with the per-time availability on every day, with chefs busy at different hours', async () => {
    const busy = [
      { chef: 0, day: 12, time: '11:00', minutes: 240 },
      { chef: 1, day: 12, time: '14:00', minutes: 180 },
      { chef: 0, day: 12, time: '17:30', minutes: 120 },
      { chef: 1, day: 12, time: '19:00', minutes: 60 },
      { chef: 0, day: 13, time: '11:00', minutes: 480 },
      { chef: 1, day: 13, time: '16:00', minutes: 120 },
    ];
    for (const [index, { chef, day, time, minutes }] of busy.entries()) {
      await insertBooking(client, {
        stationId,
        chefId: chefIds[chef]!,
        customerId: await insertCustomer(client, `busy${index}@example.com`),
        startsAt: localToInstant({ date: daysAhead(day), time }, 'America/New_York')!.toISOString(),
        durationMinutes: minutes,
        bufferMinutes: 60,
      });
    }
    const { days } = await getAvailabilityDays({
      query: { station: STATION, from: daysAhead(12), days: '3' },
    });
    for (const day of days) {
      const { slots } = await getAvailability({ query: { station: STATION, date: day.date } });
      expect(day.openSlots, day.date).toBe(slots.filter((slot) => slot.available > 0).length);
    }
    expect(days.map((day) => day.openSlots)).not.toEqual([23, 23, 23]);
  });
});
