import type pg from 'pg';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import {
  heldBooking,
  payWithSimulator,
  resetStation,
  staffScope,
} from '../../test/booking-fixtures';
import { capturingTransport } from '../../test/capturing-transport';
import { connect } from '../../test/database';
import type { StaffScope } from '../auth/staff-scope';
import {
  cancellationOutcomeWords,
  cancellationPreviewOf,
  cancellationPreviewWords,
} from '../money/cancellation-refund';
import { formatMoney, US_DOLLARS } from '../money/format-money';
import { getPaymentProvider } from '../money/get-payment-provider';
import { deliverDueEmails } from '../notifications/deliver-outbox';
import { simulateCheckout, startBalanceCheckout } from '../payments';
import { cancelBookingAsStaff, cancelCustomerBooking, getCustomerBooking } from '.';

const $ = (cents: number) => formatMoney(cents, US_DOLLARS);
const HOUR = 3_600_000;

/**
 * Every message about a cancellation's money names what was paid (the deposit, the balance),
 * whether it is refunded or kept, how it goes back and whether it has yet, and the gratuity,
 * with the amounts the database recorded: the customer's answer and e-mail, the manage page's
 * warning before cancelling, and the staff's outcome line.
 */
describe('the words about a cancellation refund', () => {
  let client: pg.Client;
  let stationId: string;
  let manager: StaffScope;

  beforeEach(async () => {
    client = await connect();
    ({ stationId } = await resetStation(client, 2));
    manager = await staffScope(client, 'MANAGER', stationId);
  });
  afterEach(async () => {
    vi.restoreAllMocks();
    await client.end();
  });

  /** Held, the deposit paid online, and optionally the balance and a gratuity. */
  async function paidBooking(options: { balance?: boolean; gratuityCents?: number } = {}) {
    const booking = await heldBooking();
    await payWithSimulator(booking.reference, booking.token);
    if (options.balance) {
      const checkout = await startBalanceCheckout({
        reference: booking.reference,
        input: {
          token: booking.token,
          gratuity: options.gratuityCents
            ? { kind: 'amount', amountCents: options.gratuityCents }
            : { kind: 'none' },
        },
      });
      const session = new URL(checkout.url, 'http://x').searchParams.get('session')!;
      await simulateCheckout({
        input: { reference: booking.reference, token: booking.token, session, outcome: 'pay' },
      });
    }
    const { rows } = await client.query<{ id: string; startsAt: Date }>(
      'SELECT id, "startsAt" FROM "Booking" WHERE reference = $1',
      [booking.reference],
    );
    return { ...booking, ...rows[0]! };
  }

  /** The booking's money as the database holds it, per part: paid, asked back, gone back. */
  async function recorded(reference: string) {
    const { rows } = await client.query<{
      purpose: 'DEPOSIT' | 'BALANCE';
      amountCents: number;
      refundRequestedCents: number;
      refundedCents: number;
      gratuityCents: number;
      gratuityRefundRequestedCents: number;
      gratuityRefundedCents: number;
      lastRefundError: string | null;
    }>(
      `SELECT p.purpose, p."amountCents", p."refundRequestedCents", p."refundedCents",
              p."gratuityCents", p."gratuityRefundRequestedCents", p."gratuityRefundedCents",
              p."lastRefundError"
         FROM "Payment" p JOIN "Booking" b ON b.id = p."bookingId"
        WHERE b.reference = $1 AND p.status <> 'PENDING'`,
      [reference],
    );
    const sum = (purpose: string | undefined, pick: (row: (typeof rows)[number]) => number) =>
      rows
        .filter((row) => !purpose || row.purpose === purpose)
        .reduce((total, row) => total + pick(row), 0);
    return {
      rows,
      deposit: {
        paid: sum('DEPOSIT', (row) => row.amountCents),
        asked: sum('DEPOSIT', (row) => row.refundRequestedCents),
        back: sum('DEPOSIT', (row) => row.refundedCents),
      },
      balance: {
        paid: sum('BALANCE', (row) => row.amountCents),
        asked: sum('BALANCE', (row) => row.refundRequestedCents),
        back: sum('BALANCE', (row) => row.refundedCents),
      },
      gratuity: {
        paid: sum(undefined, (row) => row.gratuityCents),
        asked: sum(undefined, (row) => row.gratuityRefundRequestedCents),
        back: sum(undefined, (row) => row.gratuityRefundedCents),
      },
    };
  }

  /** The cancellation e-mail's sentence about the money, as delivered. */
  async function emailWords(reference: string): Promise<string> {
    const { sent, transport } = capturingTransport();
    await deliverDueEmails({ transport, now: new Date(Date.now() + 1_000), batchSize: 50 });
    const mail = sent.find(
      (one) => one.subject === `Your hibachi booking ${reference} is cancelled`,
    );
    expect(mail, 'the cancellation e-mail').toBeDefined();
    return /^Your booking is cancelled\.\n(.+)$/m.exec(mail!.text)?.[1] ?? '';
  }

  const preview = async (booking: { reference: string; token: string }, now = new Date()) =>
    cancellationPreviewWords(
      cancellationPreviewOf(
        await getCustomerBooking({ reference: booking.reference, proof: { token: booking.token } }),
        now,
      ),
      US_DOLLARS,
    );

  it('nothing paid: nothing to refund', async () => {
    const booking = await heldBooking();
    expect(await preview(booking)).toBe(
      'No payment was taken, so nothing will be charged or refunded.',
    );
    const result = await cancelCustomerBooking({
      reference: booking.reference,
      input: { token: booking.token },
    });
    expect(result.refund.reason).toBe('No payment was taken, so there is nothing to refund.');
    expect(await emailWords(booking.reference)).toBe(result.refund.reason);
    expect((await recorded(booking.reference)).rows).toEqual([]);
  });

  it('the deposit only, cancelled in time: the deposit goes back to the card', async () => {
    const booking = await paidBooking();
    const result = await cancelCustomerBooking({
      reference: booking.reference,
      input: { token: booking.token },
    });
    const money = await recorded(booking.reference);
    expect(money.deposit).toEqual({ paid: 10_000, asked: 10_000, back: 10_000 });
    const deposit = $(money.deposit.back);
    expect(result.refund).toMatchObject({ status: 'REFUNDED', amountCents: money.deposit.back });
    expect(result.refund.reason).toBe(
      `You cancelled at least 48 hours before the event, so everything you paid is refunded: your ${deposit} deposit. ${deposit} has been refunded to your card.`,
    );
    // Written before the refund is sent: it will be.
    expect(await emailWords(booking.reference)).toBe(
      `You cancelled at least 48 hours before the event, so everything you paid is refunded: your ${deposit} deposit. ${deposit} will be refunded to your card.`,
    );
  });

  it('the deposit and the balance, cancelled in time: both named, the gratuity kept for the chef', async () => {
    const booking = await paidBooking({ balance: true, gratuityCents: 6_000 });
    expect(await preview(booking)).toBe(
      'You are cancelling at least 48 hours before the event, so everything you paid will be refunded: your $100 deposit and $400 paid towards the balance ($500 in all). The $60 gratuity is not part of the refund: it stays with your chef.',
    );
    const result = await cancelCustomerBooking({
      reference: booking.reference,
      input: { token: booking.token },
    });

    const money = await recorded(booking.reference);
    expect(money.deposit.back).toBe(money.deposit.paid);
    expect(money.balance.back).toBe(money.balance.paid);
    expect(money.gratuity).toEqual({ paid: 6_000, asked: 0, back: 0 });
    const [deposit, balance, all, gratuity] = [
      money.deposit.back,
      money.balance.back,
      money.deposit.back + money.balance.back,
      money.gratuity.paid,
    ].map($);
    expect(result.refund.amountCents).toBe(money.deposit.back + money.balance.back);
    const lead = `You cancelled at least 48 hours before the event, so everything you paid is refunded: your ${deposit} deposit and ${balance} paid towards the balance (${all} in all).`;
    const tip = `The ${gratuity} gratuity is not part of the cancellation refund: it stays with your chef. Reply to our e-mail if you would like it back.`;
    expect(result.refund.reason).toBe(`${lead} ${all} has been refunded to your card. ${tip}`);
    expect(result.refund.reason).not.toContain(`${all} deposit`);
    expect(await emailWords(booking.reference)).toBe(
      `${lead} ${all} will be refunded to your card. ${tip}`,
    );
  });

  it('cancelled inside the notice: what was paid is kept, each part named, the gratuity too', async () => {
    const booking = await paidBooking({ balance: true, gratuityCents: 5_000 });
    const late = new Date(booking.startsAt.getTime() - 47 * HOUR);
    expect(await preview(booking, late)).toBe(
      'It is less than 48 hours before the event, so what you paid is kept, per our policy: your $100 deposit and $400 paid towards the balance ($500 in all). The $50 gratuity is not part of the refund: it stays with your chef.',
    );
    const result = await cancelCustomerBooking({
      reference: booking.reference,
      input: { token: booking.token },
      now: late,
    });

    const money = await recorded(booking.reference);
    expect([money.deposit.asked, money.balance.asked]).toEqual([0, 0]);
    expect(money.gratuity).toEqual({ paid: 5_000, asked: 0, back: 0 });
    const words = `You cancelled less than 48 hours before the event, so what you paid is kept, per our policy: your ${$(money.deposit.paid)} deposit and ${$(money.balance.paid)} paid towards the balance (${$(money.deposit.paid + money.balance.paid)} in all). The ${$(money.gratuity.paid)} gratuity stays with your chef. Reply to our e-mail if you would like it back.`;
    expect(result.refund).toEqual({ amountCents: 0, status: 'NOT_ELIGIBLE', reason: words });
    expect(await emailWords(booking.reference)).toBe(words);
  });

  it('a card refund the provider refuses for now: owed, and said so', async () => {
    const booking = await paidBooking();
    vi.spyOn(getPaymentProvider(), 'refund').mockRejectedValueOnce(new Error('card network down'));
    const result = await cancelCustomerBooking({
      reference: booking.reference,
      input: { token: booking.token },
    });

    const money = await recorded(booking.reference);
    expect(money.deposit).toEqual({ paid: 10_000, asked: 10_000, back: 0 });
    expect(money.rows[0]!.lastRefundError).toBe('card network down');
    expect(result.refund.status).toBe('PENDING');
    expect(result.refund.reason).toBe(
      `You cancelled at least 48 hours before the event, so everything you paid is refunded: your ${$(money.deposit.asked)} deposit. The ${$(money.deposit.asked)} refund to your card could not be sent yet: it stays owed to you and we keep trying.`,
    );
  });

  it('staff refund everything, the gratuity too: the customer and staff are told each part', async () => {
    const booking = await paidBooking({ balance: true, gratuityCents: 7_000 });
    const result = await cancelBookingAsStaff({
      scope: manager,
      bookingId: booking.id,
      input: { reason: 'Chef is ill', refund: true, refundGratuity: true },
    });

    const money = await recorded(booking.reference);
    expect(money.gratuity).toEqual({ paid: 7_000, asked: 7_000, back: 7_000 });
    const [deposit, balance, all, gratuity] = [
      money.deposit.back,
      money.balance.back,
      money.deposit.back + money.balance.back,
      money.gratuity.back,
    ].map($);
    expect(await emailWords(booking.reference)).toBe(
      `Everything you paid is refunded: your ${deposit} deposit and ${balance} paid towards the balance (${all} in all). ${all} will be refunded to your card. Your ${gratuity} gratuity will be refunded to your card too.`,
    );
    expect(cancellationOutcomeWords(result.cancellation, US_DOLLARS)).toBe(
      `Booking cancelled. Refunding the ${deposit} deposit and ${balance} of the balance (${all}): ${all} refunded to the card. The ${gratuity} gratuity was refunded too.`,
    );
  });

  it('staff refund the price and leave the gratuity with the chef', async () => {
    const booking = await paidBooking({ balance: true, gratuityCents: 6_000 });
    const result = await cancelBookingAsStaff({
      scope: manager,
      bookingId: booking.id,
      input: { reason: 'Venue flooded', refund: true },
    });

    const money = await recorded(booking.reference);
    expect(money.gratuity).toEqual({ paid: 6_000, asked: 0, back: 0 });
    const all = $(money.deposit.back + money.balance.back);
    expect(await emailWords(booking.reference)).toBe(
      `Everything you paid is refunded: your ${$(money.deposit.back)} deposit and ${$(money.balance.back)} paid towards the balance (${all} in all). ${all} will be refunded to your card. The ${$(money.gratuity.paid)} gratuity stays with your chef.`,
    );
    expect(cancellationOutcomeWords(result.cancellation, US_DOLLARS)).toBe(
      `Booking cancelled. Refunding the ${$(money.deposit.back)} deposit and ${$(money.balance.back)} of the balance (${all}): ${all} refunded to the card. The ${$(money.gratuity.paid)} gratuity stays with the chef.`,
    );
  });

  it('staff keep the price but give the gratuity back', async () => {
    const booking = await paidBooking({ balance: true, gratuityCents: 4_000 });
    const result = await cancelBookingAsStaff({
      scope: manager,
      bookingId: booking.id,
      input: { reason: 'Customer no-show', refund: false, refundGratuity: true },
    });

    const money = await recorded(booking.reference);
    expect([money.deposit.asked, money.balance.asked]).toEqual([0, 0]);
    expect(money.gratuity).toEqual({ paid: 4_000, asked: 4_000, back: 4_000 });
    const kept = `${$(money.deposit.paid)} deposit and ${$(money.balance.paid)}`;
    const all = $(money.deposit.paid + money.balance.paid);
    expect(await emailWords(booking.reference)).toBe(
      `What you paid is not refunded: your ${kept} paid towards the balance (${all} in all). Your ${$(money.gratuity.back)} gratuity will be refunded to your card.`,
    );
    expect(cancellationOutcomeWords(result.cancellation, US_DOLLARS)).toBe(
      `Booking cancelled. Kept the ${kept} of the balance (${all}): no refund. The ${$(money.gratuity.back)} gratuity was refunded.`,
    );
  });

  it('staff keep the money: nothing asked back, and the customer is told what is kept', async () => {
    const booking = await paidBooking();
    const result = await cancelBookingAsStaff({
      scope: manager,
      bookingId: booking.id,
      input: { reason: 'No-show at the door, per policy', refund: false },
    });

    const money = await recorded(booking.reference);
    expect(money.deposit).toEqual({ paid: 10_000, asked: 0, back: 0 });
    expect(await emailWords(booking.reference)).toBe(
      `What you paid is not refunded: your ${$(money.deposit.paid)} deposit.`,
    );
    expect(cancellationOutcomeWords(result.cancellation, US_DOLLARS)).toBe(
      `Booking cancelled. Kept the ${$(money.deposit.paid)} deposit: no refund.`,
    );
  });
});
