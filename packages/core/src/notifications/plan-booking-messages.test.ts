import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import { resetStation } from '../../test/booking-fixtures';
import { capturingTransport } from '../../test/capturing-transport';
import { connect } from '../../test/database';
import { insertBooking, insertCustomer } from '../../test/factories';
import { deliverDueEmails } from './deliver-outbox';
import { planBookingMessages } from './plan-booking-messages';

const DAY = 86_400_000;
/** Two months from now (whatever the clock says), early evening in New York. */
const START = new Date(Math.ceil(Date.now() / DAY) * DAY + 60 * DAY + 22 * 3_600_000);
const newYorkDate = (at: Date) =>
  new Intl.DateTimeFormat('en-US', { timeZone: 'America/New_York', dateStyle: 'full' }).format(at);

describe('scheduled booking messages', () => {
  let client: pg.Client;
  let stationId: string;
  let chefIds: string[];

  beforeEach(async () => {
    client = await connect();
    ({ stationId, chefIds } = await resetStation(client, 3));
    return () => client.end();
  });

  /** A confirmed booking at `startsAt`, booked `bookedDaysBefore` days ahead of it. */
  let made = 0;
  async function booking(startsAt = START, bookedDaysBefore = 30, status = 'CONFIRMED') {
    const customerId = await insertCustomer(client, `planned${Math.random()}@example.com`);
    made += 1;
    const id = await insertBooking(client, {
      stationId,
      customerId,
      // (a chef each, so bookings at the same time never clash)
      chefId: chefIds[made % chefIds.length]!,
      startsAt: startsAt.toISOString(),
      status,
    });
    await client.query(`UPDATE "Booking" SET "createdAt" = $2 WHERE id = $1`, [
      id,
      new Date(startsAt.getTime() - bookedDaysBefore * DAY),
    ]);
    return id;
  }

  const queued = async (id: string) =>
    (
      await client.query<{ kind: string; payload: { startsAt: string } }>(
        `SELECT kind, payload FROM "OutboxMessage" WHERE "bookingId" = $1 ORDER BY "createdAt", kind`,
        [id],
      )
    ).rows;

  const move = (id: string, days: number) =>
    client.query(
      `UPDATE "Booking" SET "eventDate" = "eventDate" + $2::int, "startsAt" = "startsAt" + make_interval(days => $2::int),
              "endsAt" = "endsAt" + make_interval(days => $2::int),
              "blockedUntil" = "blockedUntil" + make_interval(days => $2::int), version = version + 1
        WHERE id = $1`,
      [id, days],
    );

  it('queues the reminder once when its day comes, the day-before message, and the thank-you after completion', async () => {
    const id = await booking();
    // Eight days before: nothing is due yet (the station reminds seven days ahead).
    expect(await planBookingMessages(new Date(START.getTime() - 8 * DAY))).toEqual({
      reminders: 0,
      dayBefore: 0,
      thankYou: 0,
    });
    const sevenDays = new Date(START.getTime() - 7 * DAY + 60_000);
    expect((await planBookingMessages(sevenDays)).reminders).toBe(1);
    // Planned again (another minute, another instance): still one.
    expect((await planBookingMessages(sevenDays)).reminders).toBe(0);
    expect((await planBookingMessages(new Date(sevenDays.getTime() + DAY))).reminders).toBe(0);
    expect((await planBookingMessages(new Date(START.getTime() - DAY + 60_000))).dayBefore).toBe(1);
    await client.query(`UPDATE "Booking" SET status = 'COMPLETED' WHERE id = $1`, [id]);
    expect((await planBookingMessages(new Date(START.getTime() + 2 * 3_600_000))).thankYou).toBe(0);
    expect((await planBookingMessages(new Date(START.getTime() + DAY))).thankYou).toBe(1);
    expect((await queued(id)).map((row) => row.kind)).toEqual([
      'BOOKING_REMINDER',
      'BOOKING_DAY_BEFORE',
      'BOOKING_THANK_YOU',
    ]);
  });

  it('follows a move, drops what a cancellation or a no-show makes pointless, and skips a booking made inside the window', async () => {
    const moved = await booking();
    const cancelled = await booking(new Date(START.getTime() + 3_600_000 * 3));
    const late = await booking(START, 3);
    await move(moved, 10);
    await client.query(`UPDATE "Booking" SET status = 'CANCELLED' WHERE id = $1`, [cancelled]);
    const sevenDays = new Date(START.getTime() - 7 * DAY + 60_000);
    expect(await planBookingMessages(sevenDays)).toMatchObject({ reminders: 0 });
    // Booked three days ahead: no seven-day reminder, but the day-before message.
    expect(await planBookingMessages(new Date(START.getTime() - DAY + 60_000))).toMatchObject({
      reminders: 0,
      dayBefore: 1,
    });
    expect((await queued(late)).map((row) => row.kind)).toEqual(['BOOKING_DAY_BEFORE']);
    // The moved booking is reminded seven days before its new day.
    expect(
      (await planBookingMessages(new Date(START.getTime() + 3 * DAY + 60_000))).reminders,
    ).toBe(1);
    expect((await queued(moved))[0]!.payload.startsAt).toBe(
      new Date(START.getTime() + 10 * DAY).toISOString(),
    );
    expect(await queued(cancelled)).toEqual([]);
  });

  it('skips at delivery a message queued before the booking moved or was cancelled; a station may turn each off', async () => {
    const { sent, transport } = capturingTransport();
    const id = await booking();
    const other = await booking(new Date(START.getTime() + 3_600_000 * 3));
    // Both reminders fall due (the later one three hours after the first).
    expect(
      (await planBookingMessages(new Date(START.getTime() + 3 * 3_600_000 - 7 * DAY + 60_000)))
        .reminders,
    ).toBe(2);
    await move(id, 2);
    await client.query(`UPDATE "Booking" SET status = 'NO_SHOW' WHERE id = $1`, [other]);
    expect(await deliverDueEmails({ transport })).toMatchObject({ sent: 0, skipped: 2 });
    expect(sent).toEqual([]);

    await client.query(
      `UPDATE "Station" SET "sendReminder" = false, "sendDayBefore" = false WHERE id = $1`,
      [stationId],
    );
    const third = await booking(new Date(START.getTime() + 3_600_000 * 6));
    expect(
      await planBookingMessages(new Date(START.getTime() - DAY + 3_600_000 * 6 + 60_000)),
    ).toEqual({ reminders: 0, dayBefore: 0, thankYou: 0 });
    expect(await queued(third)).toEqual([]);
  });

  it('sends the reminder with the balance and the menu deadline, through the outbox', async () => {
    const { sent, transport } = capturingTransport();
    await booking();
    await planBookingMessages(new Date(START.getTime() - 7 * DAY + 60_000));
    expect(await deliverDueEmails({ transport })).toMatchObject({ sent: 1 });
    expect(sent[0]!.subject).toMatch(/^Coming up: your hibachi chef for HB-/);
    expect(sent[0]!.text).toContain(`Your hibachi party is coming up on ${newYorkDate(START)}.`);
    // The station's 72-hour menu lock, on the event's wall clock (the factory books 18:00).
    expect(sent[0]!.text).toContain(
      `Please check your party and menu by 6:00 PM on ${newYorkDate(new Date(START.getTime() - 3 * DAY))}`,
    );
    expect(sent[0]!.text).toContain('The balance of $600 is due on the day of the event.');
    expect(sent[0]!.icalEvent).toBeUndefined();
  });
});
