/** What a checkout (the deposit, or the balance with a gratuity) needs from a provider. */
export type CheckoutRequest = {
  bookingId: string;
  reference: string;
  /** The price part (the deposit or the balance paid now); 0 for a gratuity on its own. */
  amountCents: number;
  /** Which the webhook applies it to (kept in the session's metadata); DEPOSIT when left out. */
  purpose?: 'DEPOSIT' | 'BALANCE';
  /** A gratuity for the chef, charged as its own line beside the price. */
  gratuity?: { amountCents: number; description: string };
  /** ISO 4217 in lower case, as Stripe writes it; the amount is in its minor units. */
  currency: string;
  description: string;
  customerEmail: string;
  /** When the provider should stop accepting payment (aligned with the booking hold). */
  expiresAt: Date;
  successUrl: string;
  cancelUrl: string;
  idempotencyKey: string;
};

export type CheckoutSession = { sessionId: string; url: string; expiresAt: Date };

export type RefundRequest = {
  paymentIntent: string;
  amountCents: number;
  idempotencyKey: string;
  reason: string;
};
export type RefundResult = { refundId: string; status: 'succeeded' | 'pending' | 'failed' };

/**
 * Stripe Checkout when STRIPE_SECRET_KEY is set; otherwise the local simulator, whose
 * page produces Stripe-format signed events for the same webhook handler.
 */
export type PaymentProvider = {
  name: 'stripe' | 'simulator';
  createCheckout(request: CheckoutRequest): Promise<CheckoutSession>;
  refund(request: RefundRequest): Promise<RefundResult>;
  /** The secret that signs this provider's webhook events. */
  webhookSecret: string;
};
