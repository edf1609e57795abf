import Stripe from 'stripe';
import { beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import { bookingInput, resetStation } from '../../test/booking-fixtures';
import { createBooking } from '../bookings';
import { getServerEnv } from '../env';
import { handleStripeWebhook } from './handle-stripe-webhook';
import { simulatorWebhookSecret } from '../money/simulator-provider';
import { deliverDueEmails } from '../notifications/deliver-outbox';
import { capturingTransport } from '../../test/capturing-transport';

let eventCounter = 0;

function signedEvent(
  type: string,
  object: Record<string, unknown>,
  id = `evt_test_${Date.now()}_${(eventCounter += 1)}`,
) {
  const rawBody = JSON.stringify({
    id,
    object: 'event',
    type,
    created: Math.floor(Date.now() / 1000),
    data: { object },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: rawBody,
    secret: simulatorWebhookSecret(getServerEnv().BOOKING_TOKEN_SECRET),
  });
  return { rawBody, signature, id };
}

function completed(
  bookingId: string,
  session = `cs_test_${(eventCounter += 1)}`,
  intent = `pi_test_${eventCounter}`,
  currency = 'usd',
) {
  return signedEvent('checkout.session.completed', {
    id: session,
    object: 'checkout.session',
    payment_status: 'paid',
    amount_total: 10000,
    currency,
    payment_intent: intent,
    metadata: { bookingId },
  });
}

describe('Stripe webhook', () => {
  let client: pg.Client;

  beforeEach(async () => {
    client = await connect();
    await resetStation(client, 1);
    await client.query('TRUNCATE "ProcessedWebhookEvent"');
    return () => client.end();
  });

  async function book(overrides: Record<string, unknown> = {}) {
    const result = await createBooking({ input: bookingInput(overrides) });
    const reference = (result.body as { reference: string }).reference;
    const { rows } = await client.query<{ id: string }>(
      'SELECT id FROM "Booking" WHERE reference = $1',
      [reference],
    );
    return rows[0]!.id;
  }

  const bookingRow = async (id: string) =>
    (
      await client.query(`SELECT status, "holdExpiresAt", "chefId" FROM "Booking" WHERE id = $1`, [
        id,
      ])
    ).rows[0];

  it('refuses a bad signature and writes nothing', async () => {
    const event = completed('00000000-0000-4000-8000-000000000000');
    await expect(
      handleStripeWebhook({ rawBody: event.rawBody, signature: 't=1,v1=deadbeef' }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      handleStripeWebhook({
        rawBody: event.rawBody.replace('10000', '1'),
        signature: event.signature,
      }),
    ).rejects.toMatchObject({ status: 400 });
    await expect(
      handleStripeWebhook({ rawBody: event.rawBody, signature: null }),
    ).rejects.toMatchObject({ status: 400 });
    const { rows } = await client.query(
      'SELECT count(*)::int AS count FROM "ProcessedWebhookEvent"',
    );
    expect(rows[0].count).toBe(0);
  });

  it('confirms a held booking and records the card payment, the e-mail and the audit row', async () => {
    const bookingId = await book();
    const result = await handleStripeWebhook(
      completed(bookingId, 'cs_test_confirm', 'pi_test_confirm'),
    );
    expect(result).toMatchObject({ duplicate: false, outcome: 'CONFIRMED' });
    expect(await bookingRow(bookingId)).toMatchObject({ status: 'CONFIRMED', holdExpiresAt: null });
    const payment = (
      await client.query(`SELECT * FROM "Payment" WHERE "bookingId" = $1`, [bookingId])
    ).rows;
    expect(payment).toHaveLength(1);
    expect(payment[0]).toMatchObject({
      amountCents: 10000,
      method: 'CARD',
      status: 'SUCCEEDED',
      providerRef: 'cs_test_confirm',
      providerPaymentIntent: 'pi_test_confirm',
    });
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM "OutboxMessage" WHERE "bookingId" = $1 AND subject LIKE 'Confirmed:%') AS emails,
              (SELECT count(*)::int FROM "AuditLog" WHERE "entityId" = $1::text AND action = 'booking.confirmed') AS audits`,
      [bookingId],
    );
    expect(rows[0]).toEqual({ emails: 1, audits: 1 });
  });

  it('processes the same event exactly once when it is delivered 5 times at once', async () => {
    const bookingId = await book();
    const event = completed(bookingId);
    const results = await Promise.all(Array.from({ length: 5 }, () => handleStripeWebhook(event)));
    expect(results.filter((result) => !result.duplicate)).toHaveLength(1);
    const { rows } = await client.query(
      `SELECT (SELECT count(*)::int FROM "Payment" WHERE "bookingId" = $1) AS payments,
              (SELECT count(*)::int FROM "AuditLog" WHERE "entityId" = $1::text AND action = 'booking.confirmed') AS audits`,
      [bookingId],
    );
    expect(rows[0]).toEqual({ payments: 1, audits: 1 });
  });

  it('defers a refund that arrives before its payment, then applies it on redelivery', async () => {
    const bookingId = await book();
    const refund = signedEvent('charge.refunded', {
      id: 'ch_test_1',
      object: 'charge',
      payment_intent: 'pi_test_early',
      amount: 10000,
      amount_refunded: 10000,
    });
    await expect(handleStripeWebhook(refund)).rejects.toMatchObject({
      status: 409,
      details: { reason: 'OUT_OF_ORDER' },
    });
    await handleStripeWebhook(completed(bookingId, 'cs_test_early', 'pi_test_early'));
    await handleStripeWebhook(refund);
    const payment = (
      await client.query(`SELECT status, "refundedCents" FROM "Payment" WHERE "bookingId" = $1`, [
        bookingId,
      ])
    ).rows[0];
    expect(payment).toEqual({ status: 'REFUNDED', refundedCents: 10000 });
  });

  it('converges when the same refund is reported twice: one update, one audit row', async () => {
    const bookingId = await book();
    await handleStripeWebhook(completed(bookingId, 'cs_test_twice', 'pi_test_twice'));
    const charge = {
      id: 'ch_test_twice',
      object: 'charge',
      payment_intent: 'pi_test_twice',
      amount: 10000,
      amount_refunded: 4000,
    };
    await handleStripeWebhook(signedEvent('charge.refunded', charge));
    await handleStripeWebhook(signedEvent('charge.refunded', charge));
    await handleStripeWebhook(signedEvent('charge.refunded', { ...charge, amount_refunded: 2000 }));
    const { rows } = await client.query(
      `SELECT p.status, p."refundedCents",
              (SELECT count(*)::int FROM "AuditLog" a WHERE a."entityId" = p.id::text AND a.action = 'payment.refunded') AS audits
         FROM "Payment" p WHERE p."bookingId" = $1`,
      [bookingId],
    );
    expect(rows).toEqual([{ status: 'PARTIALLY_REFUNDED', refundedCents: 4000, audits: 1 }]);
  });

  it('confirms a payment that arrives after the hold expired while the chef is still free', async () => {
    const bookingId = await book();
    await client.query(`UPDATE "Booking" SET status = 'EXPIRED' WHERE id = $1`, [bookingId]);
    expect((await handleStripeWebhook(completed(bookingId))).outcome).toBe('CONFIRMED');
    expect((await bookingRow(bookingId)).status).toBe('CONFIRMED');
  });

  it('refunds automatically when the hold expired and the time was taken, never double-booking', async () => {
    const bookingId = await book({ time: '18:00' });
    await client.query(
      `UPDATE "Booking" SET "holdExpiresAt" = now() - interval '1 second' WHERE id = $1`,
      [bookingId],
    );
    await createBooking({ input: bookingInput({ time: '18:00' }) }); // expires the lapsed hold, takes the only chef
    expect((await bookingRow(bookingId)).status).toBe('EXPIRED');

    expect((await handleStripeWebhook(completed(bookingId))).outcome).toBe('REFUND_OWED');
    expect((await bookingRow(bookingId)).status).toBe('EXPIRED');
    const payment = (
      await client.query(
        `SELECT status, "refundRequestedCents", "refundedCents" FROM "Payment" WHERE "bookingId" = $1`,
        [bookingId],
      )
    ).rows[0];
    expect(payment).toEqual({
      status: 'REFUNDED',
      refundRequestedCents: 10000,
      refundedCents: 10000,
    });
    const emails = await client.query(
      `SELECT count(*)::int AS count FROM "OutboxMessage" WHERE "bookingId" = $1 AND kind = 'REFUND_ISSUED'`,
      [bookingId],
    );
    expect(emails.rows[0].count).toBe(1);
  });

  it('owes the money back for a booking cancelled before the payment landed', async () => {
    const bookingId = await book();
    await client.query(`UPDATE "Booking" SET status = 'CANCELLED' WHERE id = $1`, [bookingId]);
    expect((await handleStripeWebhook(completed(bookingId))).outcome).toBe('REFUND_OWED');
  });

  it('never counts money in another currency against a booking: it is owed back', async () => {
    const id = await book();
    const result = await handleStripeWebhook(completed(id, undefined, undefined, 'eur'));
    expect(result).toMatchObject({ outcome: 'REFUND_OWED' });
    expect((await bookingRow(id)).status).toBe('PENDING_PAYMENT');
    const { rows } = await client.query<{ refundRequestedCents: number }>(
      `SELECT "refundRequestedCents" FROM "Payment" WHERE "bookingId" = $1`,
      [id],
    );
    expect(rows).toEqual([{ refundRequestedCents: 10000 }]);
    // The customer is told the amount in the currency it was charged in.
    const { sent, transport } = capturingTransport();
    await deliverDueEmails({ transport, now: new Date(Date.now() + 1_000), batchSize: 50 });
    expect(sent.find((mail) => mail.subject.startsWith('Refund for'))?.text).toContain(
      "We are refunding the €100 deposit payment to your card.\nThe payment was in EUR, not the booking's USD.",
    );
  });

  it('marks a pending card payment failed on payment_intent.payment_failed', async () => {
    const bookingId = await book();
    await client.query(
      `INSERT INTO "Payment" ("bookingId", "stationId", "amountCents", method, status, "providerRef", "updatedAt")
       SELECT id, "stationId", 10000, 'CARD', 'PENDING', 'cs_test_pending', now() FROM "Booking" WHERE id = $1`,
      [bookingId],
    );
    await handleStripeWebhook(
      signedEvent('payment_intent.payment_failed', {
        id: 'pi_test_failed',
        object: 'payment_intent',
        metadata: { bookingId },
      }),
    );
    expect(
      (await client.query(`SELECT status FROM "Payment" WHERE "providerRef" = 'cs_test_pending'`))
        .rows[0].status,
    ).toBe('FAILED');
    expect((await bookingRow(bookingId)).status).toBe('PENDING_PAYMENT');
  });
});
