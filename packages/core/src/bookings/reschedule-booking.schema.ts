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

/** Why a move was refused, for the UI's plain-words toast. */
export type TRescheduleRefusal = 'SLOT_TAKEN' | 'STALE_VERSION' | 'BAD_STATE' | 'DUPLICATE_BOOKING';
