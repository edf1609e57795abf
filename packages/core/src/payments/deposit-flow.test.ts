import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import { heldBooking, payWithSimulator, resetStation } from '../../test/booking-fixtures';
import { cancelCustomerBooking } from '../bookings';
import { processAllOwedRefunds, processOwedRefund, startDepositCheckout } from '.';
import type { PaymentProvider } from '../money/payment-provider';
import { owedRefund } from '../money/process-owed-refund';
import { createStripeClient } from '../money/stripe-client';
import { createStripeProvider } from '../money/stripe-provider';

const globalForPayments = globalThis as unknown as { hibachiPaymentProvider?: PaymentProvider };

describe('deposit payment with the local simulator', () => {
  let client: pg.Client;

  beforeEach(async () => {
    client = await connect();
    await resetStation(client, 1);
    return () => client.end();
  });

  it('opens a simulator checkout for a held booking and records a pending card payment', async () => {
    const { reference, token } = await heldBooking();
    const { url } = await startDepositCheckout({ input: { reference, token } });
    expect(url).toMatch(
      new RegExp(`^/pay/${reference}/simulator\\?session=cs_sim_[0-9a-f]{24}&token=`),
    );
    const { rows } = await client.query(
      `SELECT p.status, p.method, p."amountCents" FROM "Payment" p JOIN "Booking" b ON b.id = p."bookingId" WHERE b.reference = $1`,
      [reference],
    );
    expect(rows).toEqual([{ status: 'PENDING', method: 'CARD', amountCents: 10000 }]);
  });

  it('refuses checkout for an expired hold, a confirmed booking or a forged token', async () => {
    const { reference, token } = await heldBooking();
    await expect(
      startDepositCheckout({ input: { reference, token: `${token.slice(0, -2)}xx` } }),
    ).rejects.toMatchObject({ status: 404 });
    await client.query(
      `UPDATE "Booking" SET "holdExpiresAt" = now() - interval '1 second' WHERE reference = $1`,
      [reference],
    );
    await expect(startDepositCheckout({ input: { reference, token } })).rejects.toMatchObject({
      status: 409,
      details: { reason: 'HOLD_EXPIRED' },
    });
  });

  it('Pay confirms the booking through the signed webhook path', async () => {
    const { reference, token } = await heldBooking();
    const { result } = await payWithSimulator(reference, token);
    expect(result).toMatchObject({
      type: 'checkout.session.completed',
      outcome: 'CONFIRMED',
      duplicate: false,
    });
    const { rows } = await client.query(
      `SELECT b.status, p.status AS payment FROM "Booking" b JOIN "Payment" p ON p."bookingId" = b.id WHERE b.reference = $1`,
      [reference],
    );
    expect(rows).toEqual([{ status: 'CONFIRMED', payment: 'SUCCEEDED' }]);
    await expect(startDepositCheckout({ input: { reference, token } })).rejects.toMatchObject({
      details: { reason: 'ALREADY_PAID' },
    });
  });

  it('Decline marks the attempt failed and leaves the hold for a retry', async () => {
    const { reference, token } = await heldBooking();
    await payWithSimulator(reference, token, 'decline');
    const first = await client.query(
      `SELECT b.status, p.status AS payment FROM "Booking" b JOIN "Payment" p ON p."bookingId" = b.id WHERE b.reference = $1`,
      [reference],
    );
    expect(first.rows).toEqual([{ status: 'PENDING_PAYMENT', payment: 'FAILED' }]);
    await payWithSimulator(reference, token, 'pay');
    const { rows } = await client.query(`SELECT status FROM "Booking" WHERE reference = $1`, [
      reference,
    ]);
    expect(rows[0].status).toBe('CONFIRMED');
  });

  it('refunds a card deposit through the provider when the customer cancels in time', async () => {
    const { reference, token } = await heldBooking();
    await payWithSimulator(reference, token);
    const result = await cancelCustomerBooking({ reference, input: { token } });
    expect(result.refund).toMatchObject({ status: 'REFUNDED', amountCents: 10000 });
    expect(result.booking.status).toBe('CANCELLED');
    const { rows } = await client.query(
      `SELECT p.status, p."refundedCents" FROM "Payment" p JOIN "Booking" b ON b.id = p."bookingId" WHERE b.reference = $1`,
      [reference],
    );
    expect(rows).toEqual([{ status: 'REFUNDED', refundedCents: 10000 }]);
  });
});

