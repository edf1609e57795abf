import { writeAudit } from '../audit/write-audit';
import { getDb } from '../db/client';
import { AppError } from '../errors/app-error';
import { enqueueEmail } from '../notifications/enqueue-email';
import { netPaidCents } from '../payments/net-paid';
import { owedRefund, processOwedRefund } from '../payments/process-owed-refund';
import { formatCents } from '../pricing/format-cents';
import { parseInput } from '../validation';
import { ZCustomerProof, type TCancellationResult } from './customer-booking.schema';
import {
  findCustomerBooking,
  paidCents,
  refundDeadline,
  toCustomerBooking,
} from './find-customer-booking';

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
  const decided = await getDb().$transaction(async (tx) => {
    const booking = await findCustomerBooking(options.reference, proof, tx);
    if (booking.status !== 'PENDING_PAYMENT' && booking.status !== 'CONFIRMED') {
      throw new AppError(
        'CONFLICT',
        `This booking is ${booking.status.toLowerCase().replace('_', ' ')} and cannot be cancelled.`,
        {
          reason: 'BAD_STATE',
          status: booking.status,
        },
      );
    }
    if (booking.startsAt <= now) {
      throw new AppError(
        'CONFLICT',
        'This event has already started and cannot be cancelled online.',
        { reason: 'BAD_STATE' },
      );
    }
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

    const updated = await tx.booking.updateMany({
      where: { id: booking.id, version: booking.version },
      data: {
        status: 'CANCELLED',
        cancelledAt: now,
        cancellationReason: 'Cancelled by the customer',
        version: { increment: 1 },
      },
    });
    if (updated.count === 0) {
      throw new AppError('CONFLICT', 'This booking just changed. Please reload and try again.', {
        reason: 'STALE_VERSION',
      });
    }
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
    const cardRefunds =
      refund.status === 'PENDING'
        ? booking.payments.filter(
            (payment) =>
              payment.method === 'CARD' &&
              payment.providerPaymentIntent &&
              payment.amountCents > payment.refundedCents,
          )
        : [];
    for (const payment of cardRefunds) {
      await tx.payment.update({
        where: { id: payment.id },
        data: owedRefund(payment.amountCents),
      });
    }
    // Fully refunded online only when every kept payment goes back through the provider.
    const cardRefundIds = new Set(cardRefunds.map((payment) => payment.id));
    const keptOffline = netPaidCents(
      booking.payments.filter((payment) => !cardRefundIds.has(payment.id)),
    );
    return { reference: booking.reference, refund, cardRefundIds: [...cardRefundIds], keptOffline };
  });

  const attempts = await Promise.all(
    decided.cardRefundIds.map((id) => processOwedRefund(id, options.requestId)),
  );
  const refunded =
    attempts.length > 0 &&
    decided.keptOffline === 0 &&
    attempts.every((attempt) => attempt.status === 'REFUNDED');
  const fresh = await findCustomerBooking(decided.reference, proof);
  return {
    booking: toCustomerBooking(fresh),
    refund: refunded
      ? {
          ...decided.refund,
          status: 'REFUNDED',
          reason: `Your ${formatCents(decided.refund.amountCents)} deposit has been refunded to your card.`,
        }
      : decided.refund,
  };
}
