import { getDb } from '../db/client';
import { inTransaction } from '../db/transaction';
import { describeError } from '../errors/describe-error';
import { logger } from '../logger';
import { backoffMs } from '../platform/backoff';
import { getPaymentProvider } from './get-payment-provider';
import { owedOnCharge, recordRefunded } from './record-refunded';

/** A refund that keeps failing is retried after 1 min, 2 min, 4 min … up to 6 h. */
const REFUND_RETRY_BASE_MS = 60_000;

const REFUND_RETRY_CAP_MS = 6 * 3_600_000;

export type RefundAttempt = {
  paymentId: string;
  status: 'REFUNDED' | 'PENDING' | 'FAILED' | 'NOTHING_OWED';
  amountCents: number;
};

/**
 * Sends what a card payment is owed back (its price part and any gratuity staff chose to
 * return, less what went back already) to the provider. Called after the transaction that decided the refund commits, and again by
 * the sweep while it fails: the idempotency key makes every retry the same refund.
 * A failure is kept on the payment (lastRefundError) for staff to see.
 */
export async function processOwedRefund(
  paymentId: string,
  requestId?: string,
  now: Date = new Date(),
): Promise<RefundAttempt> {
  const db = getDb();
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const owed = owedOnCharge(payment);
  if (owed <= 0 || payment.method !== 'CARD' || !payment.providerPaymentIntent) {
    return { paymentId, status: 'NOTHING_OWED', amountCents: 0 };
  }
  // Everything asked back so far (price and gratuity): the key and the total once it lands.
  const asked = payment.refundRequestedCents + payment.gratuityRefundRequestedCents;
  try {
    const refund = await getPaymentProvider().refund({
      paymentIntent: payment.providerPaymentIntent,
      amountCents: owed,
      idempotencyKey: `refund:${payment.id}:${asked}`,
      reason: 'booking_refund',
    });
    if (refund.status === 'failed') throw new Error(`provider refused refund ${refund.refundId}`);
    if (refund.status === 'pending') return { paymentId, status: 'PENDING', amountCents: owed };
    await inTransaction((tx) =>
      recordRefunded(tx, {
        paymentId: payment.id,
        chargeRefundedCents: asked,
        detail: { refundId: refund.refundId },
        requestId,
      }),
    );
    return { paymentId, status: 'REFUNDED', amountCents: owed };
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : 'refund failed';
    const attempts = payment.refundAttempts + 1;
    await db.payment.update({
      where: { id: payment.id },
      data: {
        lastRefundError: message,
        refundAttempts: attempts,
        nextRefundAttemptAt: new Date(
          now.getTime() + backoffMs(attempts, REFUND_RETRY_BASE_MS, REFUND_RETRY_CAP_MS),
        ),
      },
    });
    logger.warn(
      { paymentId, error: describeError(error) },
      'refund failed; it stays owed and will be retried',
    );
    return { paymentId, status: 'FAILED', amountCents: owed };
  }
}

/** Longer than a batch of provider calls can take (10 s timeout, one retry each). */
export const SWEEP_LEASE_MS = 5 * 60_000;

/**
 * The update that marks a payment's refund as owed, inside the deciding transaction. The
 * caller sends it right after commit, so the sweep keeps off it for a lease; should that
 * process die first, the sweep takes over when the lease ends.
 */
export function owedRefund(refundRequestedCents: number, now: Date = new Date()) {
  return {
    refundRequestedCents,
    nextRefundAttemptAt: new Date(now.getTime() + SWEEP_LEASE_MS),
  };
}
