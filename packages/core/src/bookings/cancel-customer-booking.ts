import { writeAudit } from '../audit/write-audit';
import { inTransaction } from '../db/transaction';
import { enqueueEmail } from '../notifications/enqueue-email';
import { formatMoney } from '../money/format-money';
import { parseInput } from '../validation';
import {
  assertCancellable,
  markCancelled,
  requestCardRefunds,
  sendCardRefunds,
} from './cancellation-steps';
import { ZCustomerProof, type TCancellationResult } from './customer-booking.schema';
import { paidCents, refundDeadline } from './booking-record';
import { moneyOf } from '../money/format-money';
import { findCustomerBooking } from './find-customer-booking';
import { toCustomerBooking } from './to-customer-booking';

/**
 * POST /api/bookings/REF/cancel. Cancels a pending or confirmed booking that has not
 * started. The deposit is refundable when cancelled at least the station's notice
 * before the event; the refund itself is carried out by the payment provider (a
 * PENDING refund is recorded here), and with no payment taken there is nothing to refund.
 */
export async function cancelCustomerBooking(options: {
  reference: string;
  input: unknown;
  requestId?: string;
  now?: Date;
}): Promise<TCancellationResult> {
  const proof = parseInput(ZCustomerProof, options.input);
  const now = options.now ?? new Date();
  const decided = await inTransaction(async (tx) => {
    const booking = await findCustomerBooking(options.reference, proof, tx);
    assertCancellable(booking, now);
    const paid = paidCents(booking);
    const deadline = refundDeadline(booking);
    const refund =
      paid === 0
        ? {
            amountCents: 0,
            status: 'NONE' as const,
            reason: 'No payment was taken, so there is nothing to refund.',
          }
        : now <= deadline
          ? {
              amountCents: paid,
              status: 'PENDING' as 'PENDING' | 'REFUNDED',
              reason: `Cancelled at least ${booking.station.cancellationNoticeHours} hours before the event: your deposit will be refunded.`,
            }
          : {
              amountCents: 0,
              status: 'NOT_ELIGIBLE' as const,
              reason: `Cancelled less than ${booking.station.cancellationNoticeHours} hours before the event: the deposit is kept, per our policy.`,
            };

    await markCancelled(tx, booking, { now, reason: 'Cancelled by the customer' });
    await enqueueEmail(tx, {
      kind: 'BOOKING_CANCELLED',
      recipient: booking.customer.email,
      subject: `Your hibachi booking ${booking.reference} is cancelled`,
      payload: { reference: booking.reference, refund },
      bookingId: booking.id,
      stationId: booking.stationId,
    });
    await writeAudit(tx, {
      actorType: 'CUSTOMER',
      actorId: booking.customerId,
      stationId: booking.stationId,
      entityType: 'Booking',
      entityId: booking.id,
      action: 'booking.cancelled',
      before: { status: booking.status },
      after: { status: 'CANCELLED', refund },
      requestId: options.requestId,
    });
    // Card deposits are refunded through the provider after commit; cash and checks by staff.
    const plan = refund.status === 'PENDING' ? await requestCardRefunds(tx, booking) : undefined;
    return { reference: booking.reference, refund, plan, money: moneyOf(booking) };
  });

  // Fully refunded online only when every kept payment went back through the provider.
  const refunded =
    decided.plan !== undefined &&
    decided.plan.cardRefundIds.length > 0 &&
    decided.plan.offlineCents === 0 &&
    (await sendCardRefunds(decided.plan, options.requestId));
  const fresh = await findCustomerBooking(decided.reference, proof);
  return {
    booking: toCustomerBooking(fresh),
    refund: refunded
      ? {
          ...decided.refund,
          status: 'REFUNDED',
          reason: `Your ${formatMoney(decided.refund.amountCents, decided.money)} deposit has been refunded to your card.`,
        }
      : decided.refund,
  };
}
