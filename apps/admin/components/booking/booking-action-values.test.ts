import { describe, expect, it } from 'vitest';
import { ZRecordPaymentInput } from '@hibachi/core/payments/record-offline-payment.schema';
import { ZStaffCancelInput } from '@hibachi/core/bookings/staff-cancel.schema';
import {
  CANCEL_VALUES,
  toOutcomeInput,
  toPaymentValues,
  toRecordPaymentInput,
  toStaffCancelInput,
} from './booking-action-values';

describe('the payment dialog', () => {
  it('starts at the balance in yen, without decimals, and records it unchanged', () => {
    const values = toPaymentValues({ balanceCents: 45_000, currency: 'JPY' });
    expect(values.amountCents).toBe('45000');
    const body = toRecordPaymentInput(values, 'JPY');
    expect(body).toEqual({ amountCents: 45_000, method: 'CASH' });
    expect(ZRecordPaymentInput.safeParse(body).success).toBe(true);
  });

  it('starts at the balance in dollars with cents, and reads what was typed', () => {
    const values = toPaymentValues({ balanceCents: 8_550, currency: 'USD' });
    expect(values.amountCents).toBe('85.50');
    expect(
      toRecordPaymentInput({ amountCents: '$40', method: 'CHECK', note: 'Tip jar' }, 'USD'),
    ).toEqual({ amountCents: 4_000, method: 'CHECK', note: 'Tip jar' });
  });

  it('sends an empty or unreadable amount as NaN, which the schema refuses', () => {
    const body = toRecordPaymentInput({ amountCents: '', method: 'CASH', note: '' }, 'USD');
    expect(body.amountCents).toBeNaN();
    expect(ZRecordPaymentInput.safeParse(body).success).toBe(false);
  });
});

describe('the cancel and outcome dialogs', () => {
  it('refunds by default, keeps the gratuity unless its box is ticked', () => {
    expect(toStaffCancelInput({ ...CANCEL_VALUES, reason: 'Rain' })).toEqual({
      reason: 'Rain',
      refund: true,
      refundGratuity: false,
    });
    const kept = toStaffCancelInput({ reason: 'No-show', refund: 'no', refundGratuity: 'yes' });
    expect(kept).toEqual({ reason: 'No-show', refund: false, refundGratuity: true });
    expect(ZStaffCancelInput.safeParse(kept).success).toBe(true);
  });

  it('records completed unless no-show is chosen', () => {
    expect(toOutcomeInput({ status: 'NO_SHOW' })).toBe('NO_SHOW');
    expect(toOutcomeInput({ status: 'COMPLETED' })).toBe('COMPLETED');
  });
});
