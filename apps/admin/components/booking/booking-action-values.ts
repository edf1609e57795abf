import type { TRecordPaymentInput } from '@hibachi/core/payments/record-offline-payment.schema';
import { isTicked, toAmountText, toMinorUnits } from '@hibachi/web/form-values';

/** The payment dialog as text: the amount in major units of the booking's currency. */
export type PaymentValues = { amountCents: string; method: string; note: string };

/** Starts at the balance due, in the booking's currency ("5000" for yen, "85.50" for dollars). */
export function toPaymentValues(booking: {
  balanceCents: number;
  currency: string;
}): PaymentValues {
  return {
    amountCents: toAmountText(booking.balanceCents, booking.currency),
    method: 'CASH',
    note: '',
  };
}

/** `POST …/payments` without the version (the dialog adds the version it was opened at). */
export function toRecordPaymentInput(
  values: PaymentValues,
  currency: string,
): Omit<TRecordPaymentInput, 'version'> {
  return {
    amountCents: toMinorUnits(values.amountCents, currency),
    // Checked against the API's schema before anything is sent.
    method: values.method as TRecordPaymentInput['method'],
    ...(values.note ? { note: values.note } : {}),
  };
}

/** The cancel dialog as text: refund "yes" or "no", the gratuity box ticked or not. */
export type CancelValues = { reason: string; refund: string; refundGratuity?: string };

export const CANCEL_VALUES: CancelValues = { reason: '', refund: 'yes' };

export function toStaffCancelInput(values: CancelValues) {
  return {
    reason: values.reason,
    refund: values.refund === 'yes',
    refundGratuity: isTicked(values.refundGratuity, 'yes'),
  };
}

export type OutcomeValues = { status: string };

/** Completed unless no-show was chosen. */
export function toOutcomeInput(values: OutcomeValues): 'COMPLETED' | 'NO_SHOW' {
  return values.status === 'NO_SHOW' ? 'NO_SHOW' : 'COMPLETED';
}
