import { beforeEach, describe, expect, it } from 'vitest';
import type pg from 'pg';
import { connect } from '../../test/database';
import {
  heldBooking,
  payWithSimulator,
  refusal,
  resetStation,
  staffScope,
} from '../../test/booking-fixtures';
import { getPaymentAnalytics } from '../analytics';
import { cancelBookingAsStaff, cancelCustomerBooking, getCustomerBooking } from '../bookings';
import { addDays, todayInTimeZone } from '../time';
import { simulateCheckout, startBalanceCheckout } from '.';
import type { TGratuityChoice } from '../money/gratuity';
import { formatMoney, US_DOLLARS } from '../money/format-money';
import { deliverDueEmails } from '../notifications/deliver-outbox';
import { capturingTransport } from '../../test/capturing-transport';

/** A booking whose deposit is paid, as the customer has it after the confirmation. */
async function confirmedBooking() {
  const booking = await heldBooking();
  await payWithSimulator(booking.reference, booking.token);
  return booking;
}

async function payBalance(
  booking: { reference: string; token: string },
  input: { amountCents?: number; gratuity?: TGratuityChoice } = {},
) {
  const checkout = await startBalanceCheckout({
    reference: booking.reference,
    input: { token: booking.token, ...input },
  });
  const session = new URL(checkout.url, 'http://x').searchParams.get('session')!;
  const result = await simulateCheckout({
    input: { reference: booking.reference, token: booking.token, session, outcome: 'pay' },
  });
  return { checkout, session, result };
}

const view = (booking: { reference: string; token: string }) =>
  getCustomerBooking({ reference: booking.reference, proof: { token: booking.token } });

