import { z } from 'zod';
import { BOOKING_STATUSES } from '../bookings/staff-bookings.schema';
import { sanitizeText } from '../validation/sanitize';

export const ZRecordPaymentInput = z.strictObject({
  amountCents: z
    .number({ error: 'Enter the amount in cents' })
    .int('Use whole cents')
    .positive('Enter an amount above zero')
    .max(10_000_000, 'That amount is too large'),
  method: z.enum(['CASH', 'CHECK', 'CARD'], { error: 'Choose cash, check or card' }),
  note: z
    .string()
    .transform(sanitizeText)
    .pipe(z.string().max(500, 'Keep the note under 500 characters'))
    .optional(),
  /** Taking more than the outstanding balance must be explicit. */
  allowOverpayment: z.boolean().default(false),
  /** The booking version the staff member saw; a newer one answers 409 instead of paying twice. */
  version: z.number().int().positive().optional(),
});
export type TRecordPaymentInput = z.input<typeof ZRecordPaymentInput>;

/** `POST /api/admin/bookings/ID/payments` (201): the payment and where the booking stands now. */
export const ZRecordedPayment = z
  .object({
    payment: z.object({
      id: z.uuid(),
      amountCents: z.number().int().positive(),
      method: z.enum(['CASH', 'CHECK', 'CARD']),
      status: z.literal('SUCCEEDED'),
    }),
    booking: z.object({
      id: z.uuid(),
      reference: z.string(),
      status: z.enum(BOOKING_STATUSES),
      paidCents: z.number().int(),
      outstandingCents: z.number().int().nonnegative(),
      version: z.number().int(),
    }),
  })
  .describe('The payment and the balance left');
export type TRecordedPayment = z.output<typeof ZRecordedPayment>;
