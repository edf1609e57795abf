import { z } from 'zod';
import { isKnownCurrency } from '../money/format-money';

/**
 * A station's settings as managers edit them: one schema for the admin form (checked in the
 * browser before sending) and `PUT /api/admin/stations/SLUG/settings`. Browser-safe.
 * Money in integer cents, times as local "HH:MM" in the station's zone.
 */

const ZLocalTime = z
  .string()
  .regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'Use a 24-hour time such as 11:00');

/** A price in the station currency's minor units, at most 100,000 major units. */
const ZCents = z
  .number({ error: 'Enter an amount' })
  .int('Use whole cents')
  .min(0, 'Must not be negative')
  .max(10_000_000, 'At most 100,000');

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

/** A BCP 47 locale the runtime writes numbers in ("en-GB"). */
export function isKnownLocale(locale: string): boolean {
  try {
    return Intl.getCanonicalLocales(locale).length === 1 && locale.length <= 35;
  } catch {
    return false;
  }
}

/** A ZONES travel zone: a postcode area or district ("SW", "E1", "SW1A") and its fee. */
export const ZTravelZoneInput = z.strictObject({
  prefix: z
    .string({ error: 'Enter a postcode prefix' })
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{1,2}(\d{1,2}[A-Z]?)?$/, 'A postcode area or district, such as SW or E1'),
  label: z.string().trim().min(1, 'Enter a label').max(60, 'At most 60 characters'),
  feeCents: ZCents,
});

/** Menu, currency and travel settings: optional in a full update (then kept as they are). */
const MENU_AND_TRAVEL = {
  currency: z
    .string({ error: 'Choose a currency' })
    .trim()
    .toUpperCase()
    .refine(isKnownCurrency, 'Choose an ISO 4217 currency, such as USD or GBP'),
  locale: z.string().trim().refine(isKnownLocale, 'Choose a locale, such as en-US or en-GB'),
  country: z
    .string()
    .trim()
    .toUpperCase()
    .regex(/^[A-Z]{2}$/, 'Use the two-letter country code, such as US or GB'),
  proteinsPerAdult: wholeNumber(0, 5, 'proteins'),
  menuLockHours: wholeNumber(0, 720, 'hours'),
  travelMode: z.enum(['NONE', 'DISTANCE', 'ZONES'], { error: 'Choose how travel is charged' }),
  travelOriginPostalCode: z
    .string()
    .trim()
    .max(12, 'At most 12 characters')
    .nullable()
    .transform((value) => (value ? value : null)),
  travelFreeMiles: wholeNumber(0, 500, 'miles'),
  travelFeePerMileCents: ZCents,
  travelMaxMiles: wholeNumber(1, 1000, 'miles').nullable(),
  travelZones: z.array(ZTravelZoneInput).max(100, 'At most 100 zones'),
  /** Customers move their own booking until this many hours before it, at most this often. */
  rescheduleNoticeHours: wholeNumber(0, 2160, 'hours'),
  rescheduleLimit: wholeNumber(0, 10, 'times'),
  reminderDays: wholeNumber(2, 30, 'days'),
  sendReminder: z.boolean({ error: 'Choose yes or no' }),
  sendDayBefore: z.boolean({ error: 'Choose yes or no' }),
  sendThankYou: z.boolean({ error: 'Choose yes or no' }),
  /** Customers may pay part of the balance online (otherwise all of it at once). */
  allowPartialBalance: z.boolean({ error: 'Choose yes or no' }),
  /** Chefs may mark their own started events completed from "My events". */
  chefsMayComplete: z.boolean({ error: 'Choose yes or no' }),
  /** How long a phone or text order entered by staff waits for the customer's deposit. */
  staffHoldHours: wholeNumber(1, 336, 'hours'),
  /** Years after a customer's last event here before their data is anonymised; null: kept. */
  retentionYears: wholeNumber(1, 30, 'years').nullable(),
  reviewUrl: z
    .string()
    .trim()
    .max(300, 'At most 300 characters')
    .nullable()
    .transform((value) => (value ? value : null))
    .pipe(z.url({ protocol: /^https?$/, error: 'Enter a web address (https://…)' }).nullable()),
};

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
    ...MENU_AND_TRAVEL,
  })
  .strict();

export type TStationSettings = z.infer<typeof ZStationSettings>;

