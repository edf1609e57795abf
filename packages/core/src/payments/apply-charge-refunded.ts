import type Stripe from 'stripe';
import { AppError } from '../errors/app-error';
import { recordRefunded } from '../money/record-refunded';
import type { Tx } from '../db/transaction';

/**
 * The provider confirms money went back: the charge's cumulative amount_refunded is split
 * between price and gratuity (so redelivery and reordering converge). A refund for a payment not
 * recorded yet is refused with 409, so the provider redelivers after the completion.
 */
export async function applyChargeRefunded(
  tx: Tx,
  charge: Stripe.Charge,
  requestId?: string,
): Promise<void> {
  const paymentIntent =
    typeof charge.payment_intent === 'string' ? charge.payment_intent : charge.payment_intent?.id;
  const payment = paymentIntent
    ? await tx.payment.findUnique({ where: { providerPaymentIntent: paymentIntent } })
    : null;
  if (!payment) {
    throw new AppError(
      'CONFLICT',
      'Refund for a payment that is not recorded yet; deliver it again later.',
      { details: { reason: 'OUT_OF_ORDER' } },
    );
  }
  await recordRefunded(tx, {
    paymentId: payment.id,
    chargeRefundedCents: charge.amount_refunded,
    detail: { chargeId: charge.id },
    requestId,
  });
}
