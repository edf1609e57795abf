import { z } from 'zod';
import { daysBetween, ZLocalDate } from '../availability/availability.schema';

export const MAX_CALENDAR_DAYS = 62;

/** `GET /api/admin/calendar?from&to&station?`: local dates in the station's zone, at most 62 days. */
export const ZCalendarQuery = z
  .object({
    from: ZLocalDate,
    to: ZLocalDate,
    station: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.string().max(64).optional(),
    ),
  })
  .refine((query) => query.from <= query.to, {
    path: ['to'],
    message: 'The end date is before the start date',
  })
  .refine(
    (query) => query.from > query.to || daysBetween(query.from, query.to) <= MAX_CALENDAR_DAYS,
    {
      path: ['to'],
      message: `Ask for at most ${MAX_CALENDAR_DAYS} days at a time`,
    },
  );
