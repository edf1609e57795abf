import { writeAudit } from '../audit/write-audit';
import { inTransaction } from '../db/transaction';
import { enqueueEmail } from '../notifications/enqueue-email';
import { cancellationRefundWords } from '../money/cancellation-refund';
import { moneyOf } from '../money/format-money';
import { parseInput } from '../validation';
import {
  assertCancellable,
  cancellationRefundOf,
  gratuityLeftCents,
  markCancelled,
  requestRefunds,
  sendCardRefunds,
} from './cancellation-steps';
import { ZCustomerProof, type TCancellationResult } from './customer-booking.schema';
import { paidCents, refundDeadline } from './booking-record';
import { requireCustomerBooking } from './require-customer-booking';
import { toCustomerBooking } from './to-customer-booking';

/**
 * POST /api/bookings/REF/cancel. Cancels a pending or confirmed booking that has not
 * started. What was paid of the price is refundable when cancelled at least the station's
 * notice before the event: card payments made online go back through the provider (sent
 * after commit, retried while they fail); the rest is recorded as owed for staff to hand
 * back, and the answer says which. The gratuity is never part of it. With no payment taken
 * there is nothing to refund.
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
    const booking = await requireCustomerBooking(options.reference, proof, tx);
    assertCancellable(booking, now);
    const paid = paidCents(booking);
    // In time: every payment is owed back, the card ones sent by the provider after commit.
    const plan =
      paid > 0 && now <= refundDeadline(booking) ? await requestRefunds(tx, booking) : undefined;
    // The cancellation policy never takes back a gratuity; the customer is told, staff may.
    const cancellation = cancellationRefundOf(booking, {
      cancelledBy: 'CUSTOMER',
      plan,
      gratuity: { refundedCents: 0, keptCents: gratuityLeftCents(booking) },
    });
    const refund = {
      amountCents: plan ? paid : 0,
      status: plan
        ? ('PENDING' as const)
        : paid === 0
          ? ('NONE' as const)
          : ('NOT_ELIGIBLE' as const),
      reason: cancellationRefundWords(cancellation, moneyOf(booking)),
    };
    await markCancelled(tx, booking, { now, reason: 'Cancelled by the customer' });
    await enqueueEmail(tx, {
      kind: 'BOOKING_CANCELLED',
      recipient: booking.customer.email,
      subject: `Your hibachi booking ${booking.reference} is cancelled`,
      payload: { reference: booking.reference, cancellation },
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
      after: { status: 'CANCELLED', refund, cancellation },
      requestId: options.requestId,
    });
    return { reference: booking.reference, refund, plan, cancellation, money: moneyOf(booking) };
  });

  // The card refunds go out now; fully refunded only when nothing is left for staff to hand back.
  const card = await sendCardRefunds(decided.plan?.cardRefundIds ?? [], options.requestId);
  const cancellation = { ...decided.cancellation, card };
  const fresh = await requireCustomerBooking(decided.reference, proof);
  return {
    booking: toCustomerBooking(fresh),
    refundParts: cancellation.parts,
    cancellation,
    refund: {
      ...decided.refund,
      status:
        card === 'SENT' && decided.plan?.offlineCents === 0 ? 'REFUNDED' : decided.refund.status,
      reason: cancellationRefundWords(cancellation, decided.money),
    },
  };
}
