import type { Payment } from '../generated/prisma/client';

type PaymentAmounts = Pick<Payment, 'status' | 'amountCents' | 'refundedCents'>;

/** Money kept from a booking's payments: succeeded amounts less what went back. The one rule for "paid". */
export function netPaidCents(payments: readonly PaymentAmounts[]): number {
  return payments
    .filter((payment) => payment.status === 'SUCCEEDED' || payment.status === 'PARTIALLY_REFUNDED')
    .reduce((sum, payment) => sum + payment.amountCents - payment.refundedCents, 0);
}
