import { enqueueEmail } from '../notifications/enqueue-email';
import type { Tx } from '../db/transaction';

/**
 * The one way a booking becomes CONFIRMED once its deposit is in (card, simulator or staff
 * recording one): status, hold cleared, version bumped, and the confirmation e-mail queued,
 * in the caller's transaction. The caller holds the booking's row lock and writes its own
 * audit row. `chefId` reassigns a lapsed hold whose chef was taken meanwhile.
 */
export async function confirmBooking(
  tx: Tx,
  booking: { id: string; reference: string; stationId: string; customer: { email: string } },
  options: { chefId?: string | undefined; depositCents?: number } = {},
): Promise<void> {
  await tx.booking.update({
    where: { id: booking.id },
    data: {
      status: 'CONFIRMED',
      holdExpiresAt: null,
      version: { increment: 1 },
      ...(options.chefId ? { chefId: options.chefId } : {}),
    },
  });
  await enqueueEmail(tx, {
    kind: 'BOOKING_CONFIRMATION',
    recipient: booking.customer.email,
    subject: `Confirmed: your hibachi chef for ${booking.reference}`,
    payload: {
      reference: booking.reference,
      status: 'CONFIRMED',
      ...(options.depositCents === undefined ? {} : { depositCents: options.depositCents }),
    },
    bookingId: booking.id,
    stationId: booking.stationId,
  });
}
