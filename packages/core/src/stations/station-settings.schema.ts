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

/** Rules across fields, the same for a new station and an edit. */
function checkSettingsRules(
  value: Pick<TStationSettings, 'firstStart' | 'lastStart' | 'depositCents' | 'minimumCents'>,
  context: z.RefinementCtx,
): void {
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
}

/** The write: every setting, and the version the editor read (else 409 STALE_VERSION). */
export const ZUpdateStationSettings = ZStationSettings.extend({
  version: z.number().int().positive(),
})
  .strict()
  .superRefine(checkSettingsRules);

export type TUpdateStationSettings = z.infer<typeof ZUpdateStationSettings>;

/**
 * `PATCH /api/admin/stations/SLUG`: only the settings to change, with the version read; the
 * result must pass the full schema (so a new deposit is still checked against the minimum).
 */
export const ZPatchStationSettings = ZStationSettings.partial()
  .extend({ version: z.number().int().positive() })
  .strict();

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

/** What a new station starts with until its manager changes it (the seed's usual values). */
export const DEFAULT_STATION_SETTINGS = {
  firstStart: '11:00',
  lastStart: '20:00',
  slotIntervalMinutes: 30,
  bufferMinutes: 60,
  holdMinutes: 15,
  minimumNoticeHours: 48,
  cancellationNoticeHours: 48,
  adultPriceCents: 6_000,
  childPriceCents: 3_000,
  minimumCents: 60_000,
  depositCents: 10_000,
} as const satisfies Omit<TStationSettings, 'name' | 'timezone'>;

/** The part of a station's address customers see: `/book/SLUG`. */
export const ZStationSlug = z
  .string({ error: 'Enter a short address' })
  .trim()
  .min(2, 'At least 2 characters')
  .max(40, 'At most 40 characters')
  .regex(
    /^[a-z0-9]+(-[a-z0-9]+)*$/,
    'Lower-case letters, digits and single hyphens, such as san-diego',
  );

/**
 * `POST /api/admin/stations` (super admin): address, name and zone; every other setting may
 * be given and otherwise starts from DEFAULT_STATION_SETTINGS.
 */
const settings = ZStationSettings.shape;
const defaults = DEFAULT_STATION_SETTINGS;
export const ZCreateStation = z
  .object({
    slug: ZStationSlug,
    name: settings.name,
    timezone: settings.timezone,
    firstStart: settings.firstStart.default(defaults.firstStart),
    lastStart: settings.lastStart.default(defaults.lastStart),
    slotIntervalMinutes: settings.slotIntervalMinutes.default(defaults.slotIntervalMinutes),
    bufferMinutes: settings.bufferMinutes.default(defaults.bufferMinutes),
    holdMinutes: settings.holdMinutes.default(defaults.holdMinutes),
    minimumNoticeHours: settings.minimumNoticeHours.default(defaults.minimumNoticeHours),
    cancellationNoticeHours: settings.cancellationNoticeHours.default(
      defaults.cancellationNoticeHours,
    ),
    adultPriceCents: settings.adultPriceCents.default(defaults.adultPriceCents),
    childPriceCents: settings.childPriceCents.default(defaults.childPriceCents),
    minimumCents: settings.minimumCents.default(defaults.minimumCents),
    depositCents: settings.depositCents.default(defaults.depositCents),
  })
  .strict()
  .superRefine(checkSettingsRules);

export type TCreateStation = z.input<typeof ZCreateStation>;

/** A station as the super admin's Stations page lists it. */
export type StationAdminRow = {
  id: string;
  slug: string;
  name: string;
  timezone: string;
  /** Open to customers. */
  active: boolean;
  activeChefs: number;
  /** Active bookings from now on (lapsed holds left out): while any exist it cannot close. */
  upcomingBookings: number;
  staff: number;
};
