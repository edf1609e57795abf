import type pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bookingInput, daysAhead, resetStation, STATION } from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { quietly, startListening } from '../../test/changes';
import { eventually } from '../../test/eventually';
import { createBooking } from '../bookings';
import { stopChangeListener } from '../db/change-listener';
import { getAvailability, getAvailabilityDays } from '.';

const date = daysAhead(12);
const freeAt = async (time: string) =>
  (await getAvailability({ query: { station: STATION, date } })).slots.find(
    (slot) => slot.time === time,
  )?.available;
const openOnDate = async () =>
  (await getAvailabilityDays({ query: { station: STATION, from: date, days: 1 } })).days[0]
    ?.openSlots;

describe('availability cache', () => {
  let client: pg.Client;
  let chefIds: string[];

  beforeAll(async () => {
    client = await connect();
    ({ chefIds } = await resetStation(client, 2));
    await startListening();
  });

  afterAll(async () => {
    await stopChangeListener();
    await client.end();
  });

  it('answers from memory until a booking anywhere changes the station', async () => {
    expect(await freeAt('18:00')).toBe(2);
    const open = await openOnDate();
    // A chef made busy without a notification is not seen: the answers come from memory.
    await quietly(client, `UPDATE "Chef" SET active = false WHERE id = $1`, [chefIds[0]]);
    expect(await freeAt('18:00')).toBe(2);
    await quietly(client, `UPDATE "Chef" SET active = true WHERE id = $1`, [chefIds[0]]);
    // A booking (any instance: the notification comes from the database) is seen at once.
    await createBooking({ input: bookingInput({ date, time: '18:00' }) });
    await eventually(async () => (await freeAt('18:00')) === 1);
    // The second booking at 18:00 fills it: the picker's cached answer drops too.
    await createBooking({ input: bookingInput({ date, time: '18:00' }) });
    await eventually(async () => (await freeAt('18:00')) === 0);
    await eventually(async () => (await openOnDate()) !== open);
  });

  it('a chef deactivated or a booking cancelled elsewhere is seen', async () => {
    await client.query(`UPDATE "Booking" SET status = 'CANCELLED' WHERE status <> 'CANCELLED'`);
    await eventually(async () => (await freeAt('18:00')) === 2);
    await client.query(`UPDATE "Chef" SET active = false WHERE id = $1`, [chefIds[1]]);
    await eventually(async () => (await freeAt('18:00')) === 1);
    await client.query(`UPDATE "Chef" SET active = true WHERE id = $1`, [chefIds[1]]);
    await eventually(async () => (await freeAt('18:00')) === 2);
  });

  it('an answer that counted an unpaid hold is kept only until the hold lapses', async () => {
    await client.query(`UPDATE "Booking" SET status = 'CANCELLED' WHERE status <> 'CANCELLED'`);
    await eventually(async () => (await freeAt('18:00')) === 2);
    await createBooking({ input: bookingInput({ date, time: '18:00' }) });
    // The hold lapses in a moment: that change notifies, and the next answer counts it.
    await client.query(
      `UPDATE "Booking" SET "holdExpiresAt" = now() + interval '1500 milliseconds'
        WHERE status = 'PENDING_PAYMENT'`,
    );
    await eventually(async () => (await freeAt('18:00')) === 1);
    // Nothing in the database changes when it lapses (no sweep runs here) and nobody is
    // notified, yet the chef is free again as soon as it has.
    await client.query(`LISTEN availability_changed`);
    const heard: string[] = [];
    const listener = (message: { channel: string }) => heard.push(message.channel);
    client.on('notification', listener);
    await eventually(async () => (await freeAt('18:00')) === 2);
    expect(heard).toEqual([]);
    client.off('notification', listener);
    await client.query(`UNLISTEN availability_changed`);
  });

  it('an edit that frees or takes no chef (notes) notifies nobody', async () => {
    await client.query(`LISTEN availability_changed`);
    const heard: string[] = [];
    client.on('notification', (message) => heard.push(message.channel));
    await client.query(`UPDATE "Booking" SET notes = 'gate code 1234'`);
    await client.query(`UPDATE "Booking" SET "holdExpiresAt" = now() + interval '1 hour'`);
    await new Promise((resolve) => setTimeout(resolve, 200));
    expect(heard).toEqual(['availability_changed']);
    await client.query(`UNLISTEN availability_changed`);
  });

  it('without a listener (stopped), every answer comes from the database', async () => {
    await stopChangeListener();
    await quietly(client, `UPDATE "Chef" SET active = false WHERE id = $1`, [chefIds[0]]);
    expect(await freeAt('18:00')).toBe(1);
  });
});