describe('refunds when the provider fails', () => {
  let client: pg.Client;
  let server: http.Server;
  let replies: number[];
  let requests: number;

  beforeEach(async () => {
    client = await connect();
    await resetStation(client, 1);
    replies = [];
    requests = 0;
    server = http.createServer((request, response) => {
      requests += 1;
      request.resume();
      request.on('end', () => {
        const status = replies.shift() ?? 500;
        response.writeHead(status, { 'content-type': 'application/json' });
        response.end(
          JSON.stringify(
            status === 200
              ? { id: 're_fake_1', object: 'refund', status: 'succeeded' }
              : { error: { type: 'api_error', message: 'Stripe is down' } },
          ),
        );
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  });

  /** From here on, the payment provider is real Stripe SDK calls to the fake server above. */
  function useFakeStripe() {
    const { port } = server.address() as AddressInfo;
    globalForPayments.hibachiPaymentProvider = createStripeProvider(
      createStripeClient('sk_test_fake', `http://127.0.0.1:${port}`),
      'whsec_fake',
    );
  }

  afterEach(async () => {
    globalForPayments.hibachiPaymentProvider = undefined;
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await client.end();
  });

  it('a Stripe outage at checkout answers 503 and records nothing', async () => {
    const { reference, token } = await heldBooking();
    useFakeStripe();
    await expect(startDepositCheckout({ input: { reference, token } })).rejects.toMatchObject({
      status: 503,
      details: { reason: 'PROVIDER_UNAVAILABLE' },
    });
    const { rows } = await client.query(
      `SELECT count(*)::int AS count FROM "Payment" p JOIN "Booking" b ON b.id = p."bookingId" WHERE b.reference = $1`,
      [reference],
    );
    expect(rows[0].count).toBe(0);
    const status = await client.query(`SELECT status FROM "Booking" WHERE reference = $1`, [
      reference,
    ]);
    expect(status.rows[0].status).toBe('PENDING_PAYMENT');
  });

  it('keeps the booking cancelled and the refund owed and visible, backs off, then one sweep completes it', async () => {
    const { reference, token } = await heldBooking();
    await payWithSimulator(reference, token);
    useFakeStripe();

    const result = await cancelCustomerBooking({ reference, input: { token } });
    expect(result.booking.status).toBe('CANCELLED');
    expect(result.refund.status).toBe('PENDING');
    const owed = await client.query(
      `SELECT p.id, p."refundRequestedCents", p."refundedCents", p."lastRefundError", p."refundAttempts", p."nextRefundAttemptAt" FROM "Payment" p JOIN "Booking" b ON b.id = p."bookingId" WHERE b.reference = $1`,
      [reference],
    );
    expect(owed.rows[0]).toMatchObject({
      refundRequestedCents: 10000,
      refundedCents: 0,
      refundAttempts: 1,
    });
    expect(owed.rows[0].lastRefundError).toContain('payment provider');
    const retryAt = (owed.rows[0].nextRefundAttemptAt as Date).getTime() - Date.now();
    expect(retryAt).toBeGreaterThan(50_000);
    expect(retryAt).toBeLessThanOrEqual(60_000);

    // Not due yet: the sweep leaves it alone and Stripe hears nothing.
    const before = requests;
    expect(await processAllOwedRefunds()).toBe(0);
    expect(requests).toBe(before);

    // Due: two instances sweeping at once send it once.
    replies.push(200);
    const later = new Date(Date.now() + 61_000);
    const swept = await Promise.all([processAllOwedRefunds(later), processAllOwedRefunds(later)]);
    expect(swept[0] + swept[1]).toBe(1);
    expect(requests).toBe(before + 1);
    const done = await client.query(
      `SELECT status, "refundedCents", "lastRefundError", "refundAttempts", "nextRefundAttemptAt" FROM "Payment" WHERE id = $1`,
      [owed.rows[0].id],
    );
    expect(done.rows[0]).toEqual({
      status: 'REFUNDED',
      refundedCents: 10000,
      lastRefundError: null,
      refundAttempts: 0,
      nextRefundAttemptAt: null,
    });
    expect((await processOwedRefund(owed.rows[0].id)).status).toBe('NOTHING_OWED');
  });

  it('the sweep keeps off a refund just decided (its sender is about to send it) and takes over after the lease', async () => {
    const { reference, token } = await heldBooking();
    await payWithSimulator(reference, token);
    useFakeStripe();
    const decidedAt = new Date();
    const owed = owedRefund(10_000, decidedAt);
    await client.query(
      `UPDATE "Payment" SET "refundRequestedCents" = $1, "nextRefundAttemptAt" = $2
        WHERE "bookingId" = (SELECT id FROM "Booking" WHERE reference = $3)`,
      [owed.refundRequestedCents, owed.nextRefundAttemptAt, reference],
    );

    expect(await processAllOwedRefunds(new Date(decidedAt.getTime() + 60_000))).toBe(0);
    expect(requests).toBe(0);

    replies.push(200);
    expect(await processAllOwedRefunds(new Date(decidedAt.getTime() + 5 * 60_000))).toBe(1);
    expect(requests).toBe(1);
  });
});
