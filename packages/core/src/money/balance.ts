import { foodTotalCents } from './gratuity';
import { netPaidCents } from './net-paid';

type BalanceBooking = Parameters<typeof foodTotalCents>[0] & {
  payments: Parameters<typeof netPaidCents>[0];
};

/** What a booking still owes of its price, and what a gratuity is a share of. */
export function balanceOf(booking: BalanceBooking): { dueCents: number; foodCents: number } {
  return {
    dueCents: Math.max(0, booking.totalCents - netPaidCents(booking.payments)),
    foodCents: foodTotalCents(booking),
  };
}

/** Whether the balance (or a gratuity) can be paid online now: after the deposit, not after a cancellation. */
export function takesBalancePayments(booking: { status: string }): boolean {
  return booking.status === 'CONFIRMED' || booking.status === 'COMPLETED';
}
