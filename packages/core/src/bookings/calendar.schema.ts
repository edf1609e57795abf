import { z } from 'zod';
import { daysBetween, ZLocalDate } from '../availability/availability.schema';
import { BOOKING_STATUSES } from './staff-bookings.schema';

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

/** One event on the calendar: its local date and times, party, chef and what is still due. */
export const ZCalendarEvent = z.object({
  id: z.uuid(),
  reference: z.string(),
  title: z.string(),
  customerName: z.string(),
  partySize: z.number().int(),
  status: z.enum(BOOKING_STATUSES),
  version: z.number().int(),
  chef: z.object({ id: z.uuid(), name: z.string() }),
  totalCents: z.number().int(),
  balanceCents: z.number().int().nonnegative(),
  date: z.iso.date(),
  time: z.iso.time({ precision: -1 }),
  durationMinutes: z.number().int(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
});
export type TCalendarEvent = z.output<typeof ZCalendarEvent>;

/** `GET /api/admin/calendar`: a station's zone, hours and chefs, and its events of the range. */
export const ZCalendar = z
  .object({
    station: z.object({
      slug: z.string(),
      name: z.string(),
      timezone: z.string(),
      serviceStartMinute: z.number().int(),
      serviceEndMinute: z.number().int(),
      bufferMinutes: z.number().int(),
      /** How the events' amounts are written (ISO 4217, BCP 47). */
      currency: z.string(),
      locale: z.string(),
    }),
    from: z.iso.date(),
    to: z.iso.date(),
    chefs: z.array(
      z.object({ id: z.uuid(), name: z.string(), color: z.string(), active: z.boolean() }),
    ),
    events: z.array(ZCalendarEvent),
  })
  .describe('The calendar of the range');
export type TCalendar = z.output<typeof ZCalendar>;
