import { getServerEnv } from '../env';
import { AppError } from '../errors/app-error';
import { bookingInvite, senderAddress } from '../notifications/booking-invite';
import { manageLinkFor } from '../notifications/render-email';
import { parseInput } from '../validation';
import { ZCustomerProof } from './customer-booking.schema';
import { requireCustomerBooking } from './require-customer-booking';

/**
 * GET /api/bookings/REF/invite.ics?token=… (or ?email=…): the booking as a calendar file for
 * "Add to Apple calendar" and any other calendar app. The same UID and SEQUENCE as the
 * e-mailed invites, so adding it twice updates one event; a cancelled booking answers the
 * cancellation. A hold still waiting for its deposit has no invite yet (409).
 */
export async function getBookingInvite(options: {
  reference: string;
  proof: unknown;
  now?: Date;
}): Promise<{ filename: string; content: string }> {
  const proof = parseInput(ZCustomerProof, options.proof);
  const booking = await requireCustomerBooking(options.reference, proof);
  const cancelled = booking.status === 'CANCELLED' || booking.status === 'EXPIRED';
  if (booking.status === 'PENDING_PAYMENT')
    throw new AppError(
      'CONFLICT',
      'Pay the deposit first: the invite comes with the confirmation.',
      {
        details: { reason: 'BAD_STATE', status: booking.status },
      },
    );
  const env = getServerEnv();
  return {
    filename: `${booking.reference}.ics`,
    content: bookingInvite(booking, {
      method: cancelled ? 'CANCEL' : 'REQUEST',
      organizerEmail: senderAddress(env.EMAIL_FROM),
      manageLink: manageLinkFor(booking, env.PUBLIC_CUSTOMER_URL),
      now: options.now,
    }),
  };
}
