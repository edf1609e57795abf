import { z } from 'zod';
import { daysBetween, ZLocalDate, ZLocalTime } from '../availability/availability.schema';
import { ZReassignedBooking } from '../stations/chef.schema';
import { sanitizeText } from '../validation/sanitize';

const ZNote = z
  .string()
  .transform(sanitizeText)
  .pipe(z.string().max(200, 'Keep the note under 200 characters'))
  .nullish()
  .transform((value) => (value ? value : null));

/** What to do with the chef's bookings inside the time off: refuse (list them) or move them all. */
const ZBookingsChoice = z
  .enum(['refuse', 'reassign'], { error: 'Choose refuse or reassign' })
  .default('refuse');

/** The longest time off one entry may cover (a longer absence is a chef leaving the roster). */
export const MAX_TIME_OFF_DAYS = 366;

/**
 * `POST /api/admin/stations/SLUG/time-off` and `PATCH /api/admin/time-off/ID`: whole days
 * (`from`–`to` inclusive, local dates) or a span of hours on one date, in the station's zone.
 */
export const ZTimeOffInput = z.discriminatedUnion(
  'kind',
  [
    z
      .strictObject({
        kind: z.literal('DAYS'),
        chefId: z.uuid('Choose a chef'),
        from: ZLocalDate,
        to: ZLocalDate,
        note: ZNote,
        bookings: ZBookingsChoice,
      })
      .refine((value) => value.from <= value.to, {
        path: ['to'],
        message: 'The last day is before the first',
      })
      .refine(
        (value) => value.from > value.to || daysBetween(value.from, value.to) < MAX_TIME_OFF_DAYS,
        { path: ['to'], message: `At most ${MAX_TIME_OFF_DAYS} days at a time` },
      ),
    z
      .strictObject({
        kind: z.literal('HOURS'),
        chefId: z.uuid('Choose a chef'),
        date: ZLocalDate,
        from: ZLocalTime,
        to: ZLocalTime,
        note: ZNote,
        bookings: ZBookingsChoice,
      })
      .refine((value) => value.from < value.to, {
        path: ['to'],
        message: 'The end is before the start',
      }),
  ],
  { error: 'Choose whole days (DAYS) or hours (HOURS)' },
);
export type TTimeOffInput = z.input<typeof ZTimeOffInput>;

/** `PUT /api/admin/chefs/ID/weekly-off`: the weekdays (ISO, Monday 1 … Sunday 7) the chef never works. */
export const ZWeeklyOffInput = z.strictObject({
  weekdays: z
    .array(
      z
        .number()
        .int()
        .min(1, 'Use 1 (Monday) to 7 (Sunday)')
        .max(7, 'Use 1 (Monday) to 7 (Sunday)'),
    )
    .max(7)
    .refine((days) => new Set(days).size === days.length, 'Each weekday once'),
  note: ZNote,
});

/** `PUT /api/admin/stations/SLUG/dates/DATE`: closed that date, or other first and last starts. */
export const ZStationDateInput = z
  .strictObject({
    closed: z.boolean({ error: 'Choose closed or other hours' }),
    firstStart: ZLocalTime.nullish(),
    lastStart: ZLocalTime.nullish(),
    note: ZNote,
  })
  .refine((value) => value.closed || (value.firstStart && value.lastStart), {
    path: ['firstStart'],
    message: 'Give the first and last start times, or mark the date closed',
  })
  .refine(
    (value) =>
      value.closed || !value.firstStart || !value.lastStart || value.firstStart <= value.lastStart,
    { path: ['lastStart'], message: 'The last start is before the first' },
  );

/** `GET /api/admin/stations/SLUG/season?from&to`: the range of local dates to show. */
export const ZSeasonQuery = z
  .object({ from: ZLocalDate, to: ZLocalDate })
  .refine((value) => value.from <= value.to, {
    path: ['to'],
    message: 'The end is before the start',
  })
  .refine((value) => value.from > value.to || daysBetween(value.from, value.to) <= 400, {
    path: ['to'],
    message: 'Ask for at most 400 days at a time',
  });

/** A chef's time off: whole local days (the last inclusive) or a span of hours on one date. */
export const ZTimeOffEntry = z.object({
  id: z.uuid(),
  chefId: z.uuid(),
  chef: z.string(),
  kind: z.enum(['DAYS', 'HOURS']),
  /** DAYS: the first and last local dates; HOURS: the date with from/to times. */
  from: z.string(),
  to: z.string(),
  date: z.iso.date().nullable(),
  startsAt: z.iso.datetime(),
  endsAt: z.iso.datetime(),
  note: z.string().nullable(),
});
export type TimeOffEntry = z.output<typeof ZTimeOffEntry>;

/** A weekday (ISO, Monday 1 … Sunday 7) a chef never works. */
export const ZWeeklyOff = z.object({
  chefId: z.uuid(),
  chef: z.string(),
  weekday: z.number().int().min(1).max(7),
  note: z.string().nullable(),
});
export type WeeklyOff = z.output<typeof ZWeeklyOff>;

/** A date the station is closed, or keeps other first and last start times. */
export const ZStationDateRule = z
  .object({
    date: z.iso.date(),
    closed: z.boolean(),
    firstStart: z.iso.time({ precision: -1 }).nullable(),
    lastStart: z.iso.time({ precision: -1 }).nullable(),
    note: z.string().nullable(),
  })
  .describe('The date rule');
export type StationDateRule = z.output<typeof ZStationDateRule>;

/** `GET /api/admin/stations/SLUG/season`: time off, weekly days off and date rules of a range. */
export const ZSeason = z
  .object({
    /** The station's chefs (inactive ones last), for choosing whose time off. */
    chefs: z.array(
      z.object({ id: z.uuid(), name: z.string(), color: z.string(), active: z.boolean() }),
    ),
    timeOff: z.array(ZTimeOffEntry),
    weeklyOff: z.array(ZWeeklyOff),
    dates: z.array(ZStationDateRule),
  })
  .describe('Time off, weekly days off and date rules');
export type Season = z.output<typeof ZSeason>;

/** `PUT /api/admin/chefs/ID/weekly-off`: the chef's weekly days off as they are now. */
export const ZWeeklyOffList = z.array(ZWeeklyOff).describe('The weekly days off');

/** Adding or changing time off: the entry and the bookings moved to other chefs. */
export const ZTimeOffChange = z
  .object({ entry: ZTimeOffEntry, reassigned: z.array(ZReassignedBooking) })
  .describe('The entry and the bookings moved');
export type TTimeOffChange = z.output<typeof ZTimeOffChange>;
