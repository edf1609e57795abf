import { z } from 'zod';

/** How a customer proves a booking is theirs: the e-mail it was made with, or the signed link token. */
export const ZCustomerProof = z.union([
  z.strictObject({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('Enter the e-mail address you booked with')),
  }),
  z.strictObject({ token: z.string().min(10).max(200) }),
]);
export type TCustomerProof = z.infer<typeof ZCustomerProof>;

export const ZCustomerBooking = z.object({
  reference: z.string(),
  status: z.enum(['PENDING_PAYMENT', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW', 'EXPIRED']),
  station: z.object({ slug: z.string(), name: z.string(), timezone: z.string() }),
  date: z.string(),
  time: z.string(),
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  adults: z.number().int(),
  children: z.number().int(),
  customer: z.object({ name: z.string(), email: z.string() }),
  address: z.object({
    line1: z.string(),
    line2: z.string().nullable(),
    city: z.string(),
    postalCode: z.string(),
  }),
  specialRequests: z.string().nullable(),
  totalCents: z.number().int(),
  depositCents: z.number().int(),
  paidCents: z.number().int(),
  holdExpiresAt: z.iso.datetime().nullable(),
  cancellable: z.boolean(),
  refundDeadline: z.iso.datetime(),
  cancelledAt: z.iso.datetime().nullable(),
});
export type TCustomerBooking = z.infer<typeof ZCustomerBooking>;

export const ZCancellationResult = z.object({
  booking: ZCustomerBooking,
  refund: z.object({
    amountCents: z.number().int().nonnegative(),
    status: z.enum(['NONE', 'REFUNDED', 'PENDING', 'NOT_ELIGIBLE']),
    reason: z.string(),
  }),
});
export type TCancellationResult = z.infer<typeof ZCancellationResult>;
