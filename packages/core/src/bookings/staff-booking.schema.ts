import { z } from 'zod';
import { ZMenuLine } from '../menu/menu.schema';
import { REFUND_SETTLERS } from '../money/refund-settler';
import { ZPriceAdjustment, ZQuoteLine } from '../pricing/quote.schema';
import { ZProposalState } from '../terms/terms.schema';
import { ZAddressView, ZBookingStation } from './customer-booking.schema';
import { BOOKING_STATUSES } from './staff-bookings.schema';

/** Any JSON value: what an audit row recorded before and after (its shape differs per action). */
export type TJsonValue =
  string | number | boolean | null | TJsonValue[] | { [key: string]: TJsonValue };

const isJsonValue = (value: unknown): value is TJsonValue =>
  value === null ||
  ['string', 'number', 'boolean'].includes(typeof value) ||
  (Array.isArray(value)
    ? value.every(isJsonValue)
    : typeof value === 'object' && Object.values(value).every(isJsonValue));

const ZJsonValue = z
  .custom<TJsonValue>(isJsonValue, 'Expected a JSON value')
  .meta({ description: 'Any JSON value' });

const ZPlannedMessage = z.object({
  kind: z.enum(['BOOKING_REMINDER', 'BOOKING_DAY_BEFORE', 'BOOKING_THANK_YOU']),
  at: z.iso.datetime(),
  /** PLANNED: will be queued then; OFF: the station does not send it; SKIPPED: booked after its moment. */
  state: z.enum(['PLANNED', 'OFF', 'SKIPPED']),
});

/** Where the customer is with the online balance: told, looking at the payment page, or done. */
const ZBalanceLinkState = z.object({
  state: z.enum(['NOTHING_DUE', 'NOT_SENT', 'SENT', 'OPENED', 'PAID']),
  sentAt: z.iso.datetime().nullable(),
  openedAt: z.iso.datetime().nullable(),
  paidAt: z.iso.datetime().nullable(),
});

/** What the caller may do with the booking now (their role and its state). */
const ZStaffBookingActions = z.object({
  recordPayment: z.boolean(),
  cancel: z.boolean(),
  markOutcome: z.boolean(),
  editNotes: z.boolean(),
  reschedule: z.boolean(),
  editMenu: z.boolean(),
  settleRefunds: z.boolean(),
});

const ZStaffBookingPayment = z.object({
  id: z.uuid(),
  method: z.enum(['CARD', 'CASH', 'CHECK']),
  status: z.string(),
  /** The deposit that confirmed the booking, or the balance after it. */
  purpose: z.enum(['DEPOSIT', 'BALANCE']),
  amountCents: z.number().int(),
  refundedCents: z.number().int(),
  /** Gratuity charged with this payment, and what of it went back. */
  gratuityCents: z.number().int(),
  gratuityRefundedCents: z.number().int(),
  refundOwedCents: z.number().int().nonnegative(),
  /** Who gives the owed refund back (null when nothing is owed). */
  refundSettledBy: z.enum(REFUND_SETTLERS).nullable(),
  lastRefundError: z.string().nullable(),
  note: z.string().nullable(),
  recordedBy: z.string().nullable(),
  createdAt: z.iso.datetime(),
});

/**
 * `GET /api/admin/bookings/ID`: everything staff need on one booking (customer, chef, price
 * lines, payments, refunds owed, history, e-mails, planned messages, what they may do). Browser-safe.
 */
export const ZStaffBooking = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    status: z.enum(BOOKING_STATUSES),
    version: z.number().int(),
    station: ZBookingStation,
    /** ISO 4217: every amount of the booking is in its minor units. */
    currency: z.string(),
    date: z.iso.date(),
    time: z.iso.time({ precision: -1 }),
    endTime: z.iso.time({ precision: -1 }),
    startsAt: z.iso.datetime(),
    endsAt: z.iso.datetime(),
    durationMinutes: z.number().int(),
    adults: z.number().int(),
    children: z.number().int(),
    address: ZAddressView,
    specialRequests: z.string().nullable(),
    notes: z.string().nullable(),
    holdExpiresAt: z.iso.datetime().nullable(),
    /** Booked on the website, or taken by staff (`enteredBy`) as a phone or text order. */
    source: z.enum(['WEBSITE', 'STAFF']),
    enteredBy: z.string().nullable(),
    proposal: ZProposalState,
    /**
     * The customer's proposal page (review, accept the terms, pay), a path on the customer
     * site: phone orders still active only (it carries the customer's signed token).
     */
    proposalUrl: z.string().nullable(),
    /** Discounts and surcharges with who gave them and why. */
    adjustments: z.array(
      z.object({
        id: z.uuid(),
        kind: z.enum(['DISCOUNT', 'SURCHARGE']),
        percent: z.number().int().nullable(),
        amountCents: z.number().int().nullable(),
        label: z.string(),
        reason: z.string(),
        createdBy: z.string().nullable(),
        createdAt: z.iso.datetime(),
      }),
    ),
    /** When the chef marked it started from My events. */
    startedAt: z.iso.datetime().nullable(),
    cancelledAt: z.iso.datetime().nullable(),
    cancellationReason: z.string().nullable(),
    createdAt: z.iso.datetime(),
    customer: z.object({ id: z.uuid(), name: z.string(), email: z.string(), phone: z.string() }),
    chef: z.object({ id: z.uuid(), name: z.string(), color: z.string(), active: z.boolean() }),
    priceLines: z.array(ZQuoteLine),
    menu: z.object({
      lines: z.array(ZMenuLine),
      proteinsPerAdult: z.number().int(),
      /** The party's proteins are chosen (none left to decide). */
      proteinsDecided: z.boolean(),
      /** When the menu becomes final for the customer (staff may still change it). */
      lockAt: z.iso.datetime(),
      locked: z.boolean(),
    }),
    /** The prices it was quoted at, for a page to preview a change with the same rule. */
    pricing: z.object({
      adultPriceCents: z.number().int(),
      childPriceCents: z.number().int(),
      minimumCents: z.number().int(),
      travel: z.object({ feeCents: z.number().int(), label: z.string() }).nullable(),
      adjustments: z.array(ZPriceAdjustment),
    }),
    totalCents: z.number().int(),
    depositCents: z.number().int(),
    paidCents: z.number().int(),
    balanceCents: z.number().int().nonnegative(),
    /** Gratuity kept for the chef (paid online with the balance; never part of the price). */
    gratuityCents: z.number().int(),
    payments: z.array(ZStaffBookingPayment),
    refundsOwedCents: z.number().int().nonnegative(),
    audit: z.array(
      z.object({
        id: z.uuid(),
        at: z.iso.datetime(),
        actor: z.object({
          type: z.enum(['STAFF', 'CUSTOMER', 'SYSTEM']),
          name: z.string().nullable(),
        }),
        action: z.string(),
        before: ZJsonValue,
        after: ZJsonValue,
      }),
    ),
    emails: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        subject: z.string(),
        status: z.string(),
        attempts: z.number().int(),
        lastError: z.string().nullable(),
        createdAt: z.iso.datetime(),
        sentAt: z.iso.datetime().nullable(),
      }),
    ),
    /** Planned messages still to come (the queued and sent ones are in `emails`). */
    plannedMessages: z.array(ZPlannedMessage),
    /** The online balance link: sent with the reminder, a payment page opened, or paid. */
    balanceLink: ZBalanceLinkState,
    actions: ZStaffBookingActions,
  })
  .describe('The booking as staff see it');
export type TStaffBooking = z.output<typeof ZStaffBooking>;
