import { z } from 'zod';
import { ZLocalDate } from '../availability/availability.schema';
import { sanitizeText } from '../validation/sanitize';
import { ZBookingStation } from './customer-booking.schema';

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

/** One row of `GET /api/admin/bookings`. */
export const ZStaffBookingRow = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(BOOKING_STATUSES),
  version: z.number().int(),
  /** The event's local date and start time, in the station's zone. */
  date: z.iso.date(),
  time: z.iso.time({ precision: -1 }),
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  station: ZBookingStation,
  /** ISO 4217: the row's amounts (a super admin's list may hold several currencies). */
  currency: z.string(),
  customer: z.object({ name: z.string(), email: z.string() }),
  adults: z.number().int(),
  children: z.number().int(),
  chef: z.object({ id: z.uuid(), name: z.string(), color: z.string() }),
  totalCents: z.number().int(),
  paidCents: z.number().int(),
  balanceCents: z.number().int().nonnegative(),
});
export type TStaffBookingRow = z.output<typeof ZStaffBookingRow>;

/** `GET /api/admin/bookings`: a page of bookings, newest event first, and the next page's cursor. */
export const ZStaffBookingPage = z
  .object({ items: z.array(ZStaffBookingRow), nextCursor: z.string().nullable() })
  .describe('A page of bookings and the next cursor');
export type TStaffBookingPage = z.output<typeof ZStaffBookingPage>;

/** `POST /api/admin/bookings/ID/status`: what happened at an event that has started. */
export const ZMarkOutcomeInput = z.strictObject({
  status: z.enum(['COMPLETED', 'NO_SHOW'], { error: 'Choose completed or no-show' }),
  version: z.number({ error: 'Send the version you saw' }).int().positive(),
});
export type TMarkOutcomeInput = z.input<typeof ZMarkOutcomeInput>;

export const ZBookingOutcome = z
  .object({ id: z.uuid(), status: z.enum(['COMPLETED', 'NO_SHOW']), version: z.number().int() })
  .describe('The new status and version');
export type TBookingOutcome = z.output<typeof ZBookingOutcome>;

/** `PATCH /api/admin/bookings/ID/notes`: staff-only notes (never shown to the customer). */
export const ZUpdateNotesInput = z.strictObject({
  notes: z
    .string({ error: 'Send the notes as text' })
    .transform(sanitizeText)
    .pipe(z.string().max(2000, 'Keep notes under 2,000 characters')),
  version: z.number({ error: 'Send the version you saw' }).int().positive(),
});
export type TUpdateNotesInput = z.input<typeof ZUpdateNotesInput>;

export const ZSavedNotes = z
  .object({ id: z.uuid(), notes: z.string().nullable(), version: z.number().int() })
  .describe('The notes as saved and the version');
export type TSavedNotes = z.output<typeof ZSavedNotes>;
