import { describe, expect, it } from 'vitest';
import {
  toAmountCents,
  toBalanceCheckoutInput,
  toBalanceValues,
  toGratuityCents,
} from './balance-values';

const yen = {
  currency: 'JPY',
  balance: { dueCents: 45_000, foodCents: 40_000, partialAllowed: true },
};
const dollars = {
  currency: 'USD',
  balance: { dueCents: 45_050, foodCents: 40_000, partialAllowed: false },
};

describe('the balance form', () => {
  it('starts at the whole balance in yen, without decimals, and pays what is typed', () => {
    const values = toBalanceValues(yen);
    expect(values.amountCents).toBe('45000');
    expect(toAmountCents({ ...values, amountCents: '20,000' }, yen)).toBe(20_000);
    expect(toBalanceCheckoutInput({ ...values, amountCents: '20000' }, yen)).toEqual({
      amountCents: 20_000,
      gratuity: { kind: 'none' },
    });
  });

  it('reads a custom gratuity in the booking currency, and a share of the food total', () => {
    const values = toBalanceValues(yen);
    expect(
      toGratuityCents({ ...values, tip: 'custom', gratuity: { amountCents: '5000' } }, yen),
    ).toBe(5_000);
    expect(toGratuityCents({ ...values, tip: '20' }, yen)).toBe(8_000);
    expect(
      toBalanceCheckoutInput(
        { ...values, tip: 'custom', gratuity: { amountCents: '12.5' } },
        {
          ...dollars,
        },
      ),
    ).toEqual({ gratuity: { kind: 'amount', amountCents: 1_250 } });
  });

  it('pays the whole balance where a part is not allowed, and names a percent as a percent', () => {
    const values = toBalanceValues(dollars);
    expect(values.amountCents).toBe('450.50');
    expect(toAmountCents({ ...values, amountCents: '1' }, dollars)).toBe(45_050);
    expect(toBalanceCheckoutInput({ ...values, tip: '18' }, dollars)).toEqual({
      gratuity: { kind: 'percent', percent: 18 },
    });
  });
});
