import { writeAudit } from '../audit/write-audit';
import { inTransaction } from '../db/transaction';
import { enqueueEmail } from '../notifications/enqueue-email';
import { formatMoney, moneyOf } from '../money/format-money';
import { parseInput } from '../validation';
import {
  gratuityLeftCents,
  assertCancellable,
  markCancelled,
  byHandWords,
  refundParts,
  requestRefunds,
  sendCardRefunds,
} from './cancellation-steps';
import { ZCustomerProof, type TCancellationResult } from './customer-booking.schema';
import { paidCents, refundDeadline } from './booking-record';
import { findCustomerBooking } from './find-customer-booking';
import { toCustomerBooking } from './to-customer-booking';

/**
 * POST /api/bookings/REF/cancel. Cancels a pending or confirmed booking that has not
 * started. What was paid is refundable when cancelled at least the station's notice before
 * the event: card payments made online go back through the provider (sent after commit,
 * retried while they fail); the rest is recorded as owed for staff to hand back, and the
 * answer says which. With no payment taken there is nothing to refund.
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
    const money = moneyOf(booking);
    // In time: every payment is owed back, the card ones sent by the provider after commit.
    const plan = paid > 0 && now <= deadline ? await requestRefunds(tx, booking) : undefined;
    const refund = plan
      ? {
          amountCents: paid,
          status: 'PENDING' as 'PENDING' | 'REFUNDED',
          reason: [
            `Cancelled at least ${booking.station.cancellationNoticeHours} hours before the event: your deposit will be refunded.`,
            ...byHandWords(plan, money),
          ].join(' '),
        }
      : paid === 0
        ? {
            amountCents: 0,
            status: 'NONE' as const,
            reason: 'No payment was taken, so there is nothing to refund.',
          }
        : {
            amountCents: 0,
            status: 'NOT_ELIGIBLE' as const,
            reason: `Cancelled less than ${booking.station.cancellationNoticeHours} hours before the event: the deposit is kept, per our policy.`,
          };

    const gratuity = gratuityLeftCents(booking);
    // The cancellation policy never takes back a gratuity; the customer is told, staff may.
    const gratuityNote =
      gratuity > 0
        ? ` The ${formatMoney(gratuity, money)} gratuity is not part of the cancellation refund: reply to the cancellation e-mail if you would like it back.`
        : '';
    refund.reason += gratuityNote;
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
    return {
      reference: booking.reference,
      refund,
      plan,
      money,
      gratuityNote,
    };
  });

  // The card refunds go out now; fully refunded only when nothing is left for staff to hand back.
  const sent =
    decided.plan !== undefined &&
    decided.plan.cardRefundIds.length > 0 &&
    (await sendCardRefunds(decided.plan, options.requestId));
  const refunded = sent && decided.plan?.offlineCents === 0;
  const fresh = await findCustomerBooking(decided.reference, proof);
  return {
    booking: toCustomerBooking(fresh),
    refundParts: decided.plan ? refundParts(decided.plan) : [],
    refund: refunded
      ? {
          ...decided.refund,
          status: 'REFUNDED',
          reason: `Your ${formatMoney(decided.refund.amountCents, decided.money)} deposit has been refunded to your card.${decided.gratuityNote}`,
        }
      : decided.refund,
  };
}
