import { describe, expect, it } from 'vitest';
import { ZAddAdjustmentInput } from '@hibachi/core/bookings/create-booking.schema';
import { ApiError } from '@hibachi/web/fetch-json';
import {
  ADJUSTMENT_VALUES,
  adjustedText,
  adjustmentRefusal,
  adjustmentSize,
  mayAdjustPrice,
  toAdjustmentInput,
} from './adjustment-values';

const USD = { currency: 'USD', locale: 'en-US' };
const JPY = { currency: 'JPY', locale: 'ja-JP' };
const check = (body: object) => ZAddAdjustmentInput.safeParse({ ...body, version: 3 });

describe('the adjustment form', () => {
  it('sends a percent discount by default, with "%" typed or not, and no label when empty', () => {
    for (const percent of ['10', '10%', ' 10 % ']) {
      const body = toAdjustmentInput(
        { ...ADJUSTMENT_VALUES, percent, label: '  ', reason: 'Regular customer' },
        'USD',
      );
      expect(body).toEqual({ kind: 'DISCOUNT', percent: 10, reason: 'Regular customer' });
      expect(check(body).success).toBe(true);
    }
  });

  it('sends an amount in dollars as cents, and only the amount, with the label typed', () => {
    const body = toAdjustmentInput(
      {
        kind: 'SURCHARGE',
        size: 'amount',
        percent: '15',
        amountCents: '$49.50',
        label: 'Late-night service',
        reason: 'After 10 pm',
      },
      'USD',
    );
    expect(body).toEqual({
      kind: 'SURCHARGE',
      amountCents: 4_950,
      label: 'Late-night service',
      reason: 'After 10 pm',
    });
    expect(check(body).success).toBe(true);
  });

  it('sends yen as typed, without decimals', () => {
    const body = toAdjustmentInput(
      { kind: 'DISCOUNT', size: 'amount', amountCents: '5000', reason: 'Birthday' },
      'JPY',
    );
    expect(body.amountCents).toBe(5_000);
    expect(check(body).success).toBe(true);
  });

  it('leaves an empty or unreadable size for the schema to name under its field', () => {
    const empty = toAdjustmentInput({ ...ADJUSTMENT_VALUES, reason: 'Why not' }, 'USD');
    expect(empty.percent).toBeNaN();
    const refused = check(empty);
    expect(refused.success).toBe(false);
    expect(refused.error?.issues.map((issue) => issue.path.join('.'))).toContain('percent');

    const half = check(
      toAdjustmentInput({ ...ADJUSTMENT_VALUES, percent: '12.5', reason: 'x' }, 'USD'),
    );
    expect(half.error?.issues.map((issue) => issue.message)).toEqual(
      expect.arrayContaining(['Enter a whole percent', 'Say why (at least 3 characters)']),
    );
    const amount = toAdjustmentInput({ kind: 'DISCOUNT', size: 'amount', reason: 'Why' }, 'USD');
    expect(check(amount).error?.issues[0]?.path).toEqual(['amountCents']);
  });
});

describe('the adjustments list', () => {
  it('writes percents as typed and amounts in the booking currency, signed', () => {
    expect(adjustmentSize({ kind: 'DISCOUNT', percent: 10, amountCents: null }, USD)).toBe('−10%');
    expect(adjustmentSize({ kind: 'SURCHARGE', percent: null, amountCents: 5_000 }, USD)).toBe(
      '+$50',
    );
    expect(adjustmentSize({ kind: 'DISCOUNT', percent: null, amountCents: 5_000 }, JPY)).toBe(
      '−￥5,000',
    );
  });

  it('lets staff and up adjust held and confirmed bookings only', () => {
    expect(mayAdjustPrice('STAFF', 'PENDING_PAYMENT')).toBe(true);
    expect(mayAdjustPrice('MANAGER', 'CONFIRMED')).toBe(true);
    expect(mayAdjustPrice('STAFF', 'COMPLETED')).toBe(false);
    expect(mayAdjustPrice('SUPER_ADMIN', 'CANCELLED')).toBe(false);
    expect(mayAdjustPrice('CHEF', 'CONFIRMED')).toBe(false);
  });
});

describe('what the dialog and the page say', () => {
  it('says what to do after a stale screen or a price below what was paid', () => {
    const stale = new ApiError(409, 'CONFLICT', 'This booking just changed.', {
      reason: 'STALE_VERSION',
    });
    expect(adjustmentRefusal(stale)).toMatch(/has been reloaded/);
    const below = new ApiError(409, 'CONFLICT', 'That would bring the total to $0.', {
      reason: 'BELOW_PAID',
    });
    expect(adjustmentRefusal(below)).toBe(
      'That would bring the total to $0. Give a smaller discount, or refund part of the payment first.',
    );
    expect(adjustmentRefusal(new Error('Network down'))).toBe('Network down');
    expect(adjustmentRefusal(null)).toBeUndefined();
  });

  it('names the new total, and the proposal version the customer must accept when there is one', () => {
    const before = { proposalVersion: 1, kind: 'SURCHARGE' as const };
    expect(adjustedText({ totalCents: 60_000, proposalVersion: 1 }, before, USD)).toBe(
      'Surcharge added: the total is now $600.',
    );
    expect(adjustedText({ totalCents: 60_050, proposalVersion: 2 }, before, USD)).toBe(
      'Surcharge added: the total is now $600.50. The customer is e-mailed proposal version 2 to accept.',
    );
  });
});
