import { requireInScope } from '../auth/require-in-scope';
import type { StaffScope } from '../auth/staff-scope';
import type { Booking, Prisma } from '../generated/prisma/client';
import { bookingInclude, type BookingWithRelations } from './booking-record';

type Tx = Pick<Prisma.TransactionClient, 'booking'>;

/**
 * A booking the caller's station owns, or 404 (malformed, missing and another station's id
 * alike); with `bookingInclude`, its customer, payments, menu lines, adjustments and acceptances too.
 */
export function requireStaffBooking(tx: Tx, scope: StaffScope, bookingId: string): Promise<Booking>;
export function requireStaffBooking(
  tx: Tx,
  scope: StaffScope,
  bookingId: string,
  include: typeof bookingInclude,
): Promise<BookingWithRelations>;
export function requireStaffBooking(
  tx: Tx,
  scope: StaffScope,
  bookingId: string,
  include?: typeof bookingInclude,
): Promise<Booking> {
  return requireInScope(scope, 'booking', bookingId, (id) =>
    include
      ? tx.booking.findUnique({ where: { id }, include })
      : tx.booking.findUnique({ where: { id } }),
  );
}
