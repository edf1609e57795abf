import { z } from 'zod';
import { REFUND_SETTLERS } from '../money/refund-settler';
import { daysBetween, ZLocalDate } from '../availability/availability.schema';
import { BOOKING_STATUSES } from '../bookings/staff-bookings.schema';
import { MENU_ITEM_KINDS } from '../menu/menu.schema';

/** The longest range the dashboard may ask for (two years, a leap day included). */
export const MAX_ANALYTICS_DAYS = 731;

const optionalText = (max: number) =>
  z.preprocess((value) => (value === '' ? undefined : value), z.string().max(max).optional());

/**
 * `GET /api/admin/analytics/*?from&to&station?&email?`: local dates (each station's own time
 * zone), inclusive, at most two years; `station` a slug (super admin: none = every station).
 */
export const ZAnalyticsQuery = z
  .object({
    from: ZLocalDate,
    to: ZLocalDate,
    station: optionalText(64),
    /** Every station (super admin): the currency whose stations the figures cover. */
    currency: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z
        .string()
        .regex(/^[A-Z]{3}$/, 'Use a currency code such as USD')
        .optional(),
    ),
    email: z.preprocess(
      (value) => (value === '' ? undefined : value),
      z.email('Enter an e-mail address').max(254).toLowerCase().optional(),
    ),
  })
  .refine((query) => query.from <= query.to, {
    path: ['to'],
    message: 'The end date is before the start date',
  })
  .refine(
    (query) => query.from > query.to || daysBetween(query.from, query.to) <= MAX_ANALYTICS_DAYS,
    {
      path: ['to'],
      message: 'Ask for at most two years at a time',
    },
  );
export type TAnalyticsQuery = z.output<typeof ZAnalyticsQuery>;

const cents = z.number().int();

/** Every figure's currency, the locale to write it in, and the others the caller may switch to. */
const inCurrency = {
  currency: z.string(),
  locale: z.string(),
  currencies: z.array(z.string()),
};
const count = z.number().int().nonnegative();
/** A share between 0 and 1, or null when there is nothing to divide by. */
const ratio = z.number().nullable();

export const ZBookingKpis = z.object({
  from: ZLocalDate,
  to: ZLocalDate,
  ...inCurrency,
  /** Bookings by status (event date in the range); every status present. */
  byStatus: z.record(z.enum(BOOKING_STATUSES), count),
  /** Bookings in the range, lapsed holds (EXPIRED) left out. */
  bookings: count,
  /** Price of confirmed and completed events. */
  confirmedRevenueCents: cents,
  /** Guests per confirmed or completed event. */
  averagePartySize: z.number().nullable(),
  /** Cancelled ÷ (confirmed + completed + cancelled + no-show). */
  cancellationRate: ratio,
  /** No-show ÷ (completed + no-show): of the events that were due, how many nobody was home for. */
  noShowRate: ratio,
  /** Days from booking to event, over bookings that are not lapsed holds. */
  averageLeadDays: z.number().nullable(),
  /**
   * Booked chef-hours (confirmed + completed) ÷ chef-hours of active chefs inside service hours,
   * closed dates and the chefs' time off left out.
   */
  chefUtilisation: ratio,
  bookedChefHours: z.number(),
  availableChefHours: z.number(),
  /** Every day of the range, zeros included. */
  perDay: z.array(z.object({ date: ZLocalDate, bookings: count, revenueCents: cents })),
});
export type BookingKpis = z.infer<typeof ZBookingKpis>;

export const PAYMENT_METHODS = ['CARD', 'CASH', 'CHECK'] as const;

export const ZPaymentAnalytics = z.object({
  from: ZLocalDate,
  to: ZLocalDate,
  ...inCurrency,
  /** Money that arrived (payments recorded in the range that succeeded, refunded ones included). */
  grossCents: cents,
  /** Of it, what has been handed back. */
  refundedCents: cents,
  netCents: cents,
  byMethod: z.array(
    z.object({ method: z.enum(PAYMENT_METHODS), count, amountCents: cents, share: ratio }),
  ),
  /** Every calendar month the range touches, zeros included (YYYY-MM). */
  byMonth: z.array(
    z.object({
      month: z.string().regex(/^\d{4}-\d{2}$/),
      grossCents: cents,
      refundedCents: cents,
      netCents: cents,
    }),
  ),
  /** Card payments that went through ÷ card payments that finished (pending ones left out). */
  cardSuccessRate: ratio,
  /** Refunds asked for and not yet landed (today, whatever the range), oldest first. */
  refundsOwed: z.object({
    count,
    cents,
    items: z.array(
      z.object({
        bookingId: z.uuid(),
        reference: z.string(),
        paymentId: z.uuid(),
        owedCents: cents,
        method: z.enum(PAYMENT_METHODS),
        /** Who must act: the provider (automatic, retried) or staff by terminal, cash or check. */
        settledBy: z.enum(REFUND_SETTLERS),
        ageDays: z.number(),
        lastError: z.string().nullable(),
      }),
    ),
  }),
  /** Confirmed events in the range with money still to take. */
  outstanding: z.object({ bookings: count, cents }),
  /** Gratuities paid online in the range (less what went back), per chef of the event: chef income. */
  gratuity: z.object({
    cents,
    payments: count,
    byChef: z.array(
      z.object({ chefId: z.uuid(), name: z.string(), color: z.string(), payments: count, cents }),
    ),
  }),
});
export type PaymentAnalytics = z.infer<typeof ZPaymentAnalytics>;

