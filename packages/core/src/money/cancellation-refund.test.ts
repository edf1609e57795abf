import { describe, expect, it } from 'vitest';
import {
  cancellationHistoryWords,
  cancellationOutcomeWords,
  cancellationPreviewOf,
  cancellationRefundWords,
  splitPaid,
  type TCancellationRefund,
} from './cancellation-refund';
import type { MoneyFormat } from './format-money';

const POUNDS: MoneyFormat = { currency: 'GBP', locale: 'en-GB' };
const YEN: MoneyFormat = { currency: 'JPY', locale: 'ja-JP' };

const refunded = (overrides: Partial<TCancellationRefund>): TCancellationRefund => ({
  cancelledBy: 'STAFF',
  decision: 'REFUNDED',
  noticeHours: 48,
  depositCents: 10_000,
  balanceCents: 0,
  beyondCents: 0,
  parts: [],
  card: 'NONE',
  gratuity: { refundedCents: 0, keptCents: 0 },
  ...overrides,
});

describe('cancellation refund words', () => {
  it('splits what was paid: the deposit first, the balance up to the price, the rest beyond it', () => {
    const booking = { depositCents: 10_000, totalCents: 55_000 };
    expect(splitPaid(0, booking)).toEqual({ depositCents: 0, balanceCents: 0, beyondCents: 0 });
    expect(splitPaid(6_000, booking)).toEqual({
      depositCents: 6_000,
      balanceCents: 0,
      beyondCents: 0,
    });
    expect(splitPaid(15_000, booking)).toEqual({
      depositCents: 10_000,
      balanceCents: 5_000,
      beyondCents: 0,
    });
    expect(splitPaid(60_000, booking)).toEqual({
      depositCents: 10_000,
      balanceCents: 45_000,
      beyondCents: 5_000,
    });
  });

  it('names every part and who gives it back, in the station currency', () => {
    const refund = refunded({
      depositCents: 10_000,
      balanceCents: 45_050,
      beyondCents: 2_000,
      parts: [
        { settledBy: 'CARD_TERMINAL', amountCents: 10_000 },
        { settledBy: 'CASH', amountCents: 45_050 },
        { settledBy: 'CHECK', amountCents: 2_000 },
      ],
    });
    expect(cancellationRefundWords(refund, POUNDS)).toBe(
      'Everything you paid is refunded: your £100 deposit, £450.50 paid towards the balance and £20 paid beyond the price (£570.50 in all). ' +
        'Our staff will refund the £100 paid on our card terminal to that card. ' +
        'We will hand back the £450.50 you paid in cash. We will return the £20 you paid by check.',
    );
    expect(cancellationOutcomeWords(refund, POUNDS)).toBe(
      'Booking cancelled. Refunding the £100 deposit, £450.50 of the balance and £20 paid beyond the price (£570.50): ' +
        'refund £100 on the card terminal; hand back £450.50 paid in cash; send a check for £20.',
    );
    expect(cancellationHistoryWords(refund, POUNDS)).toBe(
      'Refunded £570.50 (deposit £100, balance £450.50, beyond the price £20)',
    );
  });

  it('writes a currency without minor units as it is', () => {
    const refund = refunded({
      depositCents: 5_000,
      balanceCents: 12_500,
      parts: [{ settledBy: 'PROVIDER', amountCents: 17_500 }],
      card: 'SENT',
    });
    expect(cancellationRefundWords(refund, YEN)).toBe(
      'Everything you paid is refunded: your ￥5,000 deposit and ￥12,500 paid towards the balance (￥17,500 in all). ￥17,500 has been refunded to your card.',
    );
  });

  it('says a refused card refund stays owed, to the customer and to staff', () => {
    const refund = refunded({
      parts: [{ settledBy: 'PROVIDER', amountCents: 10_000 }],
      card: 'FAILED',
      gratuity: { refundedCents: 2_000, keptCents: 0 },
    });
    expect(cancellationRefundWords(refund, POUNDS)).toBe(
      'Everything you paid is refunded: your £100 deposit. The £100 refund to your card could not be sent yet: it stays owed to you and we keep trying. Your £20 gratuity is owed back to your card too.',
    );
    expect(cancellationOutcomeWords(refund, POUNDS)).toBe(
      'Booking cancelled. Refunding the £100 deposit: £100 to the card could not be sent yet (owed; retried automatically). The £20 gratuity is being refunded too.',
    );
  });

  it('the manage page works out the notice and the decision from the booking as it shows it', () => {
    const booking = {
      paidCents: 15_000,
      depositCents: 10_000,
      totalCents: 50_000,
      gratuityCents: 0,
      startsAt: '2027-03-10T18:00:00.000Z',
      refundDeadline: '2027-03-07T18:00:00.000Z',
    };
    expect(cancellationPreviewOf(booking, new Date('2027-03-07T18:00:00.000Z'))).toMatchObject({
      decision: 'REFUNDED',
      noticeHours: 72,
      depositCents: 10_000,
      balanceCents: 5_000,
    });
    expect(cancellationPreviewOf(booking, new Date('2027-03-07T18:00:00.001Z')).decision).toBe(
      'KEPT',
    );
    expect(
      cancellationPreviewOf({ ...booking, paidCents: 0 }, new Date('2027-03-01T00:00:00Z'))
        .decision,
    ).toBe('NOTHING_PAID');
  });
});
