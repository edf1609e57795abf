import { AppError } from '../errors/app-error';
import {
  splitPaid,
  type TCancellationRefund,
  type TCardRefundState,
} from '../money/cancellation-refund';
import { netPaidCents } from '../money/net-paid';
import { refundSettledBy, type TRefundSettler } from '../money/refund-settler';
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

/** A refund a person must give back (the provider cannot): how, and how much. */
export type RefundByHand = { paymentId: string; settledBy: TRefundSettler; amountCents: number };

export type RefundPlan = {
  /** Card payments whose refund is now owed and is sent after commit. */
  cardRefundIds: string[];
  cardRefundCents: number;
  /** Money kept that cannot go back through the provider (cash, check, terminal). */
  offlineCents: number;
  /** The same money per payment: each one owed until a person marks it settled. */
  byHand: RefundByHand[];
};

/**
 * Marks every payment with money left on it as owed back in full: card payments made online
 * are sent through the provider after commit; the rest (a card taken on a terminal, cash,
 * checks) stay owed, visible to staff, until someone marks them settled. No promised refund
 * is left unrecorded.
 */
export async function requestRefunds(tx: Tx, booking: BookingWithRelations): Promise<RefundPlan> {
  const kept = booking.payments.filter(
    (payment) =>
      (payment.status === 'SUCCEEDED' || payment.status === 'PARTIALLY_REFUNDED') &&
      payment.amountCents > payment.refundedCents,
  );
  for (const payment of kept)
    await tx.payment.update({ where: { id: payment.id }, data: owedRefund(payment.amountCents) });
  const card = kept.filter((payment) => refundSettledBy(payment) === 'PROVIDER');
  const byHand = kept
    .filter((payment) => refundSettledBy(payment) !== 'PROVIDER')
    .map((payment) => ({
      paymentId: payment.id,
      settledBy: refundSettledBy(payment),
      amountCents: payment.amountCents - payment.refundedCents,
    }));
  return {
    cardRefundIds: card.map((payment) => payment.id),
    cardRefundCents: netPaidCents(card),
    offlineCents: byHand.reduce((sum, entry) => sum + entry.amountCents, 0),
    byHand,
  };
}

/** Gratuities kept on a booking's online card payments (what a cancellation refund leaves alone). */
export function keptGratuities(booking: BookingWithRelations) {
  return booking.payments.filter(
    (payment) =>
      payment.status !== 'PENDING' &&
      payment.status !== 'FAILED' &&
      payment.gratuityCents > payment.gratuityRefundRequestedCents &&
      refundSettledBy(payment) === 'PROVIDER',
  );
}

/** The gratuity still kept on a booking's online card payments (and not yet asked back). */
export function gratuityLeftCents(booking: BookingWithRelations): number {
  return keptGratuities(booking).reduce(
    (sum, payment) => sum + payment.gratuityCents - payment.gratuityRefundRequestedCents,
    0,
  );
}

/**
 * Staff chose to give the gratuity back too (the cancellation policy never does): every kept
 * gratuity is owed back and sent with the card refunds after commit.
 */
export async function requestGratuityRefunds(
  tx: Tx,
  booking: BookingWithRelations,
): Promise<{ paymentIds: string[]; cents: number }> {
  const kept = keptGratuities(booking);
  for (const payment of kept)
    await tx.payment.update({
      where: { id: payment.id },
      data: {
        gratuityRefundRequestedCents: payment.gratuityCents,
        nextRefundAttemptAt: owedRefund(payment.refundRequestedCents).nextRefundAttemptAt,
      },
    });
  return { paymentIds: kept.map((payment) => payment.id), cents: gratuityLeftCents(booking) };
}

/** The plan as the answers show it: each part of the refund and who gives it back. */
export function refundParts(
  plan: RefundPlan,
): { settledBy: TRefundSettler; amountCents: number }[] {
  return [
    ...(plan.cardRefundCents > 0
      ? [{ settledBy: 'PROVIDER' as const, amountCents: plan.cardRefundCents }]
      : []),
    ...plan.byHand.map(({ settledBy, amountCents }) => ({ settledBy, amountCents })),
  ];
}

/**
 * What a cancellation does with the money, as the record every message is worded from: the
 * price paid so far split into deposit and balance, refunded (how each part goes back) or
 * kept, and the gratuity. Read from the booking before the cancellation changes it.
 */
export function cancellationRefundOf(
  booking: BookingWithRelations,
  options: {
    cancelledBy: TCancellationRefund['cancelledBy'];
    plan: RefundPlan | undefined;
    gratuity: TCancellationRefund['gratuity'];
  },
): TCancellationRefund {
  const paid = netPaidCents(booking.payments);
  const parts = options.plan ? refundParts(options.plan) : [];
  const cardOwed = options.gratuity.refundedCents > 0 || (options.plan?.cardRefundCents ?? 0) > 0;
  return {
    cancelledBy: options.cancelledBy,
    decision: paid === 0 ? 'NOTHING_PAID' : options.plan ? 'REFUNDED' : 'KEPT',
    noticeHours: booking.station.cancellationNoticeHours,
    ...splitPaid(paid, booking),
    parts,
    card: cardOwed ? 'OWED' : 'NONE',
    gratuity: options.gratuity,
  };
}

/**
 * After commit: sends the owed card refunds. SENT when the provider confirmed every one, OWED
 * while it is still processing one, FAILED when one could not be sent (it stays owed and the
 * sweep retries it); NONE when there was nothing to send.
 */
export async function sendCardRefunds(
  paymentIds: readonly string[],
  requestId?: string,
): Promise<TCardRefundState> {
  if (paymentIds.length === 0) return 'NONE';
  const attempts = await Promise.all(
    [...new Set(paymentIds)].map((id) => processOwedRefund(id, requestId)),
  );
  if (attempts.some((attempt) => attempt.status === 'FAILED')) return 'FAILED';
  if (attempts.some((attempt) => attempt.status === 'PENDING')) return 'OWED';
  return 'SENT';
}
