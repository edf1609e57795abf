import { assertStationAccess, type StaffScope } from '../auth/staff-scope';
import { AppError } from '../errors/app-error';
import type { Booking, Prisma } from '../generated/prisma/client';

type Tx = Pick<Prisma.TransactionClient, 'booking'>;

/** A booking the caller's station owns, or 404 (missing, malformed id and other station alike). */
export async function findStaffBooking(
  tx: Tx,
  scope: StaffScope,
  bookingId: string,
): Promise<Booking> {
  const booking = /^[0-9a-f-]{36}$/i.test(bookingId)
    ? await tx.booking.findUnique({ where: { id: bookingId } })
    : null;
  if (!booking) throw new AppError('NOT_FOUND', 'No such booking.');
  assertStationAccess(scope, booking.stationId);
  return booking;
}
