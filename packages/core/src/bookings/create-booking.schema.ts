// Shared by the booking form (client-side validation) and POST /api/bookings: keep it client-safe.
import { z } from 'zod';
import { ZLocalDate, ZLocalTime } from '../availability/availability.schema';
import {
  ZAdjustmentInput,
  type TAdjustmentInput,
  DEFAULT_DURATION_MINUTES,
  ZAdults,
  ZChildren,
  ZDurationMinutes,
  ZExpectedCurrency,
  ZStationSlug,
  withPartySize,
} from '../pricing/quote.schema';
import { ZMenuSelection } from '../menu/menu.schema';
import { sanitizeLine, sanitizeText } from '../validation/sanitize';

import { SPECIAL_REQUESTS_MAX } from './booking-limits';

export { SPECIAL_REQUESTS_MAX, ZAdjustmentInput, type TAdjustmentInput };

const line = (label: string, max: number) =>
  z
    .string({ error: `Enter ${label}` })
    .transform(sanitizeLine)
    .pipe(z.string().min(1, `Enter ${label}`).max(max, `Keep ${label} under ${max} characters`));

export const ZCustomerContact = z.strictObject({
  name: line('your name', 100),
  email: z
    .string({ error: 'Enter your e-mail address' })
    .trim()
    .toLowerCase()
    .pipe(z.email('Enter a valid e-mail address').max(254, 'That e-mail address is too long')),
  phone: z
    .string({ error: 'Enter a phone number' })
    .trim()
    .regex(/^\+?[0-9][0-9 ().-]{5,22}[0-9]$/, 'Enter a phone number, e.g. +1 555 123 4567')
    .refine(
      (value) => value.replace(/\D/g, '').length >= 7,
      'Enter a phone number, e.g. +1 555 123 4567',
    ),
});

export const ZEventAddress = z.strictObject({
  line1: line('the street address', 200),
  line2: z
    .string()
    .transform(sanitizeLine)
    .pipe(z.string().max(200, 'Keep this under 200 characters'))
    .optional()
    .transform((value) => (value ? value : undefined)),
  city: line('the city', 100),
  postalCode: z
    .string({ error: 'Enter the postal code' })
    .trim()
    .regex(/^[A-Za-z0-9][A-Za-z0-9 -]{1,10}[A-Za-z0-9]$/, 'Enter a valid postal code'),
});

const ZBookingFields = z.strictObject({
  station: ZStationSlug,
  date: ZLocalDate,
  time: ZLocalTime,
  durationMinutes: ZDurationMinutes.default(DEFAULT_DURATION_MINUTES),
  adults: ZAdults,
  children: ZChildren.default(0),
  customer: ZCustomerContact,
  address: ZEventAddress,
  /** The party's menu choices; empty or without proteins: decided later (manage page). */
  menu: ZMenuSelection.default([]),
  currency: ZExpectedCurrency,
  specialRequests: z
    .string()
    .transform(sanitizeText)
    .pipe(
      z
        .string()
        .max(
          SPECIAL_REQUESTS_MAX,
          `Keep special requests under ${SPECIAL_REQUESTS_MAX} characters`,
        ),
    )
    .optional()
    .transform((value) => (value ? value : undefined)),
});

export const ZCreateBookingInput = withPartySize(
  ZBookingFields.extend({
    /**
     * The station's terms the customer read and ticked on the review step (optional for older
     * clients): the version, which must still be the current one (409 TERMS_CHANGED).
     */
    acceptTerms: z.strictObject({ version: z.number().int().positive().max(1_000_000) }).optional(),
  }),
);

/** `POST /api/admin/bookings/ID/adjustments`: one discount or surcharge, at the version read. */
export const ZAddAdjustmentInput = z.intersection(
  ZAdjustmentInput,
  z.object({ version: z.number().int().positive() }),
);

export const ZAdjustedBooking = z.object({
  id: z.uuid(),
  version: z.number().int(),
  totalCents: z.number().int(),
  depositCents: z.number().int(),
  proposalVersion: z.number().int(),
});
export type TAdjustedBooking = z.infer<typeof ZAdjustedBooking>;

/**
 * POST /api/admin/bookings: the website's booking as staff enter it from a phone or text
 * order, with the chef they chose (none: the least busy free chef, as online), discounts or
 * surcharges, and (managers) a deposit other than the station's.
 */
export const ZStaffBookingInput = withPartySize(
  ZBookingFields.extend({
    chefId: z.uuid("Choose one of the station's chefs").optional(),
    adjustments: z.array(ZAdjustmentInput).max(5, 'At most 5 adjustments').default([]),
    depositCents: z
      .number({ error: 'Enter the deposit' })
      .int('Enter the deposit in minor units')
      .min(0, 'The deposit cannot be negative')
      .max(10_000_000, 'That deposit is too large')
      .optional(),
  }),
);
export type TStaffBookingInput = z.input<typeof ZStaffBookingInput>;

export type TCreateBookingInput = z.input<typeof ZCreateBookingInput>;
export type TCreateBookingValues = z.output<typeof ZCreateBookingInput>;

export const ZCreatedBooking = z.object({
  reference: z.string(),
  status: z.literal('PENDING_PAYMENT'),
  startsAt: z.iso.datetime(),
  date: ZLocalDate,
  time: ZLocalTime,
  timezone: z.string(),
  totalCents: z.number().int(),
  depositCents: z.number().int(),
  /** ISO 4217: the amounts' currency (the station's). */
  currency: z.string(),
  holdExpiresAt: z.iso.datetime(),
  paymentUrl: z.string(),
  manageUrl: z.string(),
});
export type TCreatedBooking = z.infer<typeof ZCreatedBooking>;

/** What staff get back: the customer's answer (with the links to send) and the booking to open. */
export const ZStaffCreatedBooking = ZCreatedBooking.extend({
  id: z.uuid(),
  /** The customer's proposal page (review, accept the terms, pay): the link to send. */
  proposalUrl: z.string(),
});
export type TStaffCreatedBooking = z.infer<typeof ZStaffCreatedBooking>;
