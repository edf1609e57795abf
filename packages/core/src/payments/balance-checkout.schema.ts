import { z } from 'zod';
import { ZCustomerProof } from '../bookings/customer-booking.schema';
import { ZGratuityChoice } from '../money/gratuity';

/**
 * `POST /api/bookings/REF/balance-checkout`: the customer (reference + e-mail or the signed
 * link) pays what is left of the price, or a part of it where the station allows, with an
 * optional gratuity for the chef.
 */
export const ZBalanceCheckoutInput = z.intersection(
  ZCustomerProof,
  z.strictObject({
    /** The part of the balance paid now, in minor units; the whole balance when left out. */
    amountCents: z
      .number({ error: 'Enter the amount as a number' })
      .int('Enter the amount in whole minor units (cents)')
      .nonnegative('The amount cannot be negative')
      .optional(),
    gratuity: ZGratuityChoice.default({ kind: 'none' }),
  }),
);
export type TBalanceCheckoutInput = z.input<typeof ZBalanceCheckoutInput>;

export const ZBalanceCheckout = z.object({
  url: z.string(),
  provider: z.enum(['stripe', 'simulator']),
  /** The price part and the gratuity the payment page charges, in the booking's currency. */
  amountCents: z.number().int().nonnegative(),
  gratuityCents: z.number().int().nonnegative(),
  currency: z.string(),
});
export type TBalanceCheckout = z.infer<typeof ZBalanceCheckout>;
