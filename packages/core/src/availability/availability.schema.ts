import { z } from 'zod';
import { isCalendarDate } from '../time/calendar-date';
import { DEFAULT_DURATION_MINUTES, ZDurationMinutes, ZStationSlug } from '../pricing/quote.schema';

/** Days from one local date to another, both counted (YYYY-MM-DD, calendar arithmetic). */
export const daysBetween = (from: string, to: string) =>
  (Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000 + 1;

export const ZLocalDate = z
  .string({ error: 'Choose a date' })
  .regex(/^\d{4}-\d{2}-\d{2}$/, 'Use the format YYYY-MM-DD')
  .refine(isCalendarDate, 'Not a real date');

export const ZLocalTime = z
  .string({ error: 'Choose a start time' })
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use 24-hour HH:MM');

/** Query strings arrive as text; duration is coerced. Unknown parameters are ignored (cache busters). */
export const ZAvailabilityQuery = z.object({
  station: ZStationSlug,
  date: ZLocalDate,
  duration: z.coerce.number().pipe(ZDurationMinutes).default(DEFAULT_DURATION_MINUTES),
});

export const ZAvailabilityDaysQuery = z.object({
  station: ZStationSlug,
  from: ZLocalDate,
  days: z.coerce.number().int().min(1).max(62).default(35),
  duration: z.coerce.number().pipe(ZDurationMinutes).default(DEFAULT_DURATION_MINUTES),
});

export const ZSlot = z.object({
  time: ZLocalTime,
  startsAt: z.iso.datetime(),
  available: z.number().int().nonnegative(),
});

export const ZAvailability = z.object({
  date: ZLocalDate,
  timezone: z.string(),
  durationMinutes: z.number().int(),
  slots: z.array(ZSlot),
});
export type TAvailability = z.infer<typeof ZAvailability>;

/**
 * GET /api/admin/availability: the day as staff taking a phone order see it: every start
 * from now on (the minimum notice is the customer's), and which chefs are free at each.
 */
export const ZStaffAvailability = z.object({
  date: ZLocalDate,
  timezone: z.string(),
  durationMinutes: z.number().int(),
  chefs: z.array(z.object({ id: z.uuid(), name: z.string() })),
  slots: z.array(
    ZSlot.extend({
      /** Whether a customer could book it online too (outside the minimum notice). */
      online: z.boolean(),
      freeChefIds: z.array(z.uuid()),
    }),
  ),
});
export type TStaffAvailability = z.infer<typeof ZStaffAvailability>;

export const ZAvailabilityDays = z.object({
  timezone: z.string(),
  days: z.array(
    z.object({
      date: ZLocalDate,
      openSlots: z.number().int().nonnegative(),
      /**
       * OPEN: some start time free; FULL: every chef booked or away; TOO_SOON: inside the
       * minimum notice; CLOSED: the station is closed that date.
       */
      status: z.enum(['OPEN', 'FULL', 'TOO_SOON', 'CLOSED']),
    }),
  ),
});
export type TAvailabilityDays = z.infer<typeof ZAvailabilityDays>;
