import { getDb } from '../db/client';
import { describeError } from '../errors/describe-error';
import { logger } from '../logger';
import { getPaymentProvider } from './get-payment-provider';
import { recordRefunded } from './record-refunded';

export type RefundAttempt = {
  paymentId: string;
  status: 'REFUNDED' | 'PENDING' | 'FAILED' | 'NOTHING_OWED';
  amountCents: number;
};

/**
 * Sends what a card payment is owed back (refundRequestedCents − refundedCents) to the
 * provider. Called after the transaction that decided the refund commits, and again by
 * the sweep while it fails: the idempotency key makes every retry the same refund.
 * A failure is kept on the payment (lastRefundError) for staff to see.
 */
export async function processOwedRefund(
  paymentId: string,
  requestId?: string,
): Promise<RefundAttempt> {
  const db = getDb();
  const payment = await db.payment.findUniqueOrThrow({ where: { id: paymentId } });
  const owed = payment.refundRequestedCents - payment.refundedCents;
  if (owed <= 0 || payment.method !== 'CARD' || !payment.providerPaymentIntent) {
    return { paymentId, status: 'NOTHING_OWED', amountCents: 0 };
  }
  try {
    const refund = await getPaymentProvider().refund({
      paymentIntent: payment.providerPaymentIntent,
      amountCents: owed,
      idempotencyKey: `refund:${payment.id}:${payment.refundRequestedCents}`,
      reason: 'booking_refund',
    });
    if (refund.status === 'failed') throw new Error(`provider refused refund ${refund.refundId}`);
    if (refund.status === 'pending') return { paymentId, status: 'PENDING', amountCents: owed };
    await db.$transaction((tx) =>
      recordRefunded(tx, {
        paymentId: payment.id,
        refundedCents: payment.refundRequestedCents,
        detail: { refundId: refund.refundId },
        requestId,
      }),
    );
    return { paymentId, status: 'REFUNDED', amountCents: owed };
  } catch (error) {
    const message = error instanceof Error ? error.message.slice(0, 500) : 'refund failed';
    await db.payment.update({ where: { id: payment.id }, data: { lastRefundError: message } });
    logger.warn(
      { paymentId, error: describeError(error) },
      'refund failed; it stays owed and will be retried',
    );
    return { paymentId, status: 'FAILED', amountCents: owed };
  }
}

/** The sweep: retries every refund still owed. */
export async function processAllOwedRefunds(): Promise<number> {
  const owed = await getDb().$queryRaw<{ id: string }[]>`
    SELECT id FROM "Payment" WHERE "refundRequestedCents" > "refundedCents" AND method = 'CARD' AND "providerPaymentIntent" IS NOT NULL LIMIT 100`;
  let refunded = 0;
  for (const { id } of owed) if ((await processOwedRefund(id)).status === 'REFUNDED') refunded += 1;
  return refunded;
}