describe('the balance and a gratuity paid online', () => {
  let client: pg.Client;
  let stationId: string;

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 2));
    return () => client.end();
  });

  it('pays the whole balance with a 20% gratuity: balance 0, gratuity kept apart, receipt queued', async () => {
    const booking = await confirmedBooking();
    const before = await view(booking);
    expect(before.balance).toMatchObject({
      dueCents: before.totalCents - 10_000,
      foodCents: before.totalCents,
      payable: true,
      partialAllowed: false,
      gratuityPercents: [18, 20, 22],
    });
    const gratuity = Math.round(before.totalCents * 0.2);
    const { checkout, result } = await payBalance(booking, {
      gratuity: { kind: 'percent', percent: 20 },
    });
    expect(checkout).toMatchObject({
      provider: 'simulator',
      amountCents: before.balance.dueCents,
      gratuityCents: gratuity,
    });
    expect(result).toMatchObject({ outcome: 'BALANCE_PAID', duplicate: false });

    const after = await view(booking);
    expect(after.paidCents).toBe(after.totalCents);
    expect(after.balance.dueCents).toBe(0);
    expect(after.gratuityCents).toBe(gratuity);
    expect(after.version).toBe(before.version + 1);
    const { rows: payments } = await client.query(
      `SELECT p.purpose, p.status, p."amountCents", p."gratuityCents" FROM "Payment" p
         JOIN "Booking" b ON b.id = p."bookingId" WHERE b.reference = $1 ORDER BY p."createdAt"`,
      [booking.reference],
    );
    expect(payments).toEqual([
      { purpose: 'DEPOSIT', status: 'SUCCEEDED', amountCents: 10_000, gratuityCents: 0 },
      {
        purpose: 'BALANCE',
        status: 'SUCCEEDED',
        amountCents: before.balance.dueCents,
        gratuityCents: gratuity,
      },
    ]);
    const { rows: receipts } = await client.query(
      `SELECT payload FROM "OutboxMessage" WHERE kind = 'BALANCE_RECEIVED'`,
    );
    expect(receipts).toEqual([
      {
        payload: {
          amountCents: before.balance.dueCents,
          gratuityCents: gratuity,
          refundCents: 0,
          refundGratuityCents: 0,
        },
      },
    ]);
    // The balance due rollup no longer counts the event; the paid rollup never saw the gratuity.
    const { rows: due } = await client.query(
      `SELECT COALESCE(sum("dueCents"), 0)::int AS due FROM "BookingDue" WHERE "stationId" = $1`,
      [stationId],
    );
    expect(due[0].due).toBe(0);
    const { rows: paid } = await client.query(
      `SELECT sum("amountCents")::int AS amount FROM "PaymentDay" WHERE "stationId" = $1`,
      [stationId],
    );
    expect(paid[0].amount).toBe(after.totalCents);
  });

  it('records a payment once however often its completion arrives', async () => {
    const booking = await confirmedBooking();
    const { session } = await payBalance(booking, {
      gratuity: { kind: 'amount', amountCents: 5_000 },
    });
    // A second, different event for the same session (Stripe may send several).
    const again = await simulateCheckout({
      input: { reference: booking.reference, token: booking.token, session, outcome: 'pay' },
    });
    expect(again.outcome).toBe('ALREADY_RECORDED');
    const after = await view(booking);
    expect(after.paidCents).toBe(after.totalCents);
    expect(after.gratuityCents).toBe(5_000);
    const { rows } = await client.query(
      `SELECT count(*)::int AS n FROM "OutboxMessage" WHERE kind = 'BALANCE_RECEIVED'`,
    );
    expect(rows[0].n).toBe(1);
  });

  it('sends a second payment of the same balance back in full, gratuity included', async () => {
    const booking = await confirmedBooking();
    const due = (await view(booking)).balance.dueCents;
    const first = await startBalanceCheckout({
      reference: booking.reference,
      input: { token: booking.token, gratuity: { kind: 'percent', percent: 18 } },
    });
    const second = await startBalanceCheckout({
      reference: booking.reference,
      input: { token: booking.token, gratuity: { kind: 'percent', percent: 18 } },
    });
    for (const checkout of [first, second]) {
      const session = new URL(checkout.url, 'http://x').searchParams.get('session')!;
      await simulateCheckout({
        input: { reference: booking.reference, token: booking.token, session, outcome: 'pay' },
      });
    }
    const after = await view(booking);
    expect(after.paidCents).toBe(after.totalCents);
    expect(after.gratuityCents).toBe(first.gratuityCents);
    const { rows } = await client.query(
      `SELECT status, "amountCents", "refundedCents", "gratuityRefundedCents" FROM "Payment"
        WHERE purpose = 'BALANCE' ORDER BY "updatedAt"`,
    );
    expect(rows).toEqual([
      { status: 'SUCCEEDED', amountCents: due, refundedCents: 0, gratuityRefundedCents: 0 },
      {
        status: 'REFUNDED',
        amountCents: due,
        refundedCents: due,
        gratuityRefundedCents: second.gratuityCents,
      },
    ]);
    // The second receipt names what goes back: the price part and the gratuity, as recorded.
    const { sent, transport } = capturingTransport();
    await deliverDueEmails({ transport, now: new Date(Date.now() + 1_000), batchSize: 50 });
    const back = rows[1].refundedCents + rows[1].gratuityRefundedCents;
    const $ = (cents: number) => formatMoney(cents, US_DOLLARS);
    expect(sent.map((mail) => mail.text)).toContainEqual(
      expect.stringContaining(
        `We are refunding ${$(back)} to your card: the ${$(rows[1].refundedCents)} towards the price and the ${$(rows[1].gratuityRefundedCents)} gratuity. The balance had already been paid, so this second payment goes back in full.`,
      ),
    );
  });

  it('refuses more than the balance, a part unless the station allows it, and nothing at all', async () => {
    const booking = await confirmedBooking();
    const due = (await view(booking)).balance.dueCents;
    const pay = (input: Record<string, unknown>) =>
      startBalanceCheckout({
        reference: booking.reference,
        input: { token: booking.token, ...input },
      });
    expect(await refusal(pay({ amountCents: due + 1 }))).toMatchObject({
      status: 409,
      details: { reason: 'OVERPAYMENT', outstandingCents: due },
    });
    expect(await refusal(pay({ amountCents: 5_000 }))).toMatchObject({
      status: 400,
      details: { amountCents: [expect.stringContaining('whole balance')] },
    });
    expect(
      await refusal(pay({ gratuity: { kind: 'amount', amountCents: 10_000_000 } })),
    ).toMatchObject({ status: 400, details: { 'gratuity.amountCents': [expect.any(String)] } });
    for (const hostile of [
      { amountCents: -1 },
      { amountCents: 10.5 },
      { gratuity: { kind: 'percent', percent: 50 } },
      { gratuity: { kind: 'amount', amountCents: 0 } },
      { gratuity: { kind: 'tip' } },
      { gratuity: 'lots' },
    ])
      expect(await refusal(pay(hostile))).toMatchObject({ status: 400 });

    await client.query(`UPDATE "Station" SET "allowPartialBalance" = true WHERE id = $1`, [
      stationId,
    ]);
    await payBalance(booking, { amountCents: 5_000 });
    expect((await view(booking)).balance.dueCents).toBe(due - 5_000);
    await payBalance(booking, {});
    expect((await view(booking)).balance.dueCents).toBe(0);
    expect(await refusal(pay({}))).toMatchObject({
      status: 409,
      details: { reason: 'NOTHING_DUE' },
    });
    // A gratuity alone is still welcome after the balance.
    await payBalance(booking, { gratuity: { kind: 'amount', amountCents: 3_000 } });
    expect((await view(booking)).gratuityCents).toBe(3_000);
  });

  it('refuses a balance before the deposit and after a cancellation', async () => {
    const held = await heldBooking();
    expect(
      await refusal(
        startBalanceCheckout({ reference: held.reference, input: { token: held.token } }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'BAD_STATE' } });
    const booking = await confirmedBooking();
    await cancelCustomerBooking({ reference: booking.reference, input: { token: booking.token } });
    expect(
      await refusal(
        startBalanceCheckout({ reference: booking.reference, input: { token: booking.token } }),
      ),
    ).toMatchObject({ status: 409, details: { reason: 'BAD_STATE' } });
  });

  it('sends back the whole charge when the booking was cancelled while the page was open', async () => {
    const booking = await confirmedBooking();
    const checkout = await startBalanceCheckout({
      reference: booking.reference,
      input: { token: booking.token, gratuity: { kind: 'amount', amountCents: 4_000 } },
    });
    await cancelCustomerBooking({ reference: booking.reference, input: { token: booking.token } });
    const session = new URL(checkout.url, 'http://x').searchParams.get('session')!;
    const result = await simulateCheckout({
      input: { reference: booking.reference, token: booking.token, session, outcome: 'pay' },
    });
    expect(result.outcome).toBe('REFUND_OWED');
    const { rows } = await client.query(
      `SELECT status, "refundedCents", "gratuityRefundedCents" FROM "Payment" WHERE purpose = 'BALANCE'`,
    );
    expect(rows).toEqual([
      { status: 'REFUNDED', refundedCents: checkout.amountCents, gratuityRefundedCents: 4_000 },
    ]);
  });

  it('a cancellation refunds the price but not the gratuity, unless staff choose so', async () => {
    const booking = await confirmedBooking();
    await payBalance(booking, { gratuity: { kind: 'amount', amountCents: 6_000 } });
    const cancelled = await cancelCustomerBooking({
      reference: booking.reference,
      input: { token: booking.token },
    });
    expect(cancelled.refund.reason).toContain('gratuity is not part of the cancellation refund');
    expect(cancelled.booking.gratuityCents).toBe(6_000);
    const { rows } = await client.query(
      `SELECT status, "amountCents", "refundedCents", "gratuityRefundedCents" FROM "Payment"
        WHERE purpose = 'BALANCE'`,
    );
    expect(rows[0]).toMatchObject({ status: 'PARTIALLY_REFUNDED', gratuityRefundedCents: 0 });
    expect(rows[0].refundedCents).toBe(rows[0].amountCents);

    const other = await confirmedBooking();
    await payBalance(other, { gratuity: { kind: 'amount', amountCents: 7_000 } });
    const { rows: ids } = await client.query(`SELECT id FROM "Booking" WHERE reference = $1`, [
      other.reference,
    ]);
    const manager = await staffScope(client, 'MANAGER', stationId);
    const staffCancel = await cancelBookingAsStaff({
      scope: manager,
      bookingId: ids[0].id,
      input: { reason: 'Chef is ill', refund: true, refundGratuity: true },
    });
    expect(staffCancel.refund.status).toBe('REFUNDED');
    expect(staffCancel.gratuity).toEqual({ refundedCents: 7_000, keptCents: 0 });
    expect((await view(other)).gratuityCents).toBe(0);
    const { rows: after } = await client.query(
      `SELECT p.status, p."gratuityRefundedCents" FROM "Payment" p JOIN "Booking" b ON b.id = p."bookingId"
        WHERE b.reference = $1 AND p.purpose = 'BALANCE'`,
      [other.reference],
    );
    expect(after).toEqual([{ status: 'REFUNDED', gratuityRefundedCents: 7_000 }]);
  });

  it("shows each chef's gratuities over a range in the payment analytics", async () => {
    const booking = await confirmedBooking();
    await payBalance(booking, { gratuity: { kind: 'amount', amountCents: 8_000 } });
    const manager = await staffScope(client, 'MANAGER', stationId);
    const today = todayInTimeZone('America/New_York');
    const analytics = await getPaymentAnalytics({
      scope: manager,
      query: { from: addDays(today, -1), to: addDays(today, 1) },
    });
    expect(analytics.gratuity).toEqual({
      cents: 8_000,
      payments: 1,
      byChef: [
        expect.objectContaining({
          name: expect.stringMatching(/^Chef /),
          payments: 1,
          cents: 8_000,
        }),
      ],
    });
    // The price figures never include it.
    expect(analytics.grossCents).toBe((await view(booking)).totalCents);
    const before = await getPaymentAnalytics({
      scope: manager,
      query: { from: addDays(today, -30), to: addDays(today, -2) },
    });
    expect(before.gratuity).toEqual({ cents: 0, payments: 0, byChef: [] });
  });
});
