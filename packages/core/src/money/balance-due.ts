import type { BookingStatus } from '../generated/prisma/enums';

/** What the customer still owes: nothing once a booking is cancelled, expired or a no-show. */
export function balanceDue(status: BookingStatus, totalCents: number, paidCents: number): number {
  return status === 'PENDING_PAYMENT' || status === 'CONFIRMED' || status === 'COMPLETED'
    ? Math.max(0, totalCents - paidCents)
    : 0;
}
