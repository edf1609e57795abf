import type Stripe from 'stripe';
import { writeAudit } from '../audit/write-audit';
import { AppError } from '../errors/app-error';
import type { Prisma } from '../generated/prisma/client';

type Tx = Prisma.TransactionClient;

/**
 * The provider confirms money went back: refundedCents follows the charge's cumulative
 * amount_refunded (so redelivery and reordering converge). A refund for a payment not
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
      { reason: 'OUT_OF_ORDER' },
    );
  }
  const refundedCents = Math.min(
    payment.amountCents,
    Math.max(payment.refundedCents, charge.amount_refunded),
  );
  await tx.payment.update({
    where: { id: payment.id },
    data: {
      refundedCents,
      refundRequestedCents: Math.max(payment.refundRequestedCents, refundedCents),
      status:
        refundedCents >= payment.amountCents
          ? 'REFUNDED'
          : refundedCents > 0
            ? 'PARTIALLY_REFUNDED'
            : payment.status,
      lastRefundError: null,
    },
  });
  await writeAudit(tx, {
    actorType: 'SYSTEM',
    stationId: payment.stationId,
    entityType: 'Payment',
    entityId: payment.id,
    action: 'payment.refunded',
    before: { refundedCents: payment.refundedCents },
    after: { refundedCents },
    requestId,
  });
}
