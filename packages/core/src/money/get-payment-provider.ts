import 'server-only';
import { getServerEnv } from '../env';
import type { PaymentProvider } from './payment-provider';
import { createSimulatorProvider } from './simulator-provider';
import { createStripeClient } from './stripe-client';
import { createStripeProvider } from './stripe-provider';

const globalForPayments = globalThis as unknown as { hibachiPaymentProvider?: PaymentProvider };

/** Stripe when both Stripe keys are set, otherwise the local simulator. */
export function getPaymentProvider(): PaymentProvider {
  if (!globalForPayments.hibachiPaymentProvider) {
    const env = getServerEnv();
    globalForPayments.hibachiPaymentProvider =
      env.STRIPE_SECRET_KEY && env.STRIPE_WEBHOOK_SECRET
        ? createStripeProvider(
            createStripeClient(env.STRIPE_SECRET_KEY, env.STRIPE_API_URL),
            env.STRIPE_WEBHOOK_SECRET,
          )
        : createSimulatorProvider(env.BOOKING_TOKEN_SECRET);
  }
  return globalForPayments.hibachiPaymentProvider;
}
