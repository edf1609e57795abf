import { z } from 'zod';
import { ZCancellationRefund } from '../money/cancellation-refund';
import { ZRefundPart } from '../money/refund-settler';
import { sanitizeText } from '../validation/sanitize';

/** POST /api/admin/bookings/ID/cancel: why, and whether the customer gets their money back. */
export const ZStaffCancelInput = z.strictObject({
  reason: z
    .string({ error: 'Say why the booking is cancelled' })
    .transform(sanitizeText)
    .pipe(
      z
        .string()
        .min(3, 'Say why the booking is cancelled')
        .max(500, 'Keep the reason under 500 characters'),
    ),
  refund: z.boolean({ error: 'Choose whether to refund' }),
  /** Also give back the gratuity paid online (the cancellation policy never does on its own). */
  refundGratuity: z.boolean({ error: 'Choose whether to refund the gratuity' }).default(false),
  /** The version the staff member saw; a newer one answers 409 instead of cancelling blind. */
  version: z.number().int().nonnegative().optional(),
});
export type TStaffCancelInput = z.input<typeof ZStaffCancelInput>;

export const ZStaffCancellation = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.literal('CANCELLED'),
  version: z.number().int(),
  refund: z.object({
    /** Card money sent back through the payment provider. */
    cardCents: z.number().int().nonnegative(),
    /** Cash, check or terminal money staff must hand back themselves. */
    offlineCents: z.number().int().nonnegative(),
    /** Money kept because no refund was chosen. */
    keptCents: z.number().int().nonnegative(),
    status: z.enum(['NONE', 'NOT_REFUNDED', 'PENDING', 'REFUNDED']),
  }),
  /** The gratuity paid online: sent back through the provider (staff chose so), or left with the chef. */
  gratuity: z.object({
    refundedCents: z.number().int().nonnegative(),
    keptCents: z.number().int().nonnegative(),
  }),
  /** Each part of the refund and who gives it back: the provider, or staff by hand (owed until settled). */
  refundParts: z.array(ZRefundPart),
  /** What was paid (deposit, balance), refunded or kept, and the gratuity: what the outcome words. */
  cancellation: ZCancellationRefund,
});
export type TStaffCancellation = z.infer<typeof ZStaffCancellation>;
