import { z } from 'zod';
import { ZLocalDate, ZLocalTime } from '../availability/availability.schema';

/** `PATCH /api/admin/bookings/ID`: move a booking (calendar drag, resize, the Move… form). */
export const ZRescheduleInput = z.strictObject({
  date: ZLocalDate,
  time: ZLocalTime,
  durationMinutes: z
    .number({ error: 'Duration is in minutes' })
    .int('Duration is in whole minutes')
    .min(60, 'Events last at least an hour')
    .max(480, 'Events last at most 8 hours')
    .optional(),
  chefId: z.uuid('Choose a chef').optional(),
  version: z.number({ error: 'Send the version you saw' }).int().positive(),
});
export type TRescheduleInput = z.input<typeof ZRescheduleInput>;

/** `PATCH /api/admin/bookings/ID`: the booking at its new time (and chef). */
export const ZRescheduledBooking = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: z.enum(['PENDING_PAYMENT', 'CONFIRMED']),
    version: z.number().int(),
    chef: z.object({ id: z.uuid(), name: z.string(), color: z.string() }),
    /** False when the move changed nothing (same window, same chef): nothing was written. */
    moved: z.boolean(),
    date: z.iso.date(),
    time: z.iso.time({ precision: -1 }),
    durationMinutes: z.number().int(),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
  })
  .describe('The booking at its new time');
export type TRescheduledBooking = z.output<typeof ZRescheduledBooking>;

/** Why a move was refused, for the UI's plain-words toast. */
export type TRescheduleRefusal = 'SLOT_TAKEN' | 'STALE_VERSION' | 'BAD_STATE' | 'DUPLICATE_BOOKING';
