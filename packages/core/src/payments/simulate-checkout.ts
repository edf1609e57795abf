import { randomBytes } from 'node:crypto';
import Stripe from 'stripe';
import { z } from 'zod';
import { ZCustomerProof } from '../bookings/customer-booking.schema';
import { requireCustomerBooking } from '../bookings/require-customer-booking';
import { AppError } from '../errors/app-error';
import { parseInput } from '../validation';
import { getPaymentProvider } from '../money/get-payment-provider';
import { handleStripeWebhook, type WebhookResult } from './handle-stripe-webhook';

export const ZSimulateInput = z.strictObject({
  reference: z.string().min(1).max(20),
  token: z.string().min(10).max(200),
  session: z.string().regex(/^cs_sim_[0-9a-f]{24}$/),
  outcome: z.enum(['pay', 'decline']),
});

/**
 * The local payment simulator's Pay / Decline: builds the Stripe-format event Stripe
 * would send, signs it with the simulator's webhook secret, and hands it to the same
 * webhook handler (signature check, exactly-once, effects). No money moves.
 */
export async function simulateCheckout(options: {
  input: unknown;
  requestId?: string;
}): Promise<WebhookResult> {
  const provider = getPaymentProvider();
  if (provider.name !== 'simulator')
    throw new AppError('NOT_FOUND', 'The payment simulator is off because Stripe is configured.');
  const input = parseInput(ZSimulateInput, options.input);
  const booking = await requireCustomerBooking(
    input.reference,
    parseInput(ZCustomerProof, { token: input.token }),
  );
  const pending = booking.payments.find((payment) => payment.providerRef === input.session);
  if (!pending) throw new AppError('NOT_FOUND', 'That payment session does not exist.');

  // What Stripe keeps from our session: the booking and what the payment is for.
  const metadata = {
    bookingId: booking.id,
    reference: booking.reference,
    purpose: pending.purpose,
  };
  const paymentIntent = `pi_sim_${randomBytes(12).toString('hex')}`;
  const object =
    input.outcome === 'pay'
      ? {
          id: input.session,
          object: 'checkout.session',
          payment_status: 'paid',
          status: 'complete',
          amount_total: pending.amountCents + pending.gratuityCents,
          currency: booking.currency.toLowerCase(),
          payment_intent: paymentIntent,
          metadata,
        }
      : {
          id: paymentIntent,
          object: 'payment_intent',
          status: 'requires_payment_method',
          amount: pending.amountCents + pending.gratuityCents,
          currency: booking.currency.toLowerCase(),
          metadata,
          last_payment_error: { code: 'card_declined', message: 'Your card was declined.' },
        };
  const rawBody = JSON.stringify({
    id: `evt_sim_${randomBytes(12).toString('hex')}`,
    object: 'event',
    api_version: '2026-10-28',
    created: Math.floor(Date.now() / 1000),
    livemode: false,
    type: input.outcome === 'pay' ? 'checkout.session.completed' : 'payment_intent.payment_failed',
    data: { object },
  });
  const signature = Stripe.webhooks.generateTestHeaderString({
    payload: rawBody,
    secret: provider.webhookSecret,
  });
  return handleStripeWebhook({ rawBody, signature, requestId: options.requestId });
}

/** What the simulator page shows of a session: what it is for and what it charges. */
export type SimulatorSession = {
  purpose: 'DEPOSIT' | 'BALANCE';
  amountCents: number;
  gratuityCents: number;
  currency: string;
  locale: string;
};
