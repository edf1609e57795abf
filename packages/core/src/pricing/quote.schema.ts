import { z } from 'zod';
import { sanitizeLine } from '../validation/sanitize';
import { ZMenuSelection } from '../menu/menu.schema';

export const MAX_PARTY_SIZE = 50;
export const MIN_DURATION_MINUTES = 60;
export const MAX_DURATION_MINUTES = 480;
export const DEFAULT_DURATION_MINUTES = 120;

export const ZStationSlug = z
  .string({ error: 'Choose a location' })
  .regex(/^[a-z0-9-]{1,64}$/, 'Choose a location');

export const ZDurationMinutes = z
  .number({ error: 'Enter the event length in minutes' })
  .int('Use whole minutes')
  .min(MIN_DURATION_MINUTES, `Events last at least ${MIN_DURATION_MINUTES} minutes`)
  .max(MAX_DURATION_MINUTES, `Events last at most ${MAX_DURATION_MINUTES / 60} hours`)
  .multipleOf(30, 'Use steps of 30 minutes');

export const ZAdults = z
  .number({ error: 'Enter the number of adults' })
  .int('Use a whole number')
  .min(1, 'At least one adult must attend')
  .max(MAX_PARTY_SIZE, `At most ${MAX_PARTY_SIZE} guests`);

export const ZChildren = z
  .number({ error: 'Enter the number of children' })
  .int('Use a whole number')
  .min(0, 'Cannot be negative')
  .max(MAX_PARTY_SIZE - 1, `At most ${MAX_PARTY_SIZE} guests`);

/** Adds the party-size rule (1 to 50 guests in all) to an object with adults and children. */
export function withPartySize<T extends z.ZodType<{ adults: number; children: number }>>(
  schema: T,
) {
  return schema.refine((value) => value.adults + value.children <= MAX_PARTY_SIZE, {
    message: `A party is at most ${MAX_PARTY_SIZE} guests`,
    path: ['children'],
  });
}

export const ZPostalCode = z
  .string({ error: 'Enter the postal code' })
  .trim()
  .min(3, 'Enter the postal code')
  .max(12, 'At most 12 characters');

/**
 * The currency the client showed its prices in (optional): a booking or quote in another
 * currency than the station's is refused at this field, so nobody pays in a currency they
 * were not shown.
 */
export const ZExpectedCurrency = z
  .string({ error: 'Use a currency code such as USD' })
  .regex(/^[A-Z]{3}$/, 'Use a currency code such as USD')
  .optional();

const ZQuoteFields = z.strictObject({
  station: ZStationSlug,
  adults: ZAdults,
  children: ZChildren.default(0),
  durationMinutes: ZDurationMinutes.default(DEFAULT_DURATION_MINUTES),
  /** The party's menu choices (priced lines appear in the quote). */
  menu: ZMenuSelection.default([]),
  /** Where the event is: the travel fee, and whether the station serves it. */
  postalCode: ZPostalCode.optional(),
  currency: ZExpectedCurrency,
});
export const ZQuoteInput = withPartySize(ZQuoteFields);
export type TQuoteInput = z.input<typeof ZQuoteInput>;

/**
 * A discount or surcharge staff give: a percent of the price before adjustments or a fixed
 * amount in minor units (exactly one), the label the customer sees on the line (default:
 * "Discount" or "Surcharge") and the reason, required, kept for the audit and analytics.
 */
export const ZAdjustmentInput = z
  .strictObject({
    kind: z.enum(['DISCOUNT', 'SURCHARGE'], { error: 'Choose a discount or a surcharge' }),
    percent: z
      .number({ error: 'Enter a whole percent' })
      .int('Enter a whole percent')
      .min(1, 'At least 1%')
      .max(100, 'At most 100%')
      .optional(),
    amountCents: z
      .number({ error: 'Enter an amount' })
      .int('Enter an amount in minor units')
      .min(1, 'Enter an amount above zero')
      .max(10_000_000, 'That amount is too large')
      .optional(),
    label: z
      .string()
      .transform(sanitizeLine)
      .pipe(z.string().max(80, 'Keep the label under 80 characters'))
      .optional()
      .transform((value) => (value ? value : undefined)),
    reason: z
      .string({ error: 'Say why' })
      .transform(sanitizeLine)
      .pipe(
        z
          .string()
          .max(300, 'Keep the reason under 300 characters')
          // Counted as PostgreSQL counts (code points), so the table's check never refuses it.
          .refine((text) => [...text].length >= 3, 'Say why (at least 3 characters)'),
      ),
  })
  .refine((value) => (value.percent === undefined) !== (value.amountCents === undefined), {
    path: ['percent'],
    message: 'Give either a percent or an amount',
  });
export type TAdjustmentInput = z.output<typeof ZAdjustmentInput>;
/** An adjustment as a client sends it (the label may be left out). */
export type TAdjustmentBody = z.input<typeof ZAdjustmentInput>;

/** `POST /api/admin/quotes`: the website's quote with staff's adjustments and deposit. */
export const ZStaffQuoteInput = withPartySize(
  ZQuoteFields.extend({
    adjustments: z.array(ZAdjustmentInput).max(5, 'At most 5 adjustments').default([]),
    depositCents: z.number().int().min(0).max(10_000_000).optional(),
  }),
);
export type TStaffQuoteInput = z.input<typeof ZStaffQuoteInput>;

export const QUOTE_LINE_KINDS = [
  'GUESTS',
  'MENU',
  'MINIMUM',
  'TRAVEL',
  'DISCOUNT',
  'SURCHARGE',
] as const;

export const ZQuoteLine = z.object({
  /** What the line prices: the guests, a menu line, the minimum's top-up, travel, staff's adjustments (a discount negative). */
  kind: z.enum(QUOTE_LINE_KINDS),
  label: z.string(),
  amountCents: z.number().int(),
});
export type TQuoteLine = z.infer<typeof ZQuoteLine>;

/** A discount or surcharge as a price preview applies it (see calculate-quote.ts). */
export const ZPriceAdjustment = z.object({
  kind: z.enum(['DISCOUNT', 'SURCHARGE']),
  percent: z.number().int().nullable(),
  amountCents: z.number().int().nullable(),
  label: z.string(),
});

export const ZQuote = z.object({
  /** ISO 4217: every amount is in its minor units. */
  currency: z.string(),
  lines: z.array(ZQuoteLine),
  totalCents: z.number().int().nonnegative(),
  depositCents: z.number().int().nonnegative(),
  balanceCents: z.number().int().nonnegative(),
  /** The station charges for travel and no postal code was given: the total leaves it out. */
  travelNeedsAddress: z.boolean().optional(),
});
export type TQuote = z.infer<typeof ZQuote>;
