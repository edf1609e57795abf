import { describe, expect, it } from 'vitest';
import { splitChargeRefund } from './record-refunded';

const charge = (overrides: Partial<Parameters<typeof splitChargeRefund>[0]> = {}) => ({
  amountCents: 50_000,
  refundedCents: 0,
  refundRequestedCents: 0,
  gratuityCents: 10_000,
  gratuityRefundedCents: 0,
  gratuityRefundRequestedCents: 0,
  ...overrides,
});

describe('splitting what the provider refunded of a charge between price and gratuity', () => {
  it('a charge without a gratuity: everything is price, never beyond the amount', () => {
    const deposit = charge({ gratuityCents: 0, refundRequestedCents: 50_000 });
    expect(splitChargeRefund(deposit, 20_000)).toEqual({
      refundedCents: 20_000,
      gratuityRefundedCents: 0,
    });
    expect(splitChargeRefund(deposit, 90_000)).toEqual({
      refundedCents: 50_000,
      gratuityRefundedCents: 0,
    });
  });

  it('the cancellation refund of the price leaves the gratuity alone', () => {
    expect(splitChargeRefund(charge({ refundRequestedCents: 50_000 }), 50_000)).toEqual({
      refundedCents: 50_000,
      gratuityRefundedCents: 0,
    });
  });

  it('a gratuity staff gave back first is not mistaken for price', () => {
    expect(splitChargeRefund(charge({ gratuityRefundRequestedCents: 10_000 }), 10_000)).toEqual({
      refundedCents: 0,
      gratuityRefundedCents: 10_000,
    });
  });

  it('both asked: both land; a refund made elsewhere goes to the price, then the gratuity', () => {
    const both = charge({ refundRequestedCents: 50_000, gratuityRefundRequestedCents: 10_000 });
    expect(splitChargeRefund(both, 60_000)).toEqual({
      refundedCents: 50_000,
      gratuityRefundedCents: 10_000,
    });
    expect(splitChargeRefund(charge(), 55_000)).toEqual({
      refundedCents: 50_000,
      gratuityRefundedCents: 5_000,
    });
  });

  it('never moves an amount down (a late, smaller confirmation)', () => {
    const landed = charge({ refundRequestedCents: 50_000, refundedCents: 50_000 });
    expect(splitChargeRefund(landed, 10_000)).toEqual({
      refundedCents: 50_000,
      gratuityRefundedCents: 0,
    });
  });
});
