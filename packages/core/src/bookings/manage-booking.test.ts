import { beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import { bookingInput, resetStation } from '../../test/booking-fixtures';
import { cancelCustomerBooking, createBooking, getCustomerBooking } from '.';
import { createManageToken, verifyManageToken } from '../links/booking-link';

async function book(email = 'owner@example.com') {
  const result = await createBooking({
    input: bookingInput({ customer: { name: 'Owner', email, phone: '+15550102000' } }),
  });
  const body = result.body as { reference: string; manageUrl: string };
  return {
    reference: body.reference,
    token: new URL(body.manageUrl, 'http://x').searchParams.get('token')!,
  };
}

describe('manage booking', () => {
  let client: pg.Client;
  let stationId: string;

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 2));
    return () => client.end();
  });

  it('shows the booking to its customer by e-mail (any case) or signed token', async () => {
    const { reference, token } = await book();
    const byEmail = await getCustomerBooking({
      reference: reference.toLowerCase(),
      proof: { email: 'OWNER@example.com' },
    });
    expect(byEmail).toMatchObject({
      reference,
      status: 'PENDING_PAYMENT',
      customer: { email: 'owner@example.com' },
      time: '18:00',
      cancellable: true,
    });
    expect((await getCustomerBooking({ reference, proof: { token } })).reference).toBe(reference);
  });

  it('answers the same 404 for a wrong e-mail, a forged token or an unknown reference', async () => {
    const { reference, token } = await book();
    for (const attempt of [
      { reference, proof: { email: 'someone-else@example.com' } },
      { reference, proof: { token: `${token.split('.')[0]}.${'A'.repeat(43)}` } },
      { reference: 'HB-ZZZZZZ', proof: { email: 'owner@example.com' } },
      { reference: 'not a ref', proof: { email: 'owner@example.com' } },
    ]) {
      await expect(getCustomerBooking(attempt)).rejects.toMatchObject({
        status: 404,
        message: 'No booking matches that reference and e-mail address.',
      });
    }
  });

  it('signs tokens per reference and lets them expire', () => {
    const token = createManageToken('HB-AAAAAA', new Date(Date.now() + 3_600_000));
    expect(verifyManageToken('HB-AAAAAA', token)).toBe(true);
    expect(verifyManageToken('HB-BBBBBB', token)).toBe(false);
    const old = createManageToken('HB-AAAAAA', new Date(Date.now() - 31 * 24 * 3_600_000));
    expect(verifyManageToken('HB-AAAAAA', old)).toBe(false);
  });

  it('cancels an unpaid booking, frees the chef, and records e-mail + audit', async () => {
    const { reference } = await book();
    const result = await cancelCustomerBooking({
      reference,
      input: { email: 'owner@example.com' },
    });
    expect(result.booking.status).toBe('CANCELLED');
    expect(result.refund).toEqual({
      amountCents: 0,
      status: 'NONE',
      reason: 'No payment was taken, so there is nothing to refund.',
    });
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM "OutboxMessage" WHERE kind = 'BOOKING_CANCELLED') AS emails,
              (SELECT count(*)::int FROM "AuditLog" WHERE action = 'booking.cancelled') AS audits`,
    );
    expect(rows[0]).toEqual({ emails: 1, audits: 1 });
    await expect(
      cancelCustomerBooking({ reference, input: { email: 'owner@example.com' } }),
    ).rejects.toMatchObject({ status: 409, details: { reason: 'BAD_STATE' } });
  });

  it('refunds a paid deposit only when cancelled before the station notice', async () => {
    const { reference } = await book();
    await client.query(`UPDATE "Booking" SET status = 'CONFIRMED' WHERE reference = $1`, [
      reference,
    ]);
    await client.query(
      `INSERT INTO "Payment" ("bookingId", "stationId", "amountCents", method, status, "updatedAt")
       SELECT id, $2, "depositCents", 'CARD', 'SUCCEEDED', now() FROM "Booking" WHERE reference = $1`,
      [reference, stationId],
    );
    const { rows } = await client.query<{ startsAt: Date }>(
      `SELECT "startsAt" FROM "Booking" WHERE reference = $1`,
      [reference],
    );
    const startsAt = rows[0]!.startsAt.getTime();
    const late = cancelCustomerBooking({
      reference,
      input: { email: 'owner@example.com' },
      now: new Date(startsAt - 47 * 3_600_000 - 59 * 60_000),
    });
    await expect(late).resolves.toMatchObject({
      refund: { amountCents: 0, status: 'NOT_ELIGIBLE' },
    });

    const other = await book('second@example.com');
    await client.query(`UPDATE "Booking" SET status = 'CONFIRMED' WHERE reference = $1`, [
      other.reference,
    ]);
    await client.query(
      `INSERT INTO "Payment" ("bookingId", "stationId", "amountCents", method, status, "updatedAt")
       SELECT id, $2, "depositCents", 'CARD', 'SUCCEEDED', now() FROM "Booking" WHERE reference = $1`,
      [other.reference, stationId],
    );
    const early = await cancelCustomerBooking({
      reference: other.reference,
      input: { token: other.token },
      now: new Date(startsAt - 48 * 3_600_000 - 60_000),
    });
    expect(early.refund).toMatchObject({ amountCents: 10000, status: 'PENDING' });
  });

  it('rejects a proof that is neither an e-mail nor a token', async () => {
    const { reference } = await book();
    await expect(
      cancelCustomerBooking({ reference, input: { email: 'owner@example.com', admin: true } }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(getCustomerBooking({ reference, proof: {} })).rejects.toMatchObject({
      status: 400,
    });
  });
});
