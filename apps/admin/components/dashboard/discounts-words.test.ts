import { describe, expect, it } from 'vitest';
import { discountsSummary, staffDiscounts } from './discounts-words';

const figures = {
  from: '2027-03-01',
  to: '2027-03-31',
  currency: 'GBP',
  locale: 'en-GB',
  currencies: ['GBP'],
  bookings: 3,
  discountCents: 12_550,
  surchargeCents: 5_000,
  byStaff: [],
};

describe('the discounts given card', () => {
  it("writes the range's totals in the figures' currency and locale", () => {
    expect(discountsSummary(figures)).toBe('£125.50 off and £50 added on 3 bookings');
    expect(discountsSummary({ ...figures, currency: 'JPY', locale: 'ja-JP', bookings: 1 })).toBe(
      '￥12,550 off and ￥5,000 added on 1 booking',
    );
  });

  it('counts and sums each staff member, a dash where they gave none', () => {
    const row = {
      staffId: null,
      name: 'Former staff',
      discounts: 2,
      discountCents: 8_000,
      surcharges: 0,
      surchargeCents: 0,
    };
    expect(staffDiscounts(row, { currency: 'USD', locale: 'en-US' })).toEqual({
      discounts: '2 discounts, $80 off',
      surcharges: '—',
    });
    expect(
      staffDiscounts({ ...row, surcharges: 1, surchargeCents: 5_050 }, figures).surcharges,
    ).toBe('1 surcharge, £50.50 added');
  });
});
