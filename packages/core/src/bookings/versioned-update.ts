import { AppError } from '../errors/app-error';
import type { Prisma } from '../generated/prisma/client';

type Tx = Pick<Prisma.TransactionClient, 'booking'>;

/** 409 for a write based on a booking someone else has changed since it was read. */
export function staleVersionError(): AppError {
  return new AppError('CONFLICT', 'This booking just changed. Please reload and try again.', {
    details: {
      reason: 'STALE_VERSION',
    },
  });
}

/**
 * Applies `data` only if the booking is still at `version`, and bumps the version: the
 * optimistic check every staff write goes through (else 409 STALE_VERSION).
 */
export async function updateBookingAtVersion(
  tx: Tx,
  bookingId: string,
  version: number,
  data: Prisma.BookingUncheckedUpdateManyInput,
): Promise<void> {
  const updated = await tx.booking.updateMany({
    where: { id: bookingId, version },
    data: { ...data, version: { increment: 1 } },
  });
  if (updated.count === 0) throw staleVersionError();
}