const ZCustomerSummary = z.object({
  email: z.string(),
  name: z.string(),
  bookings: count,
  lifetimeValueCents: cents,
  lastEventDate: ZLocalDate.nullable(),
});

export const ZCustomerHistory = z.object({
  email: z.string(),
  name: z.string(),
  lifetimeValueCents: cents,
  bookings: z.array(
    z.object({
      id: z.uuid(),
      reference: z.string(),
      station: z.string(),
      date: ZLocalDate,
      time: z.string(),
      status: z.enum(BOOKING_STATUSES),
      partySize: count,
      totalCents: cents,
      paidCents: cents,
    }),
  ),
  payments: z.array(
    z.object({
      reference: z.string(),
      at: z.string(),
      method: z.enum(PAYMENT_METHODS),
      status: z.string(),
      amountCents: cents,
      refundedCents: cents,
    }),
  ),
});

export const ZCustomerAnalytics = z.object({
  from: ZLocalDate,
  to: ZLocalDate,
  ...inCurrency,
  /** Customers with a booking (not a lapsed hold) whose event falls in the range. */
  customers: count,
  /** Of them, those whose first booking (in scope) is in the range. */
  newCustomers: count,
  returningCustomers: count,
  /** Of them, the share with more than one booking to date (in scope). */
  repeatRate: ratio,
  /** Customers seen in the range, by lifetime value (net paid, in scope). */
  topCustomers: z.array(ZCustomerSummary),
  /** With `email=`: that customer's bookings and payments in scope (null when unknown). */
  customer: ZCustomerHistory.nullable().optional(),
});
export type CustomerAnalytics = z.infer<typeof ZCustomerAnalytics>;
export type CustomerHistory = z.infer<typeof ZCustomerHistory>;

export const ZMenuItemUptake = z.object({
  name: z.string(),
  kind: z.enum(MENU_ITEM_KINDS),
  /** Portions (protein choices, plates, add-ons) across the events. */
  quantity: count,
  /** Events that had it, and their share of all the events. */
  bookings: count,
  uptake: ratio,
  /** What it was charged at (the booking's own unit prices). */
  revenueCents: cents,
});

/**
 * `GET /api/admin/analytics/menu`: what parties chose for the confirmed and completed events of
 * the range (local event dates), item by item; every station's items of one name together.
 */
export const ZMenuAnalytics = z.object({
  from: ZLocalDate,
  to: ZLocalDate,
  ...inCurrency,
  /** Confirmed and completed events in the range, and their guests. */
  bookings: count,
  guests: count,
  /** Their total price ÷ their guests. */
  averageSpendPerGuestCents: z.number().int().nullable(),
  /** The menu lines' part of the price (upgrades, extras, add-ons). */
  menuRevenueCents: cents,
  /** Events whose proteins are still "to decide later". */
  undecidedBookings: count,
  items: z.array(ZMenuItemUptake),
});
export type MenuAnalytics = z.infer<typeof ZMenuAnalytics>;

/** `GET /api/admin/analytics/adjustments`: discounts and surcharges given, per staff member. */
export const ZAdjustmentAnalytics = z.object({
  from: ZLocalDate,
  to: ZLocalDate,
  ...inCurrency,
  /** Confirmed and completed events in the range with a discount or surcharge. */
  bookings: count,
  discountCents: cents,
  surchargeCents: cents,
  byStaff: z.array(
    z.object({
      /** Null once the account is gone. */
      staffId: z.uuid().nullable(),
      name: z.string(),
      discounts: count,
      discountCents: cents,
      surcharges: count,
      surchargeCents: cents,
    }),
  ),
});
export type TAdjustmentAnalytics = z.infer<typeof ZAdjustmentAnalytics>;
