import { z } from 'zod';
import { ZMenuLine, ZMenuSelection } from '../menu/menu.schema';
import { ZLocalDate, ZLocalTime } from '../availability/availability.schema';
import { ZCancellationRefund } from '../money/cancellation-refund';
import { ZRefundPart } from '../money/refund-settler';
import { ZProposalState } from '../terms/terms.schema';
import {
  ZAdults,
  ZChildren,
  ZPriceAdjustment,
  ZQuoteLine,
  withPartySize,
} from '../pricing/quote.schema';

/** A booking's address as answers show it. */
export const ZAddressView = z.object({
  line1: z.string(),
  line2: z.string().nullable(),
  city: z.string(),
  postalCode: z.string(),
});

/** A booking's station as answers show it: its zone and locale say how to write times and money. */
export const ZBookingStation = z.object({
  slug: z.string(),
  name: z.string(),
  timezone: z.string(),
  locale: z.string(),
});

/** How a customer proves a booking is theirs: the e-mail it was made with, or the signed link token. */
export const ZCustomerProof = z.union([
  z.strictObject({
    email: z
      .string()
      .trim()
      .toLowerCase()
      .pipe(z.email('Enter the e-mail address you booked with')),
  }),
  z.strictObject({ token: z.string().min(10).max(200) }),
]);
export type TCustomerProof = z.infer<typeof ZCustomerProof>;

export const ZCustomerBooking = z.object({
  reference: z.string(),
  /** Sent back with a menu change (409 STALE_VERSION when someone changed it since). */
  version: z.number().int(),
  status: z.enum(['PENDING_PAYMENT', 'CONFIRMED', 'COMPLETED', 'CANCELLED', 'NO_SHOW', 'EXPIRED']),
  station: ZBookingStation,
  /** ISO 4217: every amount of the booking is in its minor units. */
  currency: z.string(),
  date: z.string(),
  time: z.string(),
  startsAt: z.iso.datetime(),
  durationMinutes: z.number().int(),
  adults: z.number().int(),
  children: z.number().int(),
  customer: z.object({ name: z.string(), email: z.string() }),
  address: ZAddressView,
  specialRequests: z.string().nullable(),
  totalCents: z.number().int(),
  depositCents: z.number().int(),
  paidCents: z.number().int(),
  /** Gratuity paid online for the chef: apart from the price, never in paidCents. */
  gratuityCents: z.number().int().nonnegative(),
  /** Paying the rest online: how much is left, what a gratuity is a share of, and what is allowed. */
  balance: z.object({
    dueCents: z.number().int().nonnegative(),
    /** The price without travel: what the offered gratuity percentages apply to. */
    foodCents: z.number().int().nonnegative(),
    /** Whether a card payment (the balance, or a gratuity alone) can be made now. */
    payable: z.boolean(),
    /** Whether a part of the balance may be paid (otherwise all of it at once). */
    partialAllowed: z.boolean(),
    gratuityPercents: z.array(z.number().int()),
  }),
  /** The price lines as quoted (the booking's own prices). */
  priceLines: z.array(ZQuoteLine),
  /** The prices it was quoted at, so a page can preview a change with the same rule. */
  pricing: z.object({
    adultPriceCents: z.number().int(),
    childPriceCents: z.number().int(),
    minimumCents: z.number().int(),
    travel: z.object({ feeCents: z.number().int(), label: z.string() }).nullable(),
    adjustments: z.array(ZPriceAdjustment),
  }),
  menu: z.object({
    lines: z.array(ZMenuLine),
    proteinsPerAdult: z.number().int(),
    proteinsDecided: z.boolean(),
    /** Until then the customer changes the menu and headcount; after it only staff do. */
    lockAt: z.iso.datetime(),
    changeable: z.boolean(),
  }),
  holdExpiresAt: z.iso.datetime().nullable(),
  /** Booked on the website, or taken by staff (then accepted and paid from a proposal link). */
  source: z.enum(['WEBSITE', 'STAFF']),
  proposal: ZProposalState,
  cancellable: z.boolean(),
  /** Whether the customer may move it online now, until when, and how many moves are left. */
  reschedule: z.object({
    allowed: z.boolean(),
    until: z.iso.datetime(),
    left: z.number().int().nonnegative(),
  }),
  refundDeadline: z.iso.datetime(),
  cancelledAt: z.iso.datetime().nullable(),
});
export type TCustomerBooking = z.infer<typeof ZCustomerBooking>;

export const ZCancellationResult = z.object({
  booking: ZCustomerBooking,
  refund: z.object({
    amountCents: z.number().int().nonnegative(),
    status: z.enum(['NONE', 'REFUNDED', 'PENDING', 'NOT_ELIGIBLE']),
    reason: z.string(),
  }),
  /** Each part of a refund and who gives it back: the provider, or staff by hand (owed until settled). */
  refundParts: z.array(ZRefundPart),
  /** What was paid (deposit, balance), refunded or kept, and the gratuity: what `reason` words. */
  cancellation: ZCancellationRefund,
});
export type TCancellationResult = z.infer<typeof ZCancellationResult>;

/**
 * `PATCH /api/bookings/REF/menu` (customer, until the lock) and `PATCH /api/admin/bookings/ID/menu`
 * (staff): the whole party and menu as they should be, at the booking version read.
 */
export const ZMenuChange = withPartySize(
  z.strictObject({
    adults: ZAdults,
    children: ZChildren,
    menu: ZMenuSelection,
    version: z.number().int().positive(),
  }),
);
export type TMenuChange = z.input<typeof ZMenuChange>;

/** The customer's change carries their proof as well. */
export const ZCustomerMenuChange = z.intersection(ZCustomerProof, ZMenuChange);

/**
 * `POST /api/bookings/REF/reschedule`: the customer's own move to another of the station's
 * start times (same duration, any free chef), at the booking version read.
 */
export const ZCustomerReschedule = z.intersection(
  ZCustomerProof,
  z.strictObject({
    date: ZLocalDate,
    time: ZLocalTime,
    version: z.number().int().positive(),
  }),
);
