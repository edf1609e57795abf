import { z } from 'zod';
import { sanitizeText } from '../validation/sanitize';

/**
 * Who gives a refund back: the payment provider (a card paid online, sent automatically and
 * retried while it fails) or a person, by the way the money came in (a card taken on a
 * terminal, cash, a check). Browser-safe.
 */
export const REFUND_SETTLERS = ['PROVIDER', 'CARD_TERMINAL', 'CASH', 'CHECK'] as const;
export type TRefundSettler = (typeof REFUND_SETTLERS)[number];

export function refundSettledBy(payment: {
  method: 'CARD' | 'CASH' | 'CHECK';
  providerPaymentIntent: string | null;
}): TRefundSettler {
  if (payment.method === 'CARD')
    return payment.providerPaymentIntent ? 'PROVIDER' : 'CARD_TERMINAL';
  return payment.method;
}

/** One part of a refund and who gives it back. */
export const ZRefundPart = z.object({
  settledBy: z.enum(REFUND_SETTLERS),
  amountCents: z.number().int().positive(),
});

/** What staff do to settle a refund by hand, in the words the admin and the e-mails use. */
export const SETTLER_ACTIONS: Record<TRefundSettler, string> = {
  PROVIDER: 'sent to the card automatically',
  CARD_TERMINAL: 'refund on the card terminal',
  CASH: 'hand back in cash',
  CHECK: 'send a check',
};

/** `POST /api/admin/payments/ID/refund-settled`: a refund handed back by a person. */
export const ZSettleRefundInput = z.strictObject({
  note: z
    .string()
    .transform(sanitizeText)
    .pipe(z.string().max(500, 'Keep the note under 500 characters'))
    .optional(),
});

export const ZSettledRefund = z.object({
  paymentId: z.uuid(),
  bookingId: z.uuid(),
  settledBy: z.enum(REFUND_SETTLERS),
  settledCents: z.number().int().positive(),
  refundedCents: z.number().int().nonnegative(),
  status: z.enum(['REFUNDED', 'PARTIALLY_REFUNDED']),
});
export type TSettledRefund = z.infer<typeof ZSettledRefund>;
