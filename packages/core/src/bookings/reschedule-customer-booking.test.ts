import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  daysAhead,
  heldBooking,
  payWithSimulator,
  refusal,
  resetStation,
} from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { insertBooking, insertCustomer } from '../../test/factories';
import { localToInstant } from '../time';
import { getCustomerBooking, rescheduleCustomerBooking } from '.';

describe('rescheduleCustomerBooking', () => {
  let client: pg.Client;
  let stationId: string;
  let chefIds: string[];

  beforeEach(async () => {
    client = await connect();
    ({ stationId, chefIds } = await resetStation(client, 2));
    return () => client.end();
  });

  /** A paid booking ten days out at 18:00, as its customer sees it. */
  async function paidBooking() {
    const { reference, token } = await heldBooking();
    await payWithSimulator(reference, token);
    const booking = await getCustomerBooking({ reference, proof: { token } });
    return { reference, token, booking };
  }

  const move = (reference: string, token: string, input: Record<string, unknown>) =>
    rescheduleCustomerBooking({ reference, input: { token, ...input } });

  it('moves the booking within the policy: payments kept, counted, audited as the customer, e-mailed', async () => {
    const { reference, token, booking } = await paidBooking();
    expect(booking.reschedule).toMatchObject({ allowed: true, left: 2 });

    const moved = await move(reference, token, {
      date: daysAhead(12),
      time: '17:00',
      version: booking.version,
    });
    expect(moved).toMatchObject({
      date: daysAhead(12),
      time: '17:00',
      status: 'CONFIRMED',
      paidCents: booking.paidCents,
      totalCents: booking.totalCents,
      version: booking.version + 1,
      reschedule: { allowed: true, left: 1 },
    });
    const { rows: audit } = await client.query<{ actorType: string; before: { time: string } }>(
      `SELECT "actorType", before FROM "AuditLog" WHERE action = 'booking.rescheduled'`,
    );
    expect(audit).toEqual([expect.objectContaining({ actorType: 'CUSTOMER' })]);
    expect(audit[0]!.before.time).toBe('18:00');
    const { rows: mail } = await client.query(
      `SELECT 1 FROM "OutboxMessage" WHERE kind = 'BOOKING_RESCHEDULED'`,
    );
    expect(mail).toHaveLength(1);
  });

  it('keeps to the station’s start times and notice, and to free chefs', async () => {
    const { reference, token, booking } = await paidBooking();
    const version = booking.version;
    const offGrid = await refusal(
      move(reference, token, { date: daysAhead(12), time: '17:15', version }),
    );
    expect(offGrid.details).toMatchObject({ time: ['Choose one of the start times offered'] });
    const tooSoon = await refusal(
      move(reference, token, { date: daysAhead(1), time: '18:00', version }),
    );
    expect(tooSoon.details).toMatchObject({ date: ["Bookings need 48 hours' notice"] });

    // Both chefs busy at 13:00 twelve days out.
    for (const chefId of chefIds)
      await insertBooking(client, {
        stationId,
        customerId: await insertCustomer(client, `busy-${chefId}@example.com`),
        chefId,
        startsAt: localToInstant(
          { date: daysAhead(12), time: '13:00' },
          'America/New_York',
        )!.toISOString(),
      });
    const taken = await refusal(
      move(reference, token, { date: daysAhead(12), time: '13:00', version }),
    );
    expect(taken).toMatchObject({ status: 409, details: { reason: 'SLOT_TAKEN' } });

    const stale = await refusal(
      move(reference, token, { date: daysAhead(12), time: '17:00', version: version - 1 }),
    );
    expect(stale.details).toEqual({ reason: 'STALE_VERSION' });
    const stranger = await refusal(
      rescheduleCustomerBooking({
        reference,
        input: { email: 'someone.else@example.com', date: daysAhead(12), time: '17:00', version },
      }),
    );
    expect(stranger.status).toBe(404);
    // Nothing moved.
    expect((await getCustomerBooking({ reference, proof: { token } })).time).toBe('18:00');
  });

  it('refuses outside the policy and says whom to ask: too close to the event, or too often', async () => {
    const { reference, token, booking } = await paidBooking();
    await client.query(`UPDATE "Station" SET "rescheduleLimit" = 1 WHERE id = $1`, [stationId]);
    const once = await move(reference, token, {
      date: daysAhead(12),
      time: '17:00',
      version: booking.version,
    });
    expect(once.reschedule).toMatchObject({ allowed: false, left: 0 });
    const again = await refusal(
      move(reference, token, { date: daysAhead(13), time: '17:00', version: once.version }),
    );
    expect(again).toMatchObject({ status: 409, details: { reason: 'RESCHEDULE_LIMIT' } });
    expect(again.message).toContain('call Test Station');

    // Twelve days out, with changes closing two weeks before the event.
    await client.query(
      `UPDATE "Station" SET "rescheduleLimit" = 5, "rescheduleNoticeHours" = 336 WHERE id = $1`,
      [stationId],
    );
    const late = await getCustomerBooking({ reference, proof: { token } });
    expect(late.reschedule).toMatchObject({ allowed: false, left: 4 });
    const closed = await refusal(
      move(reference, token, { date: daysAhead(13), time: '17:00', version: once.version }),
    );
    expect(closed).toMatchObject({ status: 409, details: { reason: 'RESCHEDULE_CLOSED' } });
    expect(closed.message).toBe(
      'Online changes close 336 hours before the event. To move it now, reply to your confirmation e-mail or call Test Station.',
    );
  });
});