/** The settings every client sends; the menu, currency and travel ones may be left out. */
const ZFullUpdate = ZStationSettings.partial({
  currency: true,
  locale: true,
  country: true,
  proteinsPerAdult: true,
  menuLockHours: true,
  travelMode: true,
  travelOriginPostalCode: true,
  travelFreeMiles: true,
  travelFeePerMileCents: true,
  travelMaxMiles: true,
  travelZones: true,
  rescheduleNoticeHours: true,
  rescheduleLimit: true,
  reminderDays: true,
  sendReminder: true,
  sendDayBefore: true,
  sendThankYou: true,
  allowPartialBalance: true,
  chefsMayComplete: true,
  staffHoldHours: true,
  retentionYears: true,
  reviewUrl: true,
});

/** Rules across fields, the same for a new station and an edit. */
function checkSettingsRules(
  value: Pick<TStationSettings, 'firstStart' | 'lastStart' | 'depositCents' | 'minimumCents'> &
    Partial<
      Pick<
        TStationSettings,
        | 'travelMode'
        | 'travelOriginPostalCode'
        | 'travelFreeMiles'
        | 'travelMaxMiles'
        | 'travelZones'
      >
    >,
  context: z.RefinementCtx,
): void {
  if (value.travelMode === 'DISTANCE' && !value.travelOriginPostalCode)
    context.addIssue({
      code: 'custom',
      path: ['travelOriginPostalCode'],
      message: 'Enter the postal code distances are measured from',
    });
  if (value.travelMode === 'ZONES' && (value.travelZones ?? []).length === 0)
    context.addIssue({
      code: 'custom',
      path: ['travelZones'],
      message: 'Add at least one zone the station serves',
    });
  const prefixes = (value.travelZones ?? []).map((zone) => zone.prefix);
  if (new Set(prefixes).size !== prefixes.length)
    context.addIssue({ code: 'custom', path: ['travelZones'], message: 'Each prefix once' });
  if (
    value.travelMaxMiles !== null &&
    value.travelMaxMiles !== undefined &&
    value.travelFreeMiles !== undefined &&
    value.travelMaxMiles < value.travelFreeMiles
  )
    context.addIssue({
      code: 'custom',
      path: ['travelMaxMiles'],
      message: 'The service area cannot end inside the free radius',
    });
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
export const ZUpdateStationSettings = ZFullUpdate.extend({
  version: z.number().int().positive(),
})
  .strict()
  .superRefine(checkSettingsRules);

export type TUpdateStationSettings = z.input<typeof ZUpdateStationSettings>;

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
  currency: 'USD',
  locale: 'en-US',
  country: 'US',
  proteinsPerAdult: 2,
  menuLockHours: 72,
  travelMode: 'NONE',
  travelOriginPostalCode: null,
  travelFreeMiles: 0,
  travelFeePerMileCents: 0,
  travelMaxMiles: null,
  travelZones: [],
  rescheduleNoticeHours: 72,
  rescheduleLimit: 2,
  reminderDays: 7,
  sendReminder: true,
  sendDayBefore: true,
  sendThankYou: true,
  allowPartialBalance: false,
  chefsMayComplete: false,
  staffHoldHours: 48,
  retentionYears: null,
  reviewUrl: null,
} as const satisfies Omit<TStationSettings, 'name' | 'timezone' | 'travelZones'> & {
  travelZones: readonly never[];
};

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
    currency: settings.currency.default(defaults.currency),
    locale: settings.locale.default(defaults.locale),
    country: settings.country.default(defaults.country),
  })
  .strict()
  .superRefine(checkSettingsRules);

export type TCreateStation = z.input<typeof ZCreateStation>;

/** A station as the super admin's Stations page lists it. */
export const ZStationAdminRow = z
  .object({
    id: z.uuid(),
    slug: z.string(),
    name: z.string(),
    timezone: z.string(),
    /** Open to customers. */
    active: z.boolean(),
    activeChefs: z.number().int().nonnegative(),
    /** Active bookings from now on (lapsed holds left out): while any exist it cannot close. */
    upcomingBookings: z.number().int().nonnegative(),
    /** Active staff accounts of the station. */
    staff: z.number().int().nonnegative(),
  })
  .describe('The station');
export type StationAdminRow = z.output<typeof ZStationAdminRow>;
