import { writeAudit } from '../audit/write-audit';
import { assertCan, type StaffRequest } from '../auth/staff-scope';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { enqueueEmail } from '../notifications/enqueue-email';
import { bookingInclude } from './booking-record';
import { requireStaffBooking } from './require-staff-booking';

/**
 * `POST /api/admin/bookings/ID/proposal`: e-mails the customer their proposal link again
 * (review, accept the terms, pay). Only an active booking; audited.
 */
export async function sendProposal(
  options: StaffRequest & { bookingId: string },
): Promise<{ sent: true; recipient: string }> {
  assertCan(options.scope, 'bookings.adjustPrice');
  return inTransaction(async (tx) => {
    const booking = await requireStaffBooking(tx, options.scope, options.bookingId, bookingInclude);
    if (booking.status !== 'PENDING_PAYMENT' && booking.status !== 'CONFIRMED')
      throw new AppError(
        'CONFLICT',
        `This booking is ${booking.status.toLowerCase()}: there is no proposal to send.`,
        { details: { reason: 'BAD_STATE', status: booking.status } },
      );
    await enqueueEmail(tx, {
      kind: 'PROPOSAL_SENT',
      recipient: booking.customer.email,
      subject: `Your hibachi proposal ${booking.reference} from ${booking.station.name}`,
      payload: { reason: 'SENT' },
      bookingId: booking.id,
      stationId: booking.stationId,
    });
    await writeAudit(tx, {
      actorType: 'STAFF',
      actorId: options.scope.staffId,
      requestId: options.requestId,
      stationId: booking.stationId,
      entityType: 'Booking',
      entityId: booking.id,
      action: 'booking.proposal_sent',
      after: { proposalVersion: booking.proposalVersion },
    });
    return { sent: true as const, recipient: booking.customer.email };
  });
}
