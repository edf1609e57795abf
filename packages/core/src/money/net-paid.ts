import { Prisma, type Payment } from '../generated/prisma/client';

type PaymentAmounts = Pick<Payment, 'status' | 'amountCents' | 'refundedCents'>;

/** Money kept from a booking's payments: succeeded amounts less what went back. The one rule for "paid". */
export function netPaidCents(payments: readonly PaymentAmounts[]): number {
  return payments
    .filter((payment) => payment.status === 'SUCCEEDED' || payment.status === 'PARTIALLY_REFUNDED')
    .reduce((sum, payment) => sum + payment.amountCents - payment.refundedCents, 0);
}

/** The statuses whose money counts as kept, for SQL (the same rule as netPaidCents). */
export const KEPT_PAYMENT_STATUSES = Prisma.sql`('SUCCEEDED', 'PARTIALLY_REFUNDED')`;

/** netPaidCents in SQL: a scalar subquery over the payments of the booking whose id is `bookingId`. */
export const netPaidSql = (bookingId: Prisma.Sql) => Prisma.sql`
  COALESCE((SELECT sum(np."amountCents" - np."refundedCents") FROM "Payment" np
             WHERE np."bookingId" = ${bookingId} AND np.status IN ${KEPT_PAYMENT_STATUSES}), 0)`;
