import 'server-only';
import { createHmac, randomBytes } from 'node:crypto';
import type { PaymentProvider } from './payment-provider';

/** The simulator's webhook signing secret, derived from the app's own secret (never a real Stripe key). */
export function simulatorWebhookSecret(appSecret: string): string {
  return `whsec_sim${createHmac('sha256', appSecret).update('payment-simulator').digest('hex').slice(0, 32)}`;
}

/**
 * The embedded default when no Stripe keys are set: "checkout" is a page in the
 * customer app (clearly marked as a test payment) that posts Stripe-format events,
 * signed with this secret, to the same webhook handler Stripe would call.
 */
export function createSimulatorProvider(appSecret: string): PaymentProvider {
  return {
    name: 'simulator',
    webhookSecret: simulatorWebhookSecret(appSecret),
    async createCheckout(request) {
      const sessionId = `cs_sim_${randomBytes(12).toString('hex')}`;
      return {
        sessionId,
        url: `/pay/${encodeURIComponent(request.reference)}/simulator?session=${sessionId}`,
        expiresAt: request.expiresAt,
      };
    },
    async refund() {
      return { refundId: `re_sim_${randomBytes(12).toString('hex')}`, status: 'succeeded' };
    },
  };
}
