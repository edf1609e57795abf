import type pg from 'pg';
import { beforeEach, describe, expect, it } from 'vitest';
import {
  heldBooking,
  payWithSimulator,
  refusal,
  resetStation,
  staffScope,
} from '../../test/booking-fixtures';
import { connect } from '../../test/database';
import { getPaymentAnalytics } from '../analytics';
import type { StaffScope } from '../auth/staff-scope';
import { cancelBookingAsStaff, cancelCustomerBooking, getStaffBooking } from '../bookings';
import { recordOfflinePayment, settleOwedRefund } from '../payments';
import { addDays, todayInTimeZone } from '../time';
import { cancellationRefundWords, ZCancellationRefund } from './cancellation-refund';
import { US_DOLLARS } from './format-money';

/**
 * Every refund a cancellation promises is sent through the provider or recorded as owed, with
 * who must give it back, until a person marks it settled: card payments taken on a terminal
 * (no provider reference), cash and checks, for customer and staff cancellations.
 */
describe('refunds owed', () => {
  let client: pg.Client;
  let stationId: string;
  let manager: StaffScope;

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 2));
    manager = await staffScope(client, 'MANAGER', stationId);
    return () => client.end();
  });

  const bookingId = async (reference: string) =>
    (
      await client.query<{ id: string }>('SELECT id FROM "Booking" WHERE reference = $1', [
        reference,
      ])
    ).rows[0]!.id;

  const payments = async (id: string) =>
    (
      await client.query<{
        id: string;
        method: string;
        status: string;
        amountCents: number;
        refundedCents: number;
        refundRequestedCents: number;
      }>(
        `SELECT id, method, status, "amountCents", "refundedCents", "refundRequestedCents"
           FROM "Payment" WHERE "bookingId" = $1 ORDER BY "createdAt"`,
        [id],
      )
    ).rows;

  /** A booking paid by hand: the deposit on a card terminal, then cash and a check. */
  async function paidByHand() {
    const { reference, token } = await heldBooking();
    const id = await bookingId(reference);
    for (const [method, amountCents] of [
      ['CARD', 10_000],
      ['CASH', 5_000],
      ['CHECK', 2_000],
    ] as const)
      await recordOfflinePayment({ scope: manager, bookingId: id, input: { amountCents, method } });
    return { reference, token, id };
  }

  const owedList = async () => {
    const today = todayInTimeZone('UTC');
    const figures = await getPaymentAnalytics({
      scope: manager,
      query: { from: addDays(today, -30), to: addDays(today, 30) },
    });
    return figures.refundsOwed;
  };

  it('a customer cancelling in time is told who gives each part back, and each part stays owed until settled', async () => {
    const booking = await paidByHand();
    const result = await cancelCustomerBooking({
      reference: booking.reference,
      input: { token: booking.token },
    });

    expect(result.refund).toMatchObject({ amountCents: 17_000, status: 'PENDING' });
    expect(result.refundParts).toEqual([
      { settledBy: 'CARD_TERMINAL', amountCents: 10_000 },
      { settledBy: 'CASH', amountCents: 5_000 },
      { settledBy: 'CHECK', amountCents: 2_000 },
    ]);
    expect(result.refund.reason).toBe(
      'You cancelled at least 48 hours before the event, so everything you paid is refunded: ' +
        'your $100 deposit and $70 paid towards the balance ($170 in all). ' +
        'Our staff will refund the $100 paid on our card terminal to that card. ' +
        'We will hand back the $50 you paid in cash. We will return the $20 you paid by check.',
    );
    const stored = await payments(booking.id);
    expect(stored.map((payment) => payment.refundRequestedCents)).toEqual([10_000, 5_000, 2_000]);
    expect(stored.every((payment) => payment.refundedCents === 0)).toBe(true);

    // Visible to staff: on the booking, and in the dashboard's refunds owed with who must act.
    const detail = await getStaffBooking({ scope: manager, bookingId: booking.id });
    expect(detail.refundsOwedCents).toBe(17_000);
    expect(detail.payments.map((payment) => payment.refundSettledBy)).toEqual([
      'CARD_TERMINAL',
      'CASH',
      'CHECK',
    ]);
    expect(detail.actions.settleRefunds).toBe(true);
    const owed = await owedList();
    expect(owed).toMatchObject({ count: 3, cents: 17_000 });
    expect(owed.items.map((item) => item.settledBy).sort()).toEqual([
      'CARD_TERMINAL',
      'CASH',
      'CHECK',
    ]);

    // A person hands each back and says so: refunded, audited, gone from the list.
    const staff = await staffScope(client, 'STAFF', stationId);
    expect(
      (await refusal(settleOwedRefund({ scope: staff, paymentId: stored[1]!.id, input: {} })))
        .status,
    ).toBe(403);
    for (const payment of stored) {
      const settled = await settleOwedRefund({
        scope: manager,
        paymentId: payment.id,
        input: { note: 'Handed back at the office' },
      });
      expect(settled).toMatchObject({
        settledCents: payment.amountCents,
        refundedCents: payment.amountCents,
        status: 'REFUNDED',
      });
    }
    expect(await owedList()).toMatchObject({ count: 0, cents: 0 });
    expect(
      (await payments(booking.id)).map((payment) => [payment.status, payment.refundedCents]),
    ).toEqual([
      ['REFUNDED', 10_000],
      ['REFUNDED', 5_000],
      ['REFUNDED', 2_000],
    ]);
    const { rows: audit } = await client.query<{ actorId: string; after: { note: string } }>(
      `SELECT "actorId", after FROM "AuditLog" WHERE action = 'payment.refund_settled'`,
    );
    expect(audit).toHaveLength(3);
    expect(audit[0]).toMatchObject({
      actorId: manager.staffId,
      after: { note: 'Handed back at the office' },
    });

    // Settling twice finds nothing owed.
    expect(
      (await refusal(settleOwedRefund({ scope: manager, paymentId: stored[0]!.id, input: {} })))
        .details,
    ).toMatchObject({ reason: 'NOTHING_OWED' });
  });

  it('a staff cancellation with refund sends the card deposit at once and records the cash as owed', async () => {
    const { reference, token } = await heldBooking();
    await payWithSimulator(reference, token);
    const id = await bookingId(reference);
    await recordOfflinePayment({
      scope: manager,
      bookingId: id,
      input: { amountCents: 5_000, method: 'CASH' },
    });
    const result = await cancelBookingAsStaff({
      scope: manager,
      bookingId: id,
      input: { reason: 'Storm warning', refund: true },
    });
    expect(result.refund).toMatchObject({
      cardCents: 10_000,
      offlineCents: 5_000,
      status: 'PENDING',
    });
    expect(result.refundParts).toEqual([
      { settledBy: 'PROVIDER', amountCents: 10_000 },
      { settledBy: 'CASH', amountCents: 5_000 },
    ]);
    const [card, cash] = await payments(id);
    expect(card).toMatchObject({ status: 'REFUNDED', refundedCents: 10_000 });
    expect(cash).toMatchObject({ refundRequestedCents: 5_000, refundedCents: 0 });
    const { rows: email } = await client.query<{ payload: { cancellation: unknown } }>(
      `SELECT payload FROM "OutboxMessage" WHERE kind = 'BOOKING_CANCELLED' AND "bookingId" = $1`,
      [id],
    );
    expect(
      cancellationRefundWords(
        ZCancellationRefund.parse(email[0]!.payload.cancellation),
        US_DOLLARS,
      ),
    ).toBe(
      'Everything you paid is refunded: your $100 deposit and $50 paid towards the balance ' +
        '($150 in all). $100 will be refunded to your card. We will hand back the $50 you paid in cash.',
    );
    expect((await owedList()).items).toEqual([
      expect.objectContaining({ paymentId: cash!.id, settledBy: 'CASH', owedCents: 5_000 }),
    ]);
  });

  it('a customer cancelling a card and cash booking gets the card refund at once, not at the next sweep', async () => {
    const { reference, token } = await heldBooking();
    await payWithSimulator(reference, token);
    const id = await bookingId(reference);
    await recordOfflinePayment({
      scope: manager,
      bookingId: id,
      input: { amountCents: 3_000, method: 'CASH' },
    });
    const result = await cancelCustomerBooking({ reference, input: { token } });
    expect(result.refund.status).toBe('PENDING');
    const [card, cash] = await payments(id);
    expect(card).toMatchObject({ status: 'REFUNDED', refundedCents: 10_000 });
    expect(cash).toMatchObject({ refundRequestedCents: 3_000, refundedCents: 0 });
  });

  it('a refund the provider sends is never settled by hand', async () => {
    const { reference, token } = await heldBooking();
    await payWithSimulator(reference, token);
    const id = await bookingId(reference);
    const [card] = await payments(id);
    // As if the provider refund had failed and waits for its retry.
    await client.query(
      `UPDATE "Payment" SET "refundRequestedCents" = "amountCents" WHERE id = $1`,
      [card!.id],
    );
    expect(
      (await refusal(settleOwedRefund({ scope: manager, paymentId: card!.id, input: {} }))).details,
    ).toMatchObject({ reason: 'SENT_BY_PROVIDER' });
    expect(
      (
        await refusal(
          settleOwedRefund({
            scope: manager,
            paymentId: card!.id,
            input: { note: 'x', extra: true },
          }),
        )
      ).status,
    ).toBe(400);
  });
});
