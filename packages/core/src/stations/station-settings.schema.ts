import { z } from 'zod';

/**
 * A station's settings as managers edit them: one schema for the admin form (checked in the
 * browser before sending) and `PUT /api/admin/stations/SLUG/settings`. Browser-safe.
 * Money in integer cents, times as local "HH:MM" in the station's zone.
 */

const ZLocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 11:00');

/** A price: whole cents, at most $100,000. */
const ZCents = z
  .number({ error: 'Enter an amount' })
  .int('Use whole cents')
  .min(0, 'Must not be negative')
  .max(10_000_000, 'At most $100,000');

const wholeNumber = (min: number, max: number, unit: string) =>
  z
    .number({ error: 'Enter a number' })
    .int('Use a whole number')
    .min(min, `At least ${min} ${unit}`)
    .max(max, `At most ${max} ${unit}`);

/** An IANA zone name as the runtime knows it, in its canonical spelling. */
export function isCanonicalTimeZone(zone: string): boolean {
  try {
    return new Intl.DateTimeFormat('en-US', { timeZone: zone }).resolvedOptions().timeZone === zone;
  } catch {
    return false;
  }
}

export const ZStationSettings = z
  .object({
    name: z.string().trim().min(1, 'Enter a name').max(80, 'At most 80 characters'),
    timezone: z.string().max(64).refine(isCanonicalTimeZone, 'Choose a time zone from the list'),
    firstStart: ZLocalTime,
    lastStart: ZLocalTime,
    slotIntervalMinutes: wholeNumber(5, 240, 'minutes'),
    bufferMinutes: wholeNumber(0, 480, 'minutes'),
    holdMinutes: wholeNumber(5, 120, 'minutes'),
    minimumNoticeHours: wholeNumber(0, 2160, 'hours'),
    cancellationNoticeHours: wholeNumber(0, 2160, 'hours'),
    adultPriceCents: ZCents,
    childPriceCents: ZCents,
    minimumCents: ZCents,
    depositCents: ZCents,
  })
  .strict();

export type TStationSettings = z.infer<typeof ZStationSettings>;

/** The write: every setting, and the version the editor read (else 409 STALE_VERSION). */
export const ZUpdateStationSettings = ZStationSettings.extend({
  version: z.number().int().positive(),
})
  .strict()
  .superRefine((value, context) => {
    if (value.lastStart < value.firstStart)
      context.addIssue({
        code: 'custom',
        path: ['lastStart'],
        message: 'The last start cannot be before the first start',
      });
    if (value.depositCents > value.minimumCents)
      context.addIssue({
        code: 'custom',
        path: ['depositCents'],
        message: 'The deposit cannot be more than the event minimum',
      });
  });

export type TUpdateStationSettings = z.infer<typeof ZUpdateStationSettings>;

/** A future booking the new service hours leave outside them, for staff to move. */
export const ZOutsideHoursBooking = z.object({
  id: z.uuid(),
  reference: z.string(),
  date: z.string(),
  time: z.string(),
  chef: z.string(),
});

export const ZStationSettingsView = z.object({
  station: z.object({ id: z.uuid(), slug: z.string(), active: z.boolean() }),
  settings: ZStationSettings,
  version: z.number().int().positive(),
  /** Active bookings from now on: while there are any the time zone cannot change. */
  futureBookings: z.number().int().nonnegative(),
  /** Future active bookings outside the service hours (after a change of hours). */
  outsideHours: z.array(ZOutsideHoursBooking),
});

export type TStationSettingsView = z.infer<typeof ZStationSettingsView>;
