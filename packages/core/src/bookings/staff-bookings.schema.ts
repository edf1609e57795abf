import { z } from 'zod';
import { ZLocalDate } from '../availability/availability.schema';
import { sanitizeText } from '../validation/sanitize';

export const BOOKING_STATUSES = [
  'PENDING_PAYMENT',
  'CONFIRMED',
  'COMPLETED',
  'CANCELLED',
  'NO_SHOW',
  'EXPIRED',
] as const;
export type TBookingStatus = (typeof BOOKING_STATUSES)[number];

const blankIsMissing = (value: unknown) => (value === '' ? undefined : value);

/** `GET /api/admin/bookings` query. Text from the URL; unknown parameters ignored (cache busters). */
export const ZListStaffBookingsQuery = z
  .object({
    status: z.preprocess(
      (value) => (typeof value === 'string' && value !== '' ? value.split(',') : undefined),
      z.array(z.enum(BOOKING_STATUSES, { error: 'Unknown status' })).optional(),
    ),
    from: z.preprocess(blankIsMissing, ZLocalDate.optional()),
    to: z.preprocess(blankIsMissing, ZLocalDate.optional()),
    q: z.preprocess(blankIsMissing, z.string().trim().max(100, 'Search is too long').optional()),
    chef: z.preprocess(blankIsMissing, z.uuid('Unknown chef').optional()),
    station: z.preprocess(blankIsMissing, z.string().max(64).optional()),
    cursor: z.preprocess(blankIsMissing, z.string().max(200).optional()),
    limit: z.preprocess(
      blankIsMissing,
      z.coerce.number().int().min(1).max(100, 'At most 100 per page').default(25),
    ),
  })
  .refine((query) => !query.from || !query.to || query.from <= query.to, {
    path: ['to'],
    message: 'The end date is before the start date',
  });
export type TListStaffBookingsQuery = z.output<typeof ZListStaffBookingsQuery>;

/** `POST /api/admin/bookings/ID/status`: what happened at an event that has started. */
export const ZMarkOutcomeInput = z.strictObject({
  status: z.enum(['COMPLETED', 'NO_SHOW'], { error: 'Choose completed or no-show' }),
  version: z.number({ error: 'Send the version you saw' }).int().positive(),
});
export type TMarkOutcomeInput = z.input<typeof ZMarkOutcomeInput>;

/** `PATCH /api/admin/bookings/ID/notes`: staff-only notes (never shown to the customer). */
export const ZUpdateNotesInput = z.strictObject({
  notes: z
    .string({ error: 'Send the notes as text' })
    .transform(sanitizeText)
    .pipe(z.string().max(2000, 'Keep notes under 2,000 characters')),
  version: z.number({ error: 'Send the version you saw' }).int().positive(),
});
export type TUpdateNotesInput = z.input<typeof ZUpdateNotesInput>;
