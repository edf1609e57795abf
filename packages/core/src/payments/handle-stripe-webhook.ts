import Stripe from 'stripe';
import { inTransaction } from '../db/transaction';
import { AppError } from '../errors/app-error';
import { applyChargeRefunded } from './apply-charge-refunded';
import { applyCheckoutCompleted, type CheckoutOutcome } from './apply-checkout-completed';
import { getPaymentProvider } from '../money/get-payment-provider';
import { processOwedRefund } from '../money/process-owed-refund';

export type WebhookResult = {
  eventId: string;
  type: string;
  duplicate: boolean;
  outcome?: CheckoutOutcome | 'RECORDED' | 'IGNORED';
  paymentId?: string;
};

/**
 * POST /api/payments/stripe/webhook. The signature is checked against the raw body
 * first (nothing is written for a bad one). Each event id is processed exactly once:
 * its ProcessedWebhookEvent row is inserted in the same transaction as its effect, so
 * concurrent redeliveries wait for the first and then see a duplicate.
 */
export async function handleStripeWebhook(options: {
  rawBody: string;
  signature: string | null;
  requestId?: string;
}): Promise<WebhookResult> {
  const provider = getPaymentProvider();
  let event: Stripe.Event;
  try {
    event = Stripe.webhooks.constructEvent(
      options.rawBody,
      options.signature ?? '',
      provider.webhookSecret,
    );
  } catch {
    throw new AppError('VALIDATION_FAILED', 'The webhook signature is missing or invalid.', {
      details: {
        'Stripe-Signature': ['Invalid signature'],
      },
    });
  }

  const result = await inTransaction(
    async (tx): Promise<WebhookResult> => {
      const claimed = await tx.$queryRaw<{ id: string }[]>`
        INSERT INTO "ProcessedWebhookEvent" (id, type) VALUES (${event.id}, ${event.type})
        ON CONFLICT (id) DO NOTHING RETURNING id`;
      if (claimed.length === 0) return { eventId: event.id, type: event.type, duplicate: true };

      switch (event.type) {
        case 'checkout.session.completed': {
          const { outcome, paymentId } = await applyCheckoutCompleted(
            tx,
            event.data.object,
            options.requestId,
          );
          return { eventId: event.id, type: event.type, duplicate: false, outcome, paymentId };
        }
        case 'payment_intent.payment_failed': {
          const bookingId = event.data.object.metadata?.bookingId;
          if (bookingId) {
            await tx.payment.updateMany({
              where: { bookingId, method: 'CARD', status: 'PENDING' },
              data: { status: 'FAILED' },
            });
          }
          return { eventId: event.id, type: event.type, duplicate: false, outcome: 'RECORDED' };
        }
        case 'charge.refunded':
          await applyChargeRefunded(tx, event.data.object, options.requestId);
          return { eventId: event.id, type: event.type, duplicate: false, outcome: 'RECORDED' };
        default:
          return { eventId: event.id, type: event.type, duplicate: false, outcome: 'IGNORED' };
      }
    },
    { maxWait: 10_000, timeout: 15_000 },
  );
  // Money owed back goes out after the decision is committed; a failure stays owed for the sweep.
  if (result.outcome === 'REFUND_OWED' && result.paymentId)
    await processOwedRefund(result.paymentId, options.requestId);
  return result;
}
