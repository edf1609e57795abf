import Stripe from 'stripe';
import { AppError } from '../errors/app-error';
import { BREAKERS, breakerFor, isBrokenCircuit } from '../platform/breakers';
import type { PaymentProvider } from './payment-provider';

/** Stripe Checkout accepts an expiry between 30 minutes and 24 hours ahead. */
const MIN_CHECKOUT_MS = 30 * 60_000 + 30_000;
const MAX_CHECKOUT_MS = 24 * 3_600_000 - 5 * 60_000;

export function createStripeProvider(stripe: Stripe, webhookSecret: string): PaymentProvider {
  return {
    name: 'stripe',
    webhookSecret,
    async createCheckout(request) {
      // A phone order's hold (days) outlasts Stripe's longest page: the page lapses first and
      // the customer opens a new one from their link while the hold lasts.
      const expiresAt = new Date(
        Math.min(
          Math.max(request.expiresAt.getTime(), Date.now() + MIN_CHECKOUT_MS),
          Date.now() + MAX_CHECKOUT_MS,
        ),
      );
      const metadata = {
        bookingId: request.bookingId,
        reference: request.reference,
        purpose: request.purpose ?? 'DEPOSIT',
      };
      const session = await callStripe(() =>
        stripe.checkout.sessions.create(
          {
            mode: 'payment',
            customer_email: request.customerEmail,
            client_reference_id: request.reference,
            line_items: [
              { amountCents: request.amountCents, description: request.description },
              ...(request.gratuity ? [request.gratuity] : []),
            ]
              .filter((line) => line.amountCents > 0)
              .map((line) => ({
                quantity: 1,
                price_data: {
                  currency: request.currency,
                  unit_amount: line.amountCents,
                  product_data: { name: line.description },
                },
              })),
            metadata,
            payment_intent_data: { metadata },
            expires_at: Math.floor(expiresAt.getTime() / 1000),
            success_url: request.successUrl,
            cancel_url: request.cancelUrl,
          },
          { idempotencyKey: request.idempotencyKey },
        ),
      );
      if (!session.url)
        throw new AppError(
          'UNAVAILABLE',
          'The payment page could not be opened. Please try again.',
        );
      return { sessionId: session.id, url: session.url, expiresAt };
    },
    async refund(request) {
      const refund = await callStripe(() =>
        stripe.refunds.create(
          {
            payment_intent: request.paymentIntent,
            amount: request.amountCents,
            metadata: { reason: request.reason },
          },
          { idempotencyKey: request.idempotencyKey },
        ),
      );
      const status =
        refund.status === 'succeeded'
          ? 'succeeded'
          : refund.status === 'failed' || refund.status === 'canceled'
            ? 'failed'
            : 'pending';
      return { refundId: refund.id, status };
    },
  };
}

/** Stripe itself failing (unreachable, 5xx, rate limited), not a card or a request refused. */
const stripeFailed = (error: unknown) =>
  error instanceof Stripe.errors.StripeConnectionError ||
  error instanceof Stripe.errors.StripeAPIError ||
  error instanceof Stripe.errors.StripeRateLimitError ||
  (error instanceof Stripe.errors.StripeError && (error.statusCode ?? 0) >= 500);

/**
 * Stripe failures become clear errors: the caller's request was fine, the provider was not.
 * Through the breaker: while Stripe keeps failing, the answer is a 503 with Retry-After at
 * once, without a call that would wait for Stripe's timeout.
 */
async function callStripe<T>(call: () => Promise<T>): Promise<T> {
  try {
    return await breakerFor('stripe', stripeFailed).execute(call);
  } catch (error) {
    if (isBrokenCircuit(error)) {
      const retryAfter = Math.ceil(BREAKERS.stripe.halfOpenAfterMs / 1000);
      throw new AppError(
        'UNAVAILABLE',
        'Our payment provider is not answering right now. Nothing was charged; please try again in a moment.',
        {
          details: { reason: 'PROVIDER_UNAVAILABLE', retryAfterSeconds: retryAfter },
          headers: { 'Retry-After': String(retryAfter) },
        },
      );
    }
    if (error instanceof Stripe.errors.StripeCardError) {
      throw new AppError('CONFLICT', error.message || 'The card was declined.', {
        details: {
          reason: 'CARD_DECLINED',
        },
      });
    }
    if (error instanceof Stripe.errors.StripeError) {
      throw new AppError(
        'UNAVAILABLE',
        'Our payment provider is not answering right now. Nothing was charged; please try again.',
        {
          details: {
            reason: 'PROVIDER_UNAVAILABLE',
            providerError: error.type,
          },
        },
      );
    }
    throw error;
  }
}
