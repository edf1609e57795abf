import { AppError } from '../errors/app-error';
import { netPaidCents } from '../money/net-paid';
import { owedRefund, processOwedRefund } from '../money/process-owed-refund';
import type { BookingWithRelations } from './booking-record';
import { updateBookingAtVersion } from './versioned-update';
import type { Tx } from '../db/transaction';

/**
 * The steps every cancellation shares, whoever cancels: state rules, the optimistic
 * version check, and card refunds decided in the transaction and sent after commit.
 */

/** Only a pending or confirmed booking that has not started can be cancelled. */
export function assertCancellable(booking: BookingWithRelations, now: Date): void {
  if (booking.status !== 'PENDING_PAYMENT' && booking.status !== 'CONFIRMED') {
    throw new AppError(
      'CONFLICT',
      `This booking is ${booking.status.toLowerCase().replace('_', ' ')} and cannot be cancelled.`,
      { details: { reason: 'BAD_STATE', status: booking.status } },
    );
  }
  if (booking.startsAt <= now) {
    throw new AppError('CONFLICT', 'This event has already started and cannot be cancelled.', {
      details: {
        reason: 'BAD_STATE',
      },
    });
  }
}

/** Marks the booking cancelled if nobody changed it since it was read (else 409 STALE_VERSION). */
export async function markCancelled(
  tx: Tx,
  booking: BookingWithRelations,
  options: { now: Date; reason: string; version?: number },
): Promise<void> {
  await updateBookingAtVersion(tx, booking.id, options.version ?? booking.version, {
    status: 'CANCELLED',
    cancelledAt: options.now,
    cancellationReason: options.reason,
  });
}

export type RefundPlan = {
  /** Card payments whose refund is now owed and is sent after commit. */
  cardRefundIds: string[];
  cardRefundCents: number;
  /** Money kept that cannot go back through the provider (cash, check, terminal). */
  offlineCents: number;
};

/** Marks every card payment with money left on it as owed back in full. */
export async function requestCardRefunds(
  tx: Tx,
  booking: BookingWithRelations,
): Promise<RefundPlan> {
  const card = booking.payments.filter(
    (payment) =>
      payment.method === 'CARD' &&
      (payment.status === 'SUCCEEDED' || payment.status === 'PARTIALLY_REFUNDED') &&
      payment.providerPaymentIntent &&
      payment.amountCents > payment.refundedCents,
  );
  for (const payment of card) {
    await tx.payment.update({ where: { id: payment.id }, data: owedRefund(payment.amountCents) });
  }
  const cardIds = new Set(card.map((payment) => payment.id));
  return {
    cardRefundIds: [...cardIds],
    cardRefundCents: netPaidCents(card),
    offlineCents: netPaidCents(booking.payments.filter((payment) => !cardIds.has(payment.id))),
  };
}

/** After commit: sends the owed card refunds; true when every one went through. */
export async function sendCardRefunds(plan: RefundPlan, requestId?: string): Promise<boolean> {
  const attempts = await Promise.all(
    plan.cardRefundIds.map((id) => processOwedRefund(id, requestId)),
  );
  return attempts.every((attempt) => attempt.status === 'REFUNDED');
}
